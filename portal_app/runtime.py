"""Process-wide wiring (the composition root): settings, clock, database and the service
context that states, routes, the scheduler and the CLI hand to the domain."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy.engine import Engine

from portal_app.config import Settings, load_settings
from portal_app.core.clock import Clock, FixedClock, SystemClock
from portal_app.core.context import AccessLimits, Change, Context
from portal_app.core.unit_of_work import Database
from portal_app.infra.database import make_engine
from portal_app.infra.storage import FileStorage, storage_from_settings
from portal_app.infra.watchers import Watchers, watchers_for


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


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The process-wide engine for DATABASE_URL."""
    return make_engine(settings().database_url)


@lru_cache(maxsize=1)
def storage() -> FileStorage:
    """The private file storage of this process (STORAGE_DIR, or S3 when S3_BUCKET is set)."""
    return storage_from_settings(settings())


def access_limits() -> AccessLimits:
    """Link and code lifetimes and request limits from the settings."""
    current = settings()
    return AccessLimits(
        link_minutes=current.access_link_minutes,
        requests_per_address=current.access_requests_per_15_minutes,
        requests_per_ip=current.access_requests_per_ip_15_minutes,
    )


_context: Context | None = None


def _no_wake() -> None:
    """Nothing to wake (CLI commands, before the app started its urgent sender)."""


_wake_sender: Callable[[], None] = _no_wake


def _no_announce(_change: Change) -> None:
    """No live pages to refresh (CLI commands, before the app started)."""


_announce: Callable[[Change], None] = _no_announce


def connect_announcer(announce: Callable[[Change], None] | None) -> None:
    """Let services' changes refresh the pages that show them (the app connects it)."""
    global _announce
    _announce = announce or _no_announce


@lru_cache(maxsize=1)
def watchers() -> Watchers:
    """Which browser tabs show what: in Redis in scaled mode, else in this process."""
    current = settings()
    namespace = hashlib.sha256(current.database_url.encode()).hexdigest()[:12]
    return watchers_for(current.redis_url, namespace)


def connect_wake_sender(wake: Callable[[], None] | None) -> None:
    """Let services wake this process's urgent sender (the app's lifespan connects it)."""
    global _wake_sender
    _wake_sender = wake or _no_wake


def context() -> Context:
    """The context every service call of this process gets."""
    if _context is not None:
        return _context
    return Context(
        db=Database(engine()),
        clock=clock(),
        public_url=settings().public_url,
        access=access_limits(),
        wake_sender=_wake_sender,
        announce=_announce,
    )


def use_context(new_context: Context | None) -> None:
    """Run every handler and route of this process on `new_context` (tests only)."""
    global _context
    _context = new_context
