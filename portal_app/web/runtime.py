"""Process-wide wiring shared by routes, states and the CLI: settings, clock, db."""

from __future__ import annotations

from functools import lru_cache

from portal_app.config import Settings, load_settings
from portal_app.domain.access import AccessPolicy
from portal_app.infra.clock import Clock, FixedClock, SystemClock


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings of this process."""
    return load_settings()


_clock: Clock | None = None


def clock() -> Clock:
    """The clock of this process: frozen at PORTAL_CLOCK (dev tools only), else the real
    time (tests may swap it with use_clock)."""
    global _clock
    if _clock is None:
        frozen = settings().frozen_clock
        _clock = FixedClock(frozen) if frozen is not None else SystemClock()
    return _clock


def use_clock(new_clock: Clock) -> None:
    """Replace the process clock (tests only)."""
    global _clock
    _clock = new_clock


def access_policy() -> AccessPolicy:
    """Link and code lifetimes and limits from the settings."""
    return AccessPolicy(
        link_minutes=settings().access_link_minutes,
        requests_per_window=settings().access_requests_per_15_minutes,
    )
