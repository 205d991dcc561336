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

    def url(self, path: str) -> str:
        """An absolute address on the portal for a path such as /portal."""
        return f"{self.public_url.rstrip('/')}{path}"
