"""Appointments and their status lifecycle."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class AppointmentStatus(StrEnum):
    REQUESTED = "requested"
    BOOKED = "booked"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    NO_SHOW = "no_show"


# Statuses that occupy the staff member's calendar.
BLOCKING_STATUSES = (
    AppointmentStatus.REQUESTED,
    AppointmentStatus.BOOKED,
    AppointmentStatus.RESCHEDULED,
)


class Appointment(SQLModel, table=True):
    __table_args__ = (
        Index("ix_appointment_staff_start", "staff_id", "start_utc"),
        Index("ix_appointment_customer_start", "customer_id", "start_utc"),
        Index("ix_appointment_business_start", "business_id", "start_utc"),
    )

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    customer_id: int = Field(foreign_key="customer.id")
    staff_id: int = Field(foreign_key="staff_member.id")
    service_id: int = Field(foreign_key="service.id")
    vehicle_id: int | None = Field(default=None, foreign_key="vehicle.id")
    status: str = Field(default=AppointmentStatus.BOOKED, max_length=16)
    start_utc: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    end_utc: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    price_cents: int
    location: str = Field(default="", max_length=300)
    video_url: str = Field(default="", max_length=300)
    notes: str = Field(default="", max_length=2000)
    paid: bool = False
    # The calendar file's SEQUENCE: counts up on every change the customer's calendar
    # must take over (another time, cancelled, done), so it replaces the earlier copy.
    sequence: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
