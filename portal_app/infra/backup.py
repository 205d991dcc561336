"""Backup and restore: the database and the private file storage in one archive.

SQLite is copied with its online backup API (page by page, consistent while the portal
keeps running); PostgreSQL with `pg_dump --format=custom` and restored with
`pg_restore` (Debian's postgresql-client). The private files (STORAGE_DIR, default
data/files) go into the same .tar.gz, with a manifest that says what is inside.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from portal_app.config import PROJECT_ROOT, Settings

FORMAT = 1
SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"
FILES = "files"


class BackupError(Exception):
    """A backup or restore could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    database: str
    files: int


def storage_folder(settings: Settings) -> Path:
    """The private file storage folder (STORAGE_DIR, default data/files)."""
    configured = getattr(settings, "storage_dir", None) or os.environ.get("STORAGE_DIR", "")
    folder = Path(configured) if configured else PROJECT_ROOT / "data" / "files"
    return folder if folder.is_absolute() else PROJECT_ROOT / folder


def _libpq_url(database_url: str) -> str:
    """A URL pg_dump understands (no SQLAlchemy driver suffix)."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed: install Debian's postgresql-client "
            "(apt-get install postgresql-client, or make pg-client)."
        )
    return found


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())[:300]
        raise BackupError(f"{Path(command[0]).name} failed: {detail}")


def _dump_database(database_url: str, into: Path) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(f"file:{url.database}?mode=ro", uri=True)
        target = sqlite3.connect(into / SQLITE_NAME)
        try:
            source.backup(target)  # the online backup API: safe while the portal writes
        finally:
            target.close()
            source.close()
        return SQLITE_NAME
    dump = into / PG_NAME
    _run(
        [
            _tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            f"--file={dump}",
            _libpq_url(database_url),
        ]
    )
    return PG_NAME


def make_backup(settings: Settings, destination: Path, now: datetime | None = None) -> BackupReport:
    """Write a .tar.gz with the database and the private files into `destination`
    (a folder, or the archive's path)."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    if destination.suffix != ".gz":
        destination.mkdir(parents=True, exist_ok=True)
        destination = destination / f"klantportaal-{moment:%Y%m%dT%H%M%SZ}.tar.gz"
    destination.parent.mkdir(parents=True, exist_ok=True)
    storage = storage_folder(settings)
    with tempfile.TemporaryDirectory() as work:
        staging = Path(work)
        database_file = _dump_database(settings.database_url, staging)
        files = sorted(p for p in storage.rglob("*") if p.is_file()) if storage.is_dir() else []
        manifest = {
            "format": FORMAT,
            "created_at": moment.isoformat(),
            "database": make_url(settings.database_url).get_backend_name(),
            "database_file": database_file,
            "files": [str(p.relative_to(storage)) for p in files],
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(staging / "manifest.json", "manifest.json")
            archive.add(staging / database_file, database_file)
            for path in files:
                archive.add(path, f"{FILES}/{path.relative_to(storage)}")
        partial.replace(destination)
    return BackupReport(destination, manifest["database"], len(files))


def restore_backup(settings: Settings, archive_path: Path) -> BackupReport:
    """Put a backup's database and files in place of the configured ones."""
    if not archive_path.is_file():
        raise BackupError(f"there is no backup at {archive_path}.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        staging = Path(work)
        archive.extractall(staging, filter="data")
        try:
            manifest = json.loads((staging / "manifest.json").read_text())
        except (OSError, ValueError):
            raise BackupError(f"{archive_path} is not a Klantportaal backup.") from None
        backend = make_url(settings.database_url).get_backend_name()
        if manifest.get("database") != backend:
            raise BackupError(
                f"this backup holds a {manifest.get('database')} database; DATABASE_URL is "
                f"{backend}: restore it into a database of the same kind."
            )
        _restore_database(settings.database_url, staging / manifest["database_file"])
        storage = storage_folder(settings)
        storage.mkdir(parents=True, exist_ok=True)
        for name in manifest.get("files", []):
            target = storage / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(staging / FILES / name, target)
    return BackupReport(archive_path, backend, len(manifest.get("files", [])))


def _restore_database(database_url: str, dump: Path) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(dump)
        target = sqlite3.connect(url.database)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={_libpq_url(database_url)}",
            str(dump),
        ]
    )
