"""The activity log: who changed what, written with the change itself."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class ActivityEntry(SQLModel, table=True):
    __tablename__ = "activity_entry"
    __table_args__ = (Index("ix_activity_business_at", "business_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False))
    actor_kind: str = Field(max_length=16)  # customer | staff | system
    actor_id: int | None = None
    action: str = Field(max_length=40)  # booked | rescheduled | cancelled | ...
    appointment_id: int | None = Field(default=None, foreign_key="appointment.id")
    summary: str = Field(default="", max_length=500)
