"""The business that runs a portal, and the owner's settings."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


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
