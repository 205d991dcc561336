"""Invitations: staff ask a customer to pick an appointment option themselves."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class Invitation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    customer_id: int = Field(foreign_key="customer.id", index=True)
    service_id: int = Field(foreign_key="service.id")
    created_by_staff_id: int | None = Field(default=None, foreign_key="staff_member.id")
    status: str = Field(default="open", max_length=16)  # open | booked | declined | no_options
    rounds_shown: int = 0
    # Options already shown, "staff_id@iso-start" separated by spaces (never shown again).
    shown_options: str = Field(default="", max_length=4000)
    # The round on screen now (same format); a page reload shows it again.
    current_options: str = Field(default="", max_length=1000)
    appointment_id: int | None = Field(default=None, foreign_key="appointment.id")
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
