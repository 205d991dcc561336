"""Named leases so that, of several app processes, only one runs a job at a time."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.domain.models.types import UTCDateTime


class JobLock(SQLModel, table=True):
    __tablename__ = "job_lock"

    name: str = Field(primary_key=True, max_length=40)
    holder: str = Field(default="", max_length=80)
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
