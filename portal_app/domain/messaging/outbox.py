"""Queue e-mail and SMS in the outbox, inside the transaction of the change that causes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput
from portal_app.core.locale import normalise_locale
from portal_app.core.parsing import parse_email, parse_mobile, valid_mobile
from portal_app.domain.business.models import Business, BusinessSettings
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.html import render_html
from portal_app.domain.messaging.models import MessageStatus, MessageTemplate, OutboxMessage
from portal_app.domain.messaging.templates import PARTS, render_message

SUBJECT_MAX = 300


@dataclass(frozen=True)
class Attachment:
    """A file sent with an e-mail (an SMS gets a link instead)."""

    name: str
    content: str
    content_type: str = "text/calendar"


def saved_wording(session: Session, business_id: int, kind: str, locale: str | None) -> dict:
    """The owner's non-blank texts for a kind and locale ({} when none are saved)."""
    row = session.get(MessageTemplate, (business_id, kind, normalise_locale(locale)))
    if row is None:
        return {}
    return {part: getattr(row, part) for part in PARTS if getattr(row, part).strip()}


def queue_message(
    session: Session,
    ctx: Context,
    *,
    business_id: int,
    channel: str,
    recipient: str,
    kind: str,
    locale: str | None,
    values: Mapping[str, object],
    attachment: Attachment | None = None,
    overrides: Mapping[str, str] | None = None,
    customer_id: int | None = None,
    appointment_id: int | None = None,
    send_at: datetime | None = None,
) -> OutboxMessage:
    """Render a message and add it to the caller's session as a pending outbox row, due
    now or at `send_at` (a reminder), linked to the customer and appointment it is about.

    Does not commit: the row is written with the change that causes it, or not at all.
    Raises InvalidInput for a bad recipient or channel.
    """
    if channel == "email":
        recipient = parse_email(recipient)
    elif channel == "sms":
        recipient = parse_mobile(recipient)
    else:
        raise InvalidInput(f"Unknown channel {channel!r}; use 'email' or 'sms'.")
    if overrides is None:
        overrides = saved_wording(session, business_id, kind, locale)
    rendered = render_message(kind, locale, values, overrides, channel=channel)
    subject = rendered.subject
    if len(subject) > SUBJECT_MAX:
        subject = subject[: SUBJECT_MAX - 1].rstrip() + "…"
    now = ctx.clock.now()
    message = OutboxMessage(
        business_id=business_id,
        customer_id=customer_id,
        appointment_id=appointment_id,
        channel=channel,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body=rendered.body,
        status=MessageStatus.PENDING,
        attempts=0,
        next_attempt_at=send_at or now,
        created_at=now,
    )
    if channel == "email":
        _dress_email(session, message, locale)
        if attachment is not None:
            message.attachment_name = attachment.name
            message.attachment_content = attachment.content
            message.attachment_type = attachment.content_type
    session.add(message)
    return message


def _reply_address(business: Business) -> str:
    try:
        return parse_email(business.email)
    except InvalidInput:
        return ""


def _dress_email(session: Session, message: OutboxMessage, locale: str | None) -> None:
    """The business as sender name and Reply-To, and the HTML part in its colour."""
    business = session.get(Business, message.business_id)
    if business is None:
        return
    settings = session.get(BusinessSettings, business.id)
    message.sender_name = business.name[:200]
    message.reply_to = _reply_address(business)
    message.html_body = render_html(
        message.body,
        subject=message.subject,
        business_name=business.name,
        accent=settings.primary_color if settings else None,
        locale=normalise_locale(locale),
    )


def customer_channel(customer: Customer) -> tuple[str, str]:
    """(channel, recipient) by the customer's preference: SMS when they prefer it and a
    valid mobile number is known, otherwise e-mail."""
    mobile = valid_mobile(customer.mobile)
    if customer.preferred_channel == "sms" and mobile:
        return "sms", mobile
    return "email", customer.email


def notify_customer(
    session: Session,
    ctx: Context,
    customer: Customer,
    kind: str,
    values: Mapping[str, object],
    attachment: Attachment | None = None,
    *,
    appointment_id: int | None = None,
    send_at: datetime | None = None,
) -> OutboxMessage:
    """Queue a message to a customer by their preferred channel (an SMS carries no file),
    due now or at `send_at`."""
    channel, recipient = customer_channel(customer)
    return queue_message(
        session,
        ctx,
        business_id=customer.business_id,
        channel=channel,
        recipient=recipient,
        kind=kind,
        locale=customer.locale,
        values=values,
        attachment=attachment,
        customer_id=customer.id,
        appointment_id=appointment_id,
        send_at=send_at,
    )
