"""`python -m portal_app backup` and `restore`: SQLite (online, while the portal writes)
and PostgreSQL (pg_dump/pg_restore), each with the private file storage."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from portal_app.config import PROJECT_ROOT
from tests.postgres_database import fresh_database

TABLES_WITH_ROWS = ("business", "staff_member", "customer", "appointment", "service")


def _run(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "portal_app", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _storage(folder: Path) -> dict[str, bytes]:
    (folder / "customers" / "7").mkdir(parents=True)
    (folder / "customers" / "7" / "foto.jpg").write_bytes(b"\xff\xd8 a photo")
    (folder / "invoice.pdf").write_bytes(b"%PDF-1.7 an invoice")
    return _files(folder)


def _sqlite_rows(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as connection:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {n: sorted(map(repr, connection.execute(f'SELECT * FROM "{n}"'))) for n in names}


def test_sqlite_backup_while_writing_restores_every_row_and_file(tmp_path):
    db, storage = tmp_path / "portal.db", tmp_path / "files"
    env = {"DATABASE_URL": f"sqlite:///{db}", "STORAGE_DIR": str(storage)}
    assert _run("demo-data", **env).returncode == 0
    files = _storage(storage)
    stop = threading.Event()

    def keep_writing():  # the portal keeps working during the backup
        with sqlite3.connect(db, timeout=30) as connection:
            while not stop.is_set():
                connection.execute(
                    "INSERT INTO rate_limit_event (bucket, at) VALUES ('busy', '2026-01-01')"
                )
                connection.commit()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        made = _run("backup", "--to", str(tmp_path / "backups"), **env)
    finally:
        stop.set()
        writer.join()
    assert made.returncode == 0, made.stderr
    [archive] = (tmp_path / "backups").glob("klantportaal-*.tar.gz")
    before = _sqlite_rows(db)
    for name in TABLES_WITH_ROWS:
        assert before[name], name

    empty_db, empty_storage = tmp_path / "new" / "portal.db", tmp_path / "new-files"
    env2 = {"DATABASE_URL": f"sqlite:///{empty_db}", "STORAGE_DIR": str(empty_storage)}
    done = _run("restore", str(archive), **env2)
    assert done.returncode == 0, done.stderr
    after = _sqlite_rows(empty_db)
    for name, rows in before.items():
        if name != "rate_limit_event":  # the writer's rows after the copy began
            assert after[name] == rows, name
    assert _files(empty_storage) == files


def test_restore_says_what_is_wrong(tmp_path):
    result = _run(
        "restore", str(tmp_path / "missing.tar.gz"), DATABASE_URL=f"sqlite:///{tmp_path}/p.db"
    )
    assert result.returncode == 2 and "there is no backup" in result.stderr
    assert "Traceback" not in result.stderr


def _pg_rows(url: str) -> dict[str, list]:
    with psycopg.connect(url) as connection:
        names = [
            r[0]
            for r in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            n: sorted(map(repr, connection.execute(f'SELECT * FROM "{n}"').fetchall()))
            for n in names
        }


def test_postgresql_backup_restores_into_an_empty_database(tmp_path):
    if subprocess.run(["which", "pg_dump"], capture_output=True).returncode != 0:
        pytest.skip("postgresql-client is not installed (make pg-client)")
    storage = tmp_path / "files"
    files = _storage(storage)
    with fresh_database("backup_src") as source, fresh_database("backup_dst") as target:
        env = {"DATABASE_URL": source, "STORAGE_DIR": str(storage)}
        assert _run("demo-data", **env).returncode == 0
        archive = tmp_path / "b.tar.gz"
        made = _run("backup", "--to", str(archive), **env)
        assert made.returncode == 0, made.stderr
        restored_storage = tmp_path / "restored"
        done = _run("restore", str(archive), DATABASE_URL=target, STORAGE_DIR=str(restored_storage))
        assert done.returncode == 0, done.stderr
        before, after = _pg_rows(source), _pg_rows(target)
        assert after == before
        for name in TABLES_WITH_ROWS:
            assert after[name], name
    assert _files(restored_storage) == files
