"""An owner's own wording of a message kind, per locale (blank parts use the default)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.domain.models.types import UTCDateTime, utc_now


class MessageTemplate(SQLModel, table=True):
    __tablename__ = "message_template"

    business_id: int = Field(foreign_key="business.id", primary_key=True)
    kind: str = Field(max_length=40, primary_key=True)
    locale: str = Field(max_length=8, primary_key=True)
    subject: str = Field(default="", max_length=300)
    body: str = Field(default="", max_length=5000)
    sms: str = Field(default="", max_length=500)
    updated_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
