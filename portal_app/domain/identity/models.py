"""Who can sign in: server-side sessions, single-use access tokens, one-time codes, rate limits."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


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


class AccessToken(SQLModel, table=True):
    """A single-use secret that signs a customer in (mailed link or code hand-off)."""

    __tablename__ = "access_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    actor_kind: str = Field(default="customer", max_length=16)
    actor_id: int = Field(index=True)
    business_id: int = Field(foreign_key="business.id")
    target_path: str = Field(default="/portal", max_length=200)
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class LoginCode(SQLModel, table=True):
    """A 6-digit one-time code; only its hash is stored."""

    __tablename__ = "login_code"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    code_hash: str = Field(max_length=100)  # "salt$sha256": 16 + 1 + 64 characters
    channel: str = Field(max_length=8)
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    failed_attempts: int = 0
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class RateLimitEvent(SQLModel, table=True):
    """One counted request, by bucket key (e.g. 'email:x@y.nl', 'ip:1.2.3.4')."""

    __tablename__ = "rate_limit_event"
    __table_args__ = (Index("ix_rate_limit_key_at", "bucket", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=300)
    at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False))


class StaffTwoFactor(SQLModel, table=True):
    """A staff member's authenticator app (TOTP): required for owners, the owner's choice
    for other staff."""

    __tablename__ = "staff_two_factor"

    staff_id: int = Field(foreign_key="staff_member.id", primary_key=True)
    required: bool = False
    secret: str = Field(default="", max_length=64)  # base32; set when enrolment starts
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_step: int = 0  # the newest 30-second step accepted (a code works once)


class RecoveryCode(SQLModel, table=True):
    """A one-time recovery code for a lost authenticator; only its salted hash is kept."""

    __tablename__ = "recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_member.id", index=True)
    code_hash: str = Field(max_length=100)
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class TwoFactorChallenge(SQLModel, table=True):
    """The step between a correct password and a correct second factor."""

    __tablename__ = "two_factor_challenge"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff_member.id", index=True)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    failed_attempts: int = 0
    passed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
