"""The business behind a portal: its settings, its staff and the services it offers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlmodel import Column, Field, Numeric, SQLModel

from portal_app.core.columns import UTCDateTime


class Business(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    slug: str = Field(max_length=80, unique=True)
    logo_url: str = Field(default="/logo.svg", max_length=300)
    timezone: str = Field(default="Europe/Amsterdam", max_length=64)
    locale: str = Field(default="nl", max_length=8)
    currency: str = Field(default="EUR", max_length=3)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=32)
    is_field_service: bool = False


class BusinessSettings(SQLModel, table=True):
    """Booking policies and portal switches an owner sets."""

    __tablename__ = "business_settings"

    business_id: int = Field(foreign_key="business.id", primary_key=True)
    booking_mode: str = Field(default="direct", max_length=16)  # direct | request
    allow_reschedule: bool = True
    reschedule_min_hours: int = 24
    cancel_min_hours: int = 24  # 0 means: any time before the start
    reminder_hours: int = 24
    options_count: int = 3
    more_options_enabled: bool = True
    max_option_rounds: int = 3
    preferred_date_enabled: bool = True
    min_notice_minutes: int = 120
    horizon_days: int = 60
    slot_step_minutes: int = 15
    travel_speed_kmh: int = 50
    road_factor_percent: int = 130
    primary_color: str = Field(default="teal", max_length=16)


class StaffMember(SQLModel, table=True):
    __tablename__ = "staff_member"

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=200)
    email: str = Field(max_length=254, unique=True)
    role: str = Field(default="staff", max_length=16)  # owner | staff | mechanic
    password_hash: str = Field(default="", max_length=255)
    failed_logins: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    active: bool = True
    base_latitude: float | None = None
    base_longitude: float | None = None
    service_radius_km: float | None = None
    service_postcodes: str = Field(default="", max_length=500)  # e.g. "1000-1099,1200-1299"


class Service(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=1000)
    # The owner's English wording, shown to English-speaking customers ("" = the Dutch one).
    name_en: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    description_en: str = Field(
        default="", max_length=1000, sa_column_kwargs={"server_default": ""}
    )
    duration_minutes: int
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    price_cents: int  # including VAT
    vat_rate: Decimal = Field(
        default=Decimal("21.00"), sa_column=Column(Numeric(5, 2), nullable=False)
    )
    active: bool = True


class ServiceStaff(SQLModel, table=True):
    """Which staff member may perform which service."""

    __tablename__ = "service_staff"

    service_id: int = Field(foreign_key="service.id", primary_key=True)
    staff_id: int = Field(foreign_key="staff_member.id", primary_key=True, index=True)
