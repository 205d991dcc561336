"""The scheduler tick: tick jobs and dispatch under the lock, lock released on stop."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from portal_app.infra import scheduler as scheduler_module
from portal_app.infra.dispatcher import DISPATCH_LOCK, DispatchReport, Senders
from portal_app.infra.locks import try_acquire
from portal_app.infra.scheduler import (
    register_tick_job,
    run_tick,
    start_scheduler,
    stop_scheduler,
)
from tests.integration.messaging.helpers import FakeSender, queue, rows


@pytest.fixture(autouse=True)
def _own_tick_jobs(monkeypatch):
    monkeypatch.setattr(scheduler_module, "_TICK_JOBS", [])


def test_tick_jobs_run_before_dispatch_and_only_for_the_lock_holder(file_engine, clock):
    calls = []

    @register_tick_job
    def reminders(engine, clock_):
        calls.append(engine)
        queue(engine, clock_)

    register_tick_job(reminders)  # registering twice runs it once
    email = FakeSender()
    senders = Senders(email=email, sms=FakeSender())
    assert run_tick(file_engine, clock, senders, "A") == DispatchReport(sent=1)
    assert run_tick(file_engine, clock, senders, "B") == DispatchReport(skipped_locked=True)
    assert len(calls) == 1 and len(email.sent) == 1


def test_a_failing_tick_job_does_not_stop_the_dispatch(file_engine, clock):
    register_tick_job(lambda engine, clock_: 1 / 0)
    queue(file_engine, clock)
    senders = Senders(email=FakeSender(), sms=FakeSender())
    assert run_tick(file_engine, clock, senders, "A").sent == 1


def test_background_scheduler_sends_and_releases_the_lock(file_engine, clock):
    ids = queue(file_engine, clock, count=2)
    email = FakeSender()
    scheduler = start_scheduler(
        lambda: file_engine, clock, Senders(email=email, sms=FakeSender()), interval_seconds=0.2
    )
    try:
        job = scheduler.get_job("portal-tick")
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, None)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and sorted(email.sent) != ids:
            time.sleep(0.05)
    finally:
        stop_scheduler(scheduler)
    assert sorted(email.sent) == ids
    assert all(row.status == "sent" for row in rows(file_engine).values())
    assert not scheduler.running
    # released on stop: another process may take over at once, not after the lease
    assert try_acquire(file_engine, DISPATCH_LOCK, "other", timedelta(minutes=2), clock)
