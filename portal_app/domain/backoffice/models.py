"""Back-office tasks: what staff must pick up (declined options, no options, ...)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class TaskKind(StrEnum):
    OPTIONS_DECLINED = "options_declined"
    NO_OPTIONS = "no_options"
    CREDIT_INVOICE = "credit_invoice"
    APPROVE_REQUEST = "approve_request"


class BackofficeTask(SQLModel, table=True):
    __tablename__ = "backoffice_task"
    # The inbox lists one status of one business, newest first.
    __table_args__ = (
        Index("ix_backoffice_task_business_status_created", "business_id", "status", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    kind: str = Field(max_length=24)
    status: str = Field(default="open", max_length=12)  # open | resolved
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    appointment_id: int | None = Field(default=None, foreign_key="appointment.id")
    invitation_id: int | None = Field(default=None, foreign_key="invitation.id")
    reason: str = Field(default="", max_length=40)
    message: str = Field(default="", max_length=2000)
    assigned_staff_id: int | None = Field(default=None, foreign_key="staff_member.id")
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    resolved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
