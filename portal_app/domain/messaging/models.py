"""Outgoing e-mail and SMS (written in the transaction that causes them) and owners' wording."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Column, Field, Index, SQLModel

from portal_app.core.columns import UTCDateTime, utc_now


class MessageStatus(StrEnum):
    """Where an outbox row stands. A pending row waits until `next_attempt_at` (a reminder
    is pending for days); a withdrawn one (the appointment moved or was cancelled) is never
    sent."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "outbox_message"
    __table_args__ = (
        Index("ix_outbox_status_due", "status", "next_attempt_at"),
        Index("ix_outbox_appointment", "appointment_id", "id"),
        Index("ix_outbox_customer", "customer_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    # Who and what the message is about (none for sign-in messages and business notices
    # without an appointment): staff see each customer's and appointment's messages.
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    appointment_id: int | None = Field(default=None, foreign_key="appointment.id")
    channel: str = Field(max_length=8)  # email | sms
    kind: str = Field(max_length=40)
    recipient: str = Field(max_length=254)
    subject: str = Field(default="", max_length=300)
    body: str
    # The HTML alternative of an e-mail's plain-text body ("" for SMS).
    html_body: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # Who answers go to and whose name the e-mail comes from (the business).
    reply_to: str = Field(default="", max_length=254, sa_column_kwargs={"server_default": ""})
    sender_name: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    attachment_name: str = Field(default="", max_length=100)
    attachment_content: str = ""  # e.g. an .ics calendar file
    # e.g. "text/calendar; method=REQUEST", matching the file's METHOD.
    attachment_type: str = Field(
        default="", max_length=100, sa_column_kwargs={"server_default": ""}
    )
    status: str = Field(default=MessageStatus.PENDING, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    last_error: str = Field(default="", max_length=1000)
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False)
    )
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


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
