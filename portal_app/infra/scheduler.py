"""APScheduler wiring: one interval tick that runs the due work, in one process at a time.

Each tick takes the dispatcher lock; only the holder runs the registered tick jobs (e.g.
reminders, which queue outbox rows) and then sends due outbox rows, so rows queued in a
tick go out in that same tick.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from portal_app.core.clock import Clock
from portal_app.infra.dispatcher import (
    DEFAULT_LOCK_TTL,
    DISPATCH_LOCK,
    DispatchReport,
    Senders,
    dispatch_due,
)
from portal_app.infra.locks import default_holder, release, try_acquire

log = logging.getLogger(__name__)

TickJob = Callable[[Engine, Clock], None]
_TICK_JOBS: list[TickJob] = []
_RUNNING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def register_tick_job(fn: TickJob) -> TickJob:
    """Run `fn(engine, clock)` on every tick, under the dispatcher lock; usable as decorator."""
    if fn not in _TICK_JOBS:
        _TICK_JOBS.append(fn)
    return fn


def run_tick(engine: Engine, clock: Clock, senders: Senders, holder: str) -> DispatchReport:
    """One tick: if `holder` gets the lock, run the tick jobs, then dispatch due rows.

    A failing tick job is logged and does not stop the others or the dispatch.
    """
    if not try_acquire(engine, DISPATCH_LOCK, holder, DEFAULT_LOCK_TTL, clock):
        return DispatchReport(skipped_locked=True)
    for job in list(_TICK_JOBS):
        try:
            job(engine, clock)
        except Exception:
            log.exception("tick job %s failed", getattr(job, "__name__", job))
    return dispatch_due(engine, clock, senders.email, senders.sms, holder=holder)


def start_scheduler(
    engine_factory: Callable[[], Engine],
    clock: Clock,
    senders: Senders,
    interval_seconds: float = 10,
) -> BackgroundScheduler:
    """Start a background scheduler running `run_tick` every `interval_seconds`.

    The first tick runs at once. Late ticks are coalesced into one run and never dropped
    (misfire_grace_time=None); at most one tick runs at a time in this process.
    """
    holder = default_holder()

    def tick() -> None:
        try:
            report = run_tick(engine_factory(), clock, senders, holder)
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
    scheduler.start()
    _RUNNING[scheduler] = (engine_factory, holder)
    return scheduler


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
