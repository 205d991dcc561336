"""People who work for the business, with their role and service area."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.domain.models.types import UTCDateTime


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
