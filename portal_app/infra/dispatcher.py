"""Sends due outbox rows, one process at a time, with retries and exponential backoff.

Before its send a row is claimed with one atomic UPDATE (its next attempt moved CLAIM
ahead), so the scheduler's dispatcher and the urgent sender (`infra/urgent.py`, sign-in
messages at once) never send one row twice. Each row's new status is committed right
after its own send. A crash between the send and that commit leaves the row pending, so
it is sent again once the claim runs out; the idempotency key (`outbox-<id>`) lets the
provider drop the duplicate. A provider's 429 with Retry-After holds that row and its
channel for as long as asked. Rows are never deleted.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from portal_app.config import ConfigError, Settings
from portal_app.core.clock import Clock
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.email import DeliveryError, DevMailboxSender, EmailSender, ResendEmailSender
from portal_app.infra.locks import process_holder, try_acquire
from portal_app.infra.sms import DevSmsSender, HttpSmsSender, SmsSender

log = logging.getLogger(__name__)

DISPATCH_LOCK = "outbox-dispatcher"
# A short lease, renewed by the scheduler's heartbeat: a dead holder holds mail back for
# at most this long (sign-in messages not at all: the urgent sender sends them at once).
DEFAULT_LOCK_TTL = timedelta(seconds=15)
BACKOFF_BASE = timedelta(seconds=30)
# How long a claimed row is left alone: longer than any send may take (HTTP timeout 15 s).
CLAIM = timedelta(seconds=30)
# Sign-in messages: sent by whichever process queued them, at once, without the lease.
URGENT_KINDS = frozenset({"access_link", "login_code"})

_table = OutboxMessage.__table__
# Channels a provider asked us (429 + Retry-After) to leave alone until a monotonic time.
_paused: dict[str, float] = {}
_paused_lock = threading.Lock()


def pause_channel(channel: str, seconds: float) -> None:
    """Send nothing more over `channel` from this process for `seconds`."""
    with _paused_lock:
        _paused[channel] = max(_paused.get(channel, 0.0), time.monotonic() + seconds)


def channel_paused(channel: str) -> bool:
    """Whether a provider's Retry-After still holds `channel` back."""
    with _paused_lock:
        return _paused.get(channel, 0.0) > time.monotonic()


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


def _claim(engine: Engine, message_id: int, now) -> OutboxMessage | None:
    """Take the row for one send if it is still due and pending; None if not ours."""
    with engine.begin() as connection:
        claimed = connection.execute(
            update(_table)
            .where(
                _table.c.id == message_id,
                _table.c.status == "pending",
                _table.c.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + CLAIM)
        )
        if claimed.rowcount != 1:
            return None
    with Session(engine, expire_on_commit=False) as session:
        message = session.get(OutboxMessage, message_id)
        session.expunge(message)
        return message


def _unclaim(engine: Engine, message_id: int, due) -> None:
    """Hand a claimed row back at once (this process is stopping mid-send)."""
    with engine.begin() as connection:
        connection.execute(
            update(_table)
            .where(_table.c.id == message_id, _table.c.status == "pending")
            .values(next_attempt_at=due)
        )


def _send_one(
    engine: Engine,
    message_id: int,
    clock: Clock,
    email_sender: EmailSender,
    sms_sender: SmsSender,
    max_attempts: int,
) -> str | None:
    """Claim one row, send it and commit its new status; returns "sent", "retried",
    "failed" or None (not due any more, or claimed by another sender)."""
    now = clock.now()
    message = _claim(engine, message_id, now)
    if message is None:
        return None
    sender = {"email": email_sender, "sms": sms_sender}.get(message.channel)
    error: str | None = None
    wait: float | None = None
    if sender is None:
        error = f"unknown channel {message.channel!r}"
    else:
        try:
            sender.send(message)
        except DeliveryError as exc:
            error, wait = str(exc), exc.retry_after
        except Exception as exc:  # a sender bug must not block the rows behind this one
            log.exception("sender crashed on outbox message %s", message_id)
            error = f"{type(exc).__name__}: {exc}"
        except BaseException:
            _unclaim(engine, message_id, now)
            raise
    return _record_outcome(engine, message_id, clock, error, wait, sender is None, max_attempts)


def _record_outcome(
    engine: Engine,
    message_id: int,
    clock: Clock,
    error: str | None,
    wait: float | None,
    hopeless: bool,
    max_attempts: int,
) -> str:
    done_at = clock.now()
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(OutboxMessage, message_id)
        if error is None:
            row.status, row.sent_at, row.last_error = "sent", done_at, ""
            outcome = "sent"
        elif wait is not None:
            # Rate limited: not the message's fault, so no attempt is counted; come back
            # exactly when the provider said, and keep its channel quiet until then.
            row.last_error = error[:1000]
            row.next_attempt_at = done_at + timedelta(seconds=wait)
            pause_channel(row.channel, wait)
            outcome = "retried"
        else:
            row.attempts += 1
            row.last_error = error[:1000]
            if row.attempts >= max_attempts or hopeless:
                row.status, outcome = "failed", "failed"
                log.error("outbox message %s failed for good: %s", message_id, error)
            else:
                row.next_attempt_at = done_at + backoff(row.attempts)
                outcome = "retried"
        session.add(row)
        session.commit()
    return outcome


def send_rows(
    engine: Engine,
    due: list[tuple[int, str]],
    clock: Clock,
    senders: Senders,
    max_attempts: int,
    keep_going=lambda: True,
) -> DispatchReport:
    """Send the listed (id, channel) rows one by one; a paused channel's rows wait."""
    counts = {"sent": 0, "retried": 0, "failed": 0}
    for position, (message_id, channel) in enumerate(due):
        if channel_paused(channel):
            continue
        if position and not keep_going():
            break
        outcome = _send_one(engine, message_id, clock, senders.email, senders.sms, max_attempts)
        if outcome:
            counts[outcome] += 1
    return DispatchReport(**counts)


def due_rows(engine: Engine, now, batch_size: int, kinds=None) -> list[tuple[int, str]]:
    """(id, channel) of up to `batch_size` due pending rows, oldest due first."""
    query = select(OutboxMessage.id, OutboxMessage.channel).where(
        OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now
    )
    if kinds is not None:
        query = query.where(col(OutboxMessage.kind).in_(sorted(kinds)))
    with Session(engine) as session:
        return list(
            session.exec(
                query.order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(batch_size)
            ).all()
        )


def dispatch_due(
    engine: Engine,
    clock: Clock,
    email_sender: EmailSender,
    sms_sender: SmsSender,
    batch_size: int = 50,
    max_attempts: int = 5,
    *,
    holder: str | None = None,
    lock_ttl: timedelta = DEFAULT_LOCK_TTL,
    lease_clock: Clock | None = None,
) -> DispatchReport:
    """Send up to `batch_size` due pending rows if `holder` (default: this worker) holds
    the dispatcher lock; the lease runs on `lease_clock` (default `clock`).

    A failed send (DeliveryError, or any other Exception from a sender) counts an attempt,
    records last_error and waits 30 s * 2**(attempts-1); after `max_attempts` the row is
    'failed'. A 429 waits its Retry-After without counting. The lock is renewed before
    every row and the batch stops if it was lost. KeyboardInterrupt/SystemExit propagate
    and hand the current row back, pending.
    """
    holder = holder or process_holder()
    lease_clock = lease_clock or clock
    if not try_acquire(engine, DISPATCH_LOCK, holder, lock_ttl, lease_clock):
        return DispatchReport(skipped_locked=True)

    def still_ours() -> bool:
        if try_acquire(engine, DISPATCH_LOCK, holder, lock_ttl, lease_clock):
            return True
        log.warning("dispatcher lock lost mid-batch; another process takes over")
        return False

    due = due_rows(engine, clock.now(), batch_size)
    senders = Senders(email=email_sender, sms=sms_sender)
    return send_rows(engine, due, clock, senders, max_attempts, still_ours)
