"""PORTAL_CLOCK freezes the process clock, only with the dev tools on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from portal_app import runtime
from portal_app.config import ConfigError, load_settings
from portal_app.core.clock import FixedClock, SystemClock


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("PORTAL_TIMEZONE", raising=False)
    monkeypatch.setenv("PORTAL_DEV_TOOLS", "1")
    monkeypatch.setattr(runtime, "_clock", None)
    runtime.settings.cache_clear()
    yield monkeypatch
    runtime.settings.cache_clear()


def test_without_portal_clock_the_real_time(env):
    env.delenv("PORTAL_CLOCK", raising=False)
    assert load_settings().frozen_clock is None
    assert isinstance(runtime.clock(), SystemClock)


@pytest.mark.parametrize(
    ("raw", "utc"),
    [
        ("2026-11-23T08:00", datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),  # winter time
        ("2026-10-25T01:30", datetime(2026, 10, 24, 23, 30, tzinfo=UTC)),  # summer time
        ("2027-03-28T01:30:00+01:00", datetime(2027, 3, 28, 0, 30, tzinfo=UTC)),
        ("2026-11-27T16:55:00Z", datetime(2026, 11, 27, 16, 55, tzinfo=UTC)),
    ],
)
def test_portal_clock_freezes_the_process_clock(env, raw, utc):
    env.setenv("PORTAL_CLOCK", raw)
    assert load_settings().frozen_clock == utc
    frozen = runtime.clock()
    assert isinstance(frozen, FixedClock) and frozen.now() == utc
    assert runtime.clock() is frozen


def test_naive_portal_clock_is_local_time_in_portal_timezone(env):
    env.setenv("PORTAL_TIMEZONE", "America/New_York")
    env.setenv("PORTAL_CLOCK", "2026-11-23T08:00")
    assert load_settings().frozen_clock == datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


def test_portal_clock_without_dev_tools_stops_the_start(env):
    env.setenv("PORTAL_CLOCK", "2026-11-23T08:00")
    env.setenv("PORTAL_DEV_TOOLS", "0")
    with pytest.raises(ConfigError, match="PORTAL_CLOCK .* only with PORTAL_DEV_TOOLS=1"):
        load_settings()
