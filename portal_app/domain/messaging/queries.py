"""What was sent: a customer's or an appointment's messages for staff, the dev mailbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from portal_app.core.context import Context
from portal_app.core.paging import Page, PageRequest
from portal_app.domain.messaging.models import MessageStatus, OutboxMessage
from portal_app.domain.messaging.views import MessageLine

# A pending row has not gone out yet: staff read it as scheduled (due now or later).
STATES = {
    MessageStatus.PENDING: "scheduled",
    MessageStatus.SENT: "sent",
    MessageStatus.FAILED: "failed",
    MessageStatus.WITHDRAWN: "withdrawn",
}


def _line(message: OutboxMessage) -> MessageLine:
    state = STATES.get(message.status, "scheduled")
    at = message.sent_at if state == "sent" and message.sent_at else message.next_attempt_at
    return MessageLine(message.id, message.kind, message.channel, message.recipient, state, at)


def message_page(
    session: Session,
    business_id: int,
    page: PageRequest,
    *,
    customer_id: int | None = None,
    appointment_id: int | None = None,
) -> Page[MessageLine]:
    """One page of the messages about a customer or an appointment, newest first, in one
    statement (the caller checked who may see them)."""
    query = select(OutboxMessage).where(OutboxMessage.business_id == business_id)
    if customer_id is not None:
        query = query.where(OutboxMessage.customer_id == customer_id)
    if appointment_id is not None:
        query = query.where(OutboxMessage.appointment_id == appointment_id)
    rows = session.exec(
        query.order_by(col(OutboxMessage.id).desc()).offset(page.offset).limit(page.fetch)
    ).all()
    return Page.cut([_line(row) for row in rows], page)


@dataclass(frozen=True)
class SentMessage:
    id: int
    channel: str
    recipient: str
    status: str
    created_at: datetime
    subject: str
    body: str
    has_html: bool = False


def recent_messages(ctx: Context, limit: int = 50) -> list[SentMessage]:
    """The newest outbox rows of every business, but those scheduled for later (reminders)
    and withdrawn ones (development tool only)."""
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(OutboxMessage)
            .where(OutboxMessage.status != MessageStatus.WITHDRAWN)
            .where(
                (OutboxMessage.status != MessageStatus.PENDING)
                | (OutboxMessage.next_attempt_at <= ctx.clock.now())
            )
            .order_by(col(OutboxMessage.id).desc())
            .limit(limit)
        ).all()
    return [
        SentMessage(
            m.id,
            m.channel,
            m.recipient,
            m.status,
            m.created_at,
            m.subject,
            m.body,
            bool(m.html_body),
        )
        for m in rows
    ]


def message_html(ctx: Context, message_id: int) -> str:
    """The HTML part of one outbox e-mail ('' when there is none; development tool only)."""
    with ctx.db.transaction() as session:
        row = session.get(OutboxMessage, message_id)
        return row.html_body if row else ""
