"""Start the portal built in production mode, once per test session, and a browser.

The portal runs on a frozen clock (PORTAL_CLOCK) at the session's moment (`--clock`), and
the demo data is arranged around that moment, so the browser tests give the same answer
on any day.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from portal_app.config import PROJECT_ROOT
from portal_app.core.clock import FixedClock
from portal_app.core.context import Context
from portal_app.infra.database import make_engine
from tests.factories import make_context


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: int = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"portal exited early:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"portal did not come up in {seconds}s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def live_database(tmp_path_factory) -> str:
    """Where the live portal keeps its SQLite database."""
    return f"sqlite:///{tmp_path_factory.mktemp('portal-db') / 'portal.db'}"


def git_status() -> str | None:
    """`git status --porcelain` of the checkout, or None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


@pytest.fixture(scope="session")
def git_status_before_build() -> str | None:
    """The working tree's state before the production build (None: not a git checkout)."""
    return git_status()


@pytest.fixture(scope="session")
def live_portal(tmp_path_factory, live_database, moment, git_status_before_build):
    """Base URL of a running production build with fresh demo data, frozen at `moment`."""
    workdir = tmp_path_factory.mktemp("portal")
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": live_database,
        "PORTAL_DEV_TOOLS": "1",
        "PORTAL_CLOCK": moment.isoformat(),
        # every browser test comes from 127.0.0.1; the limit itself is unit-tested
        "ACCESS_REQUESTS_PER_15_MINUTES": "50",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "PATH": f"{PROJECT_ROOT / '.tools/node_modules/.bin'}:{os.environ['PATH']}",
    }
    subprocess.run(
        [sys.executable, "-m", "portal_app", "demo-data"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    log = workdir / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "portal_app", "serve"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://localhost:{port}"
    try:
        _wait_until_up(f"{base}/healthz", process, log)
        _wait_until_up(f"{base}/portal/login/", process, log)
        yield base
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)


@pytest.fixture(scope="session")
def live_db_url(live_portal, live_database) -> str:
    """DATABASE_URL of the running portal (tests may arrange data in it directly)."""
    return live_database


@pytest.fixture(scope="session")
def live(live_portal, live_db_url, moment) -> Context:
    """A service context on the running portal's database, at its frozen moment: tests
    arrange data with tests/factories.py through it."""
    engine = make_engine(live_db_url)
    yield make_context(engine, FixedClock(moment), live_portal)
    engine.dispose()
