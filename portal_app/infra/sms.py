"""Sending outbox SMS: one REST provider (MessageBird-style JSON) or the dev sender."""

from __future__ import annotations

import logging
from typing import Protocol

import httpx

from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.email import DeliveryError, idempotency_key, retry_after_seconds

log = logging.getLogger(__name__)


class SmsSender(Protocol):
    def send(self, message: OutboxMessage) -> None:
        """Hand the SMS to the provider; raise DeliveryError when it is not accepted."""


class HttpSmsSender:
    """POSTs {"originator", "recipients", "body", "reference"} as JSON with Bearer auth."""

    def __init__(self, api_url: str, api_key: str, originator: str, timeout: float = 15.0):
        if not api_url or not api_key:
            raise ValueError("HttpSmsSender needs an API URL and an API key")
        self._api_url = api_url
        self._api_key = api_key
        self._originator = originator
        self._timeout = timeout

    def send(self, message: OutboxMessage) -> None:
        """Send one outbox row; DeliveryError on a network error or a non-2xx answer."""
        reference = idempotency_key(message)
        payload = {
            "originator": self._originator,
            "recipients": [message.recipient],
            "body": message.body,
            "reference": reference,
        }
        headers = {
            "Authorization": f"Bearer {self._api_key}",
            "Idempotency-Key": reference,
            "Accept": "application/json",
        }
        try:
            response = httpx.post(
                self._api_url, json=payload, headers=headers, timeout=self._timeout
            )
        except httpx.HTTPError as error:
            raise DeliveryError(
                f"SMS provider unreachable for outbox message {message.id}: {error!r}"
            ) from error
        if not response.is_success:
            wait = None
            if response.status_code in (429, 503):
                wait = retry_after_seconds(response.headers.get("retry-after"))
            raise DeliveryError(
                f"SMS provider refused outbox message {message.id}: HTTP "
                f"{response.status_code} {response.text[:300]}",
                retry_after=wait,
            )


class DevSmsSender:
    """Accepts every SMS; the dev mailbox page shows the outbox rows instead."""

    def send(self, message: OutboxMessage) -> None:
        """Log and accept."""
        log.info("dev sms: %s to %s", message.kind, message.recipient)
