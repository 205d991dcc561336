"""Consents, the owner's privacy policy, and the record of every erasure."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, SQLModel

from portal_app.core.columns import UTCDateTime


class Consent(SQLModel, table=True):
    """A customer agreed to a version of the terms or the privacy statement, at a time."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    kind: str = Field(max_length=16)  # terms | privacy
    version: str = Field(max_length=20)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class PrivacyPolicy(SQLModel, table=True):
    """The owner's choices: erase customers inactive for N months (0: never)."""

    __tablename__ = "privacy_policy"

    business_id: int = Field(foreign_key="business.id", primary_key=True)
    erase_inactive_months: int = 0
    # When the setting was last changed: nobody is erased before it has held N months.
    changed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class Erasure(SQLModel, table=True):
    """A customer whose personal data was erased (the row itself stays, pseudonymised)."""

    customer_id: int = Field(foreign_key="customer.id", primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    reason: str = Field(max_length=16)  # request | inactive
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
