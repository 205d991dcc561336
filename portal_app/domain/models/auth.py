"""Server-side sessions; the browser holds only a random value, we keep its hash."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.domain.models.types import UTCDateTime, utc_now


class UserSession(SQLModel, table=True):
    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    actor_kind: str = Field(max_length=16)  # customer | staff
    actor_id: int = Field(index=True)
    business_id: int = Field(foreign_key="business.id")
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    last_seen_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
