"""Customers of a business and, for garages, their vehicles."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime


class Customer(SQLModel, table=True):
    __table_args__ = (
        # The customer list pages through a business's customers by name.
        Index("ix_customer_business_name", "business_id", "name"),
        # One customer per e-mail address in a business: it is how they sign in.
        Index("uq_customer_business_email", "business_id", "email", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=200)
    email: str = Field(max_length=254, index=True)
    mobile: str = Field(default="", max_length=32)
    preferred_channel: str = Field(default="email", max_length=8)  # email | sms
    locale: str = Field(default="nl", max_length=8)
    street: str = Field(default="", max_length=200)
    postcode: str = Field(default="", max_length=16)
    city: str = Field(default="", max_length=100)
    latitude: float | None = None
    longitude: float | None = None


class Vehicle(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    plate: str = Field(max_length=16)
    make: str = Field(default="", max_length=60)
    model: str = Field(default="", max_length=60)
    mileage_km: int | None = None


class ContactChange(SQLModel, table=True):
    """A new e-mail address or mobile number waiting for the code sent to it.

    It takes effect only when that code is entered; only the code's hash is stored.
    """

    __tablename__ = "contact_change"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    kind: str = Field(max_length=8)  # email | mobile
    new_value: str = Field(max_length=254)
    code_hash: str = Field(max_length=100)  # salted_hash: 81 characters
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    failed_attempts: int = 0
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
