"""APScheduler wiring: one interval tick that runs the due work, in one process at a time.

Each tick takes the dispatcher lock; only the holder runs the registered tick jobs (e.g.
reminders, which queue outbox rows) and then sends due outbox rows, so rows queued in a
tick go out in that same tick. The lock is a short lease (15 s) that a heartbeat renews
every 5 s while the holder lives, so a killed holder's work is taken over within about
25 s. Every worker of every process runs a scheduler under its own holder name; the lease
runs on the real clock even when the business clock is frozen (PORTAL_CLOCK).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from portal_app.core.clock import Clock, SystemClock
from portal_app.infra.dispatcher import (
    DEFAULT_LOCK_TTL,
    DISPATCH_LOCK,
    DispatchReport,
    Senders,
    dispatch_due,
)
from portal_app.infra.locks import default_holder, release, renew, try_acquire

log = logging.getLogger(__name__)

TickJob = Callable[[Engine, Clock], None]
_TICK_JOBS: list[TickJob] = []
_RUNNING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
HEARTBEAT_SECONDS = 5


def register_tick_job(fn: TickJob) -> TickJob:
    """Run `fn(engine, clock)` on every tick, under the dispatcher lock; usable as decorator."""
    if fn not in _TICK_JOBS:
        _TICK_JOBS.append(fn)
    return fn


def run_tick(
    engine: Engine,
    clock: Clock,
    senders: Senders,
    holder: str,
    lease_clock: Clock | None = None,
) -> DispatchReport:
    """One tick: if `holder` gets the lock, run the tick jobs, then dispatch due rows.

    A failing tick job is logged and does not stop the others or the dispatch.
    """
    lease_clock = lease_clock or clock
    if not try_acquire(engine, DISPATCH_LOCK, holder, DEFAULT_LOCK_TTL, lease_clock):
        return DispatchReport(skipped_locked=True)
    for job in list(_TICK_JOBS):
        try:
            job(engine, clock)
        except Exception:
            log.exception("tick job %s failed", getattr(job, "__name__", job))
    return dispatch_due(
        engine, clock, senders.email, senders.sms, holder=holder, lease_clock=lease_clock
    )


def start_scheduler(
    engine_factory: Callable[[], Engine],
    clock: Clock,
    senders: Senders,
    interval_seconds: float = 10,
    lease_clock: Clock | None = None,
) -> BackgroundScheduler:
    """Start a background scheduler running `run_tick` every `interval_seconds`, and a
    heartbeat that renews the lease every 5 s while this worker holds it.

    The first tick runs at once. Late ticks are coalesced into one run and never dropped
    (misfire_grace_time=None); at most one tick runs at a time in this process. The lease
    runs on `lease_clock` (default: the real time).
    """
    holder = default_holder()
    lease_clock = lease_clock or SystemClock()

    def tick() -> None:
        try:
            report = run_tick(engine_factory(), clock, senders, holder, lease_clock)
        except Exception:
            log.exception("scheduler tick failed")
            return
        if report.sent or report.retried or report.failed:
            log.info("outbox: %s", report)

    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.add_job(
        tick,
        "interval",
        seconds=interval_seconds,
        id="portal-tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=datetime.now(UTC),
    )
    scheduler.add_job(
        lambda: _heartbeat(engine_factory, holder, lease_clock),
        "interval",
        seconds=min(HEARTBEAT_SECONDS, interval_seconds),
        id="portal-heartbeat",
        coalesce=True,
        max_instances=1,
    )
    scheduler.start()
    _RUNNING[scheduler] = (engine_factory, holder)
    return scheduler


def _heartbeat(engine_factory: Callable[[], Engine], holder: str, lease_clock: Clock) -> None:
    """Keep our lease alive between (and during) ticks; a no-op for other holders."""
    try:
        renew(engine_factory(), DISPATCH_LOCK, holder, DEFAULT_LOCK_TTL, lease_clock)
    except Exception:
        log.exception("lease heartbeat failed")


def stop_scheduler(scheduler: BackgroundScheduler, wait: bool = True) -> None:
    """Stop the scheduler (waiting for a running tick) and release its lock at once."""
    if scheduler.running:
        scheduler.shutdown(wait=wait)
    started = _RUNNING.pop(scheduler, None)
    if started:
        engine_factory, holder = started
        try:
            release(engine_factory(), DISPATCH_LOCK, holder)
        except Exception:
            log.exception("could not release the dispatcher lock")
