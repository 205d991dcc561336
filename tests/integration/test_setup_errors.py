"""Bad set-up ends with one clear sentence, never a traceback."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys

from portal_app.config import PROJECT_ROOT


def _run(*args, **env):
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "portal_app", *args],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one_sentence(result) -> str:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_invalid_database_url(tmp_path):
    line = _one_sentence(_run("migrate", DATABASE_URL="not a url"))
    assert "DATABASE_URL" in line and "sqlite" in line


def test_empty_and_unsupported_database_url():
    assert "DATABASE_URL is empty" in _one_sentence(_run("migrate", DATABASE_URL=""))
    line = _one_sentence(_run("migrate", DATABASE_URL="mysql://root@127.0.0.1/test"))
    assert "supports sqlite and postgresql" in line


def test_unreachable_database():
    line = _one_sentence(_run("migrate", DATABASE_URL="postgresql://nobody@127.0.0.1:1/none"))
    assert "Cannot reach the database" in line and "Start the database server" in line


def test_port_in_use(tmp_path):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        line = _one_sentence(
            _run("check", PORT=str(port), DATABASE_URL=f"sqlite:///{tmp_path}/p.db")
        )
    assert f"Port {port} is already in use" in line


def test_missing_bun_and_node(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    (empty / "node").symlink_to("/usr/bin/node")
    line = _one_sentence(_run("check", PATH=str(empty), REFLEX_USE_SYSTEM_BUN="1", PORT="3999"))
    assert "bun is not on PATH" in line
    (empty / "node").unlink()
    line = _one_sentence(_run("check", PATH=str(empty), PORT="3999"))
    assert "Node.js is not installed" in line


def test_cli_invite_queues_an_invitation_or_says_what_is_unknown(tmp_path):
    db = f"sqlite:///{tmp_path}/p.db"
    assert _run("demo-data", DATABASE_URL=db).returncode == 0
    done = _run(
        "invite", "--customer", "emma@example.com", "--service", "APK-keuring", DATABASE_URL=db
    )
    assert done.returncode == 0 and "queued for emma@example.com" in done.stdout
    line = _one_sentence(
        _run(
            "invite",
            "--customer",
            "nobody@example.com",
            "--service",
            "APK-keuring",
            DATABASE_URL=db,
        )
    )
    assert line == "Klantportaal: unknown customer."


def test_frozen_clock_needs_the_dev_tools(tmp_path):
    db = f"sqlite:///{tmp_path}/p.db"
    line = _one_sentence(
        _run("migrate", DATABASE_URL=db, PORTAL_CLOCK="2026-11-23T08:00", PORTAL_DEV_TOOLS="0")
    )
    assert "PORTAL_CLOCK" in line and "PORTAL_DEV_TOOLS=1" in line
    line = _one_sentence(
        _run("migrate", DATABASE_URL=db, PORTAL_CLOCK="next monday", PORTAL_DEV_TOOLS="1")
    )
    assert "PORTAL_CLOCK must be an ISO 8601 time" in line


def test_demo_data_is_arranged_around_the_frozen_clock(tmp_path):
    db = tmp_path / "p.db"
    done = _run(
        "demo-data",
        DATABASE_URL=f"sqlite:///{db}",
        PORTAL_CLOCK="2031-01-06T08:00",
        PORTAL_DEV_TOOLS="1",
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as connection:
        starts = [row[0] for row in connection.execute("SELECT start_utc FROM appointment")]
    assert starts and all(start.startswith(("2030-12", "2031-01")) for start in starts)
