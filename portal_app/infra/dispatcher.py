"""Sends due outbox rows, one process at a time, with retries and exponential backoff.

Each row's new status is committed right after its own send. A crash between the send and
that commit leaves the row pending, so it is sent again on a later tick; the idempotency
key (`outbox-<id>`) lets the provider drop the duplicate. Rows are never deleted.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal_app.config import ConfigError, Settings
from portal_app.core.clock import Clock
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.email import DeliveryError, DevMailboxSender, EmailSender, ResendEmailSender
from portal_app.infra.locks import default_holder, try_acquire
from portal_app.infra.sms import DevSmsSender, HttpSmsSender, SmsSender

log = logging.getLogger(__name__)

DISPATCH_LOCK = "outbox-dispatcher"
DEFAULT_LOCK_TTL = timedelta(minutes=2)
BACKOFF_BASE = timedelta(seconds=30)
PROCESS_HOLDER = default_holder()


@dataclass(frozen=True)
class Senders:
    """The e-mail and SMS senders the dispatcher uses."""

    email: EmailSender
    sms: SmsSender


@dataclass(frozen=True)
class DispatchReport:
    """What one run did; `skipped_locked` is True when another process holds the lock."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped_locked: bool = False


def _setting(settings: Settings, attribute: str, env: str, default: str = "") -> str:
    value = getattr(settings, attribute, None)
    return str(value if value is not None else os.environ.get(env, default)).strip()


def senders_from_settings(settings: Settings) -> Senders:
    """Resend when RESEND_API_KEY is set, else the dev mailbox; SMS over HTTP when
    SMS_API_URL and SMS_API_KEY are set (sender name SMS_ORIGINATOR), else the dev sender.

    Raises ConfigError when only one of SMS_API_URL and SMS_API_KEY is set.
    """
    if settings.resend_api_key:
        email: EmailSender = ResendEmailSender(settings.resend_api_key, settings.mail_from)
    else:
        email = DevMailboxSender()
        if settings.environment == "production":
            log.warning("RESEND_API_KEY is not set: e-mail goes to the dev mailbox only")
    sms_url = _setting(settings, "sms_api_url", "SMS_API_URL")
    sms_key = _setting(settings, "sms_api_key", "SMS_API_KEY")
    originator = _setting(settings, "sms_originator", "SMS_ORIGINATOR") or "Klantportal"
    if bool(sms_url) != bool(sms_key):
        raise ConfigError(
            "Set both SMS_API_URL and SMS_API_KEY to send SMS, or neither to use the dev sender."
        )
    if sms_url and not sms_url.startswith(("http://", "https://")):
        raise ConfigError(f"SMS_API_URL must start with http:// or https://, got {sms_url!r}.")
    if sms_url:
        sms: SmsSender = HttpSmsSender(sms_url, sms_key, originator)
    else:
        sms = DevSmsSender()
        if settings.environment == "production":
            log.warning("SMS_API_URL is not set: SMS goes to the dev mailbox only")
    return Senders(email=email, sms=sms)


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after `attempts` failures: 30 s, 60 s, 120 s, ..."""
    return BACKOFF_BASE * 2 ** (attempts - 1)


def _send_one(
    engine: Engine,
    message_id: int,
    clock: Clock,
    email_sender: EmailSender,
    sms_sender: SmsSender,
    max_attempts: int,
) -> str | None:
    """Send one row and commit its new status; returns "sent", "retried", "failed" or None."""
    now = clock.now()
    with Session(engine, expire_on_commit=False) as session:
        message = session.get(OutboxMessage, message_id)
        if message is None or message.status != "pending" or message.next_attempt_at > now:
            return None  # sent or rescheduled since we listed it
        session.expunge(message)
    sender = {"email": email_sender, "sms": sms_sender}.get(message.channel)
    error: str | None = None
    if sender is None:
        error = f"unknown channel {message.channel!r}"
    else:
        try:
            sender.send(message)
        except DeliveryError as exc:
            error = str(exc)
        except Exception as exc:  # a sender bug must not block the rows behind this one
            log.exception("sender crashed on outbox message %s", message_id)
            error = f"{type(exc).__name__}: {exc}"
    done_at = clock.now()
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(OutboxMessage, message_id)
        if error is None:
            row.status, row.sent_at, row.last_error = "sent", done_at, ""
            outcome = "sent"
        else:
            row.attempts += 1
            row.last_error = error[:1000]
            if row.attempts >= max_attempts or sender is None:
                row.status, outcome = "failed", "failed"
                log.error("outbox message %s failed for good: %s", message_id, error)
            else:
                row.next_attempt_at = done_at + backoff(row.attempts)
                outcome = "retried"
        session.add(row)
        session.commit()
    return outcome


def dispatch_due(
    engine: Engine,
    clock: Clock,
    email_sender: EmailSender,
    sms_sender: SmsSender,
    batch_size: int = 50,
    max_attempts: int = 5,
    *,
    holder: str = PROCESS_HOLDER,
    lock_ttl: timedelta = DEFAULT_LOCK_TTL,
) -> DispatchReport:
    """Send up to `batch_size` due pending rows if `holder` holds the dispatcher lock.

    A failed send (DeliveryError, or any other Exception from a sender) counts an attempt,
    records last_error and waits 30 s * 2**(attempts-1); after `max_attempts` the row is
    'failed'. The lock is renewed before every row and the batch stops if it was lost.
    KeyboardInterrupt/SystemExit propagate and leave the current row pending.
    """
    if not try_acquire(engine, DISPATCH_LOCK, holder, lock_ttl, clock):
        return DispatchReport(skipped_locked=True)
    now = clock.now()
    with Session(engine) as session:
        due = session.exec(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(batch_size)
        ).all()
    counts = {"sent": 0, "retried": 0, "failed": 0}
    for position, message_id in enumerate(due):
        if position and not try_acquire(engine, DISPATCH_LOCK, holder, lock_ttl, clock):
            log.warning("dispatcher lock lost mid-batch; another process takes over")
            break
        outcome = _send_one(engine, message_id, clock, email_sender, sms_sender, max_attempts)
        if outcome:
            counts[outcome] += 1
    return DispatchReport(**counts)
