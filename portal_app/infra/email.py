"""Sending outbox e-mail: Resend in production, the dev mailbox otherwise."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from email.utils import formataddr, parseaddr, parsedate_to_datetime
from typing import Protocol

import resend
from resend.exceptions import NoContentError, ResendError

from portal_app.domain.messaging.models import OutboxMessage

log = logging.getLogger(__name__)


class DeliveryError(Exception):
    """The provider did not accept the message; the dispatcher retries it later.

    `retry_after` (seconds) is set when the provider said when to come back (HTTP 429
    with Retry-After): the dispatcher waits that long, for this row and its channel.
    """

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


MAX_RETRY_AFTER = 3600.0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped at
    an hour; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    raw = value.strip()
    try:
        seconds = float(raw)
    except ValueError:
        try:
            moment = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def idempotency_key(message: OutboxMessage) -> str:
    """The key that lets the provider drop a second send of the same outbox row."""
    return f"outbox-{message.id}"


class EmailSender(Protocol):
    def send(self, message: OutboxMessage) -> None:
        """Hand the message to the provider; raise DeliveryError when it is not accepted."""


def sender_address(configured: str, name: str) -> str:
    """MAIL_FROM's address under the business's name ('Garage De Vries <portal@x.nl>');
    MAIL_FROM as it is when the row names no business."""
    if not name.strip():
        return configured
    _configured_name, address = parseaddr(configured)
    return formataddr((" ".join(name.split()), address)) if address else configured


class ResendEmailSender:
    """Sends e-mail (plain text with its HTML alternative) through the Resend SDK, from the
    business's name with its address as Reply-To, the outbox id as idempotency key."""

    def __init__(self, api_key: str, sender: str, api_url: str | None = None):
        if not api_key:
            raise ValueError("ResendEmailSender needs an API key")
        self._api_key = api_key
        self._sender = sender
        self._api_url = api_url

    def send(self, message: OutboxMessage) -> None:
        """Send one outbox row; DeliveryError on any refusal or network failure."""
        # The SDK keeps its configuration in module attributes.
        resend.api_key = self._api_key
        if self._api_url:
            resend.api_url = self._api_url
        params: resend.Emails.SendParams = {
            "from": sender_address(self._sender, message.sender_name or ""),
            "to": [message.recipient],
            "subject": message.subject,
            "text": message.body,
        }
        if message.html_body:
            params["html"] = message.html_body
        if message.reply_to:
            params["reply_to"] = [message.reply_to]
        if message.attachment_content:
            params["attachments"] = [
                {
                    "filename": message.attachment_name or "attachment.ics",
                    "content": base64.b64encode(message.attachment_content.encode()).decode(),
                    "content_type": message.attachment_type or "text/calendar",
                }
            ]
        try:
            resend.Emails.send(params, options={"idempotency_key": idempotency_key(message)})
        except ResendError as error:
            headers = {k.lower(): v for k, v in (getattr(error, "headers", None) or {}).items()}
            wait = retry_after_seconds(headers.get("retry-after"))
            if str(error.code) == "429" and wait is None:
                wait = 1.0  # Resend allows a few requests per second
            raise DeliveryError(
                f"Resend refused outbox message {message.id}: {error.code} "
                f"{error.error_type}: {error.message}",
                retry_after=wait if str(error.code) == "429" else None,
            ) from error
        except NoContentError as error:
            raise DeliveryError(f"Resend gave no answer for outbox message {message.id}") from error


class DevMailboxSender:
    """Accepts every message; the dev mailbox page shows the outbox rows instead."""

    def send(self, message: OutboxMessage) -> None:
        """Log and accept."""
        log.info("dev mailbox: %s to %s: %s", message.kind, message.recipient, message.subject)
