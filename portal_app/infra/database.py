"""Engine, sessions and migrations for the configured database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from portal_app.config import PROJECT_ROOT, load_settings

WRITE_LOCK_OPTION = "portal_write_lock"


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys on and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection):
            # pysqlite begins lazily before the first write; a write-locked session takes
            # the lock up front instead, before its first read.
            if connection.get_execution_options().get(WRITE_LOCK_OPTION):
                connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    """The process-wide engine for DATABASE_URL."""
    return make_engine(load_settings().database_url)


@contextmanager
def session_scope(engine: Engine | None = None, write_lock: bool = False) -> Iterator[Session]:
    """A session that commits on success and rolls back on error.

    With `write_lock`, SQLite begins the transaction IMMEDIATE (the database write lock
    is taken before the first read), so check-then-insert cannot interleave; PostgreSQL
    relies on its constraints (e.g. the appointment exclusion constraint) instead.
    """
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        if write_lock:
            session.connection(execution_options={WRITE_LOCK_OPTION: True})
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic config pointing at this project's migrations."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def apply_migrations(engine: Engine | None = None, revision: str = "head") -> None:
    """Bring the database schema up to `revision` (default: the newest), all or nothing.

    On SQLite the whole upgrade runs in one IMMEDIATE transaction with foreign keys off
    (alembic rebuilds tables to alter them), and the foreign keys are checked after.
    """
    engine = engine or get_engine()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
            connection.execution_options(**{WRITE_LOCK_OPTION: True})
        try:
            with connection.begin():
                config = alembic_config(str(engine.url))
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"foreign keys broken after migrating: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


class MigrationError(Exception):
    """The schema could not be brought up to date; nothing was changed."""
