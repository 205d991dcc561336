"""What the template editor shows, and messages as staff see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TemplateForm:
    kind: str
    locale: str
    subject: str
    body: str
    sms: str
    placeholders: tuple[str, ...]
    customised: bool


@dataclass(frozen=True)
class MessageLine:
    """One message about a customer or appointment as staff see it: what, how, to whom,
    and its state (scheduled | sent | failed | withdrawn) with the moment that goes with
    it (due, sent, last tried, or when it would have gone)."""

    id: int
    kind: str
    channel: str
    recipient: str
    state: str
    at: datetime
