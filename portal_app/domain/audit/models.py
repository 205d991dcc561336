"""The audit log table: append-only, one row per security-relevant event."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_business_at", "business_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    # None when the business is unknown (e.g. a sign-in with an unknown address).
    business_id: int | None = Field(default=None, foreign_key="business.id")
    at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False))
    event: str = Field(max_length=40)  # a key of EVENTS
    actor_kind: str = Field(default="anonymous", max_length=16)  # customer|staff|system|anonymous
    actor_id: int | None = None
    subject_kind: str = Field(default="", max_length=16)  # customer | staff | ""
    subject_id: int | None = None
    detail: str = Field(default="", max_length=300)
    source: str = Field(default="", max_length=100)  # the client's address, when known
