"""What a service needs from outside: the database, the clock, the address and the limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from portal_app.core.clock import Clock
from portal_app.core.unit_of_work import Database


@dataclass(frozen=True)
class AccessLimits:
    """Lifetimes of sign-in links and codes, and how often they may be asked for."""

    link_minutes: int = 15
    code_minutes: int = 10
    max_code_attempts: int = 5
    requests_per_address: int = 5
    requests_per_ip: int = 100
    window: timedelta = timedelta(minutes=15)


# Topics of `Change`: what part of a business changed.
APPOINTMENTS = "appointments"


@dataclass(frozen=True)
class Change:
    """Something people may be looking at changed: `topic` of a business (and, when it
    concerns one customer, of that customer). Pages showing it refresh themselves."""

    topic: str
    business_id: int
    customer_id: int | None = None


def _ignore(_change: Change) -> None:
    """No page refreshes (the CLI, tests): the default `Context.announce`."""


@dataclass(frozen=True)
class Context:
    """Handed to every service call; built once per process (and per test)."""

    db: Database
    clock: Clock
    public_url: str = "http://localhost:3000"
    access: AccessLimits = field(default_factory=AccessLimits)
    # Called after a transaction queued an urgent message (e.g. a sign-in code), so the
    # sender can go at once instead of waiting for the next scheduler tick.
    wake_sender: Callable[[], None] = field(default=lambda: None)
    # Told after a transaction committed a Change, so the pages that show it (on any
    # worker of any process) refresh; the app's composition root connects it.
    announce: Callable[[Change], None] = field(default=_ignore)

    def changed(self, change: Change) -> None:
        """Report `change` once the current transaction commits (at once outside one)."""
        self.db.after_commit(lambda: self.announce(change))

    def url(self, path: str) -> str:
        """An absolute address on the portal for a path such as /portal."""
        return f"{self.public_url.rstrip('/')}{path}"
