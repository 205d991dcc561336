"""Working hours, time off and closing days."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime


class WorkingHours(SQLModel, table=True):
    """One interval on one weekday (0 = Monday), in local minutes since midnight."""

    __tablename__ = "working_hours"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_member.id", index=True)
    weekday: int
    start_minute: int
    end_minute: int


class TimeOff(SQLModel, table=True):
    __tablename__ = "time_off"
    __table_args__ = (Index("ix_time_off_staff_window", "staff_id", "start_utc", "end_utc"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_member.id")
    start_utc: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    end_utc: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    reason: str = Field(default="", max_length=200)


class ClosingDay(SQLModel, table=True):
    __tablename__ = "closing_day"

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    day: date
    reason: str = Field(default="", max_length=200)
