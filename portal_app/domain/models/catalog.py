"""Services a business offers, and who may perform them."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Column, Field, Numeric, SQLModel


class Service(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=1000)
    duration_minutes: int
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    price_cents: int  # including VAT
    vat_rate: Decimal = Field(
        default=Decimal("21.00"), sa_column=Column(Numeric(5, 2), nullable=False)
    )
    active: bool = True


class ServiceStaff(SQLModel, table=True):
    """Which staff member may perform which service."""

    __tablename__ = "service_staff"

    service_id: int = Field(foreign_key="service.id", primary_key=True)
    staff_id: int = Field(foreign_key="staff_member.id", primary_key=True, index=True)
