"""Leases: exactly one holder wins, renews, hands over; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from portal_app.infra.locks import release, try_acquire

TTL = timedelta(minutes=2)


def _contest(engine, clock, holders) -> list[str]:
    """All holders try to take a fresh lock at the same moment; returns the winners."""
    start = threading.Barrier(len(holders))
    winners, errors = [], []

    def attempt(holder):
        try:
            start.wait()
            if try_acquire(engine, "contest", holder, TTL, clock):
                winners.append(holder)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=attempt, args=(h,)) for h in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return winners


def _lifecycle(engine, clock):
    assert try_acquire(engine, "job", "A", TTL, clock)
    assert try_acquire(engine, "job", "A", TTL, clock)  # renewal
    assert not try_acquire(engine, "job", "B", TTL, clock)
    clock.advance(TTL - timedelta(seconds=1))
    assert not try_acquire(engine, "job", "B", TTL, clock)
    clock.advance(timedelta(seconds=2))
    assert try_acquire(engine, "job", "B", TTL, clock)  # A's lease expired
    assert not try_acquire(engine, "job", "A", TTL, clock)
    release(engine, "job", "A")  # not A's any more: no effect
    assert not try_acquire(engine, "job", "A", TTL, clock)
    release(engine, "job", "B")
    assert try_acquire(engine, "job", "A", TTL, clock)
    assert try_acquire(engine, "other-job", "B", TTL, clock)  # names are independent


def test_lease_lifecycle_on_sqlite(file_engine, clock):
    _lifecycle(file_engine, clock)


@pytest.mark.parametrize("round_", range(3))
def test_only_one_of_many_wins_on_sqlite(file_engine, clock, round_):
    assert len(_contest(file_engine, clock, [f"h{i}" for i in range(8)])) == 1


def test_lease_lifecycle_on_postgresql(pg_engine, clock):
    _lifecycle(pg_engine, clock)


def test_only_one_of_many_wins_on_postgresql(pg_engine, clock):
    assert len(_contest(pg_engine, clock, [f"h{i}" for i in range(8)])) == 1
    clock.advance(TTL + timedelta(seconds=1))
    assert len(_contest(pg_engine, clock, [f"h{i}" for i in range(8, 16)])) == 1
