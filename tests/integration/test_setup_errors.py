"""Bad set-up ends with one clear sentence, never a traceback."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys

import pytest

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


def test_database_url_with_a_port_that_is_not_a_number():
    line = _one_sentence(_run("migrate", DATABASE_URL="postgresql://u@host:notaport/x"))
    assert "port that is not a number" in line


def test_sqlite_path_whose_parent_is_a_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    for url in (f"sqlite:///{blocker}/portal.db", f"sqlite:///{blocker}/deeper/portal.db"):
        line = _one_sentence(_run("migrate", DATABASE_URL=url))
        assert "which is a file, not a folder" in line


def test_sqlite_path_on_a_read_only_file_system(tmp_path):
    """A read-only tmpfs in a private mount namespace (skipped where unshare is refused)."""
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    script = (
        f"mount -t tmpfs -o ro tmpfs {mount_point} && "
        f"DATABASE_URL=sqlite:///{mount_point}/data/portal.db "
        f"{sys.executable} -m portal_app migrate"
    )
    probe = subprocess.run(
        ["unshare", "--mount", "sh", "-c", f"mount -t tmpfs -o ro tmpfs {mount_point}"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("cannot mount a read-only file system here (needs unshare as root)")
    result = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "read-only file system" in _one_sentence(result)
