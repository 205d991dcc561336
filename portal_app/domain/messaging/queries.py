"""What was sent: the outbox as the dev mailbox reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from portal_app.core.context import Context
from portal_app.domain.messaging.models import OutboxMessage


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
    """The newest outbox rows of every business (development tool only)."""
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(OutboxMessage).order_by(col(OutboxMessage.id).desc()).limit(limit)
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
