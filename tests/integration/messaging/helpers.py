"""Helpers for the notification integration tests: fake senders, queueing, reading rows."""

from __future__ import annotations

import threading

from sqlmodel import Session, select

from portal_app.domain.business.models import Business
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.outbox import queue_message
from portal_app.infra.email import DeliveryError, idempotency_key
from tests.factories import make_context

LOGIN_VALUES = {
    "customer_name": "Emma de Boer",
    "business_name": "Demo",
    "code": "123456",
    "valid_minutes": "10",
}


class FakeSender:
    """Records every send; `fail(message)` may return an exception to raise instead."""

    def __init__(self, fail=None):
        self.fail = fail
        self.keys: list[str] = []
        self.sent: list[int] = []
        self._lock = threading.Lock()

    def send(self, message: OutboxMessage) -> None:
        with self._lock:
            self.keys.append(idempotency_key(message))
        error = self.fail(message) if self.fail else None
        if error is not None:
            raise error
        with self._lock:
            self.sent.append(message.id)


def failing(message):
    return DeliveryError("provider down")


def queue(engine, clock, count=1, channel="email", recipient=None) -> list[int]:
    """Queue and commit `count` login-code messages; returns their ids."""
    recipient = recipient or ("emma@example.com" if channel == "email" else "0612345678")
    with Session(engine, expire_on_commit=False) as session:
        business_id = session.exec(select(Business.id)).one()
        queued = [
            queue_message(
                session,
                make_context(engine, clock),
                business_id=business_id,
                channel=channel,
                recipient=recipient,
                kind="login_code",
                locale="nl",
                values=LOGIN_VALUES,
            )
            for _ in range(count)
        ]
        session.commit()
        return [row.id for row in queued]


def rows(engine) -> dict[int, OutboxMessage]:
    """Every outbox row by id, freshly read."""
    with Session(engine) as session:
        return {row.id: row for row in session.exec(select(OutboxMessage)).all()}
