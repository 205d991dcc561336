"""Engine, sessions and migrations for the configured database."""

from __future__ import annotations

import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Engine, make_url

from portal_app.config import PROJECT_ROOT
from portal_app.core.unit_of_work import WRITE_LOCK_OPTION


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
    engine = create_engine(url)
    ping_idle_connections(engine)
    return engine


# A pooled connection that has been idle this long is pinged before it is handed out.
PING_AFTER_IDLE_SECONDS = 10.0


def ping_idle_connections(engine: Engine, after: float = PING_AFTER_IDLE_SECONDS) -> None:
    """Ping a pooled connection before use only when it has been idle `after` seconds or
    more; a dead one is replaced before the handler sees it (a restarted server, a dropped
    idle connection).

    SQLAlchemy's `pool_pre_ping` pings on every checkout: one extra round trip per handler,
    about a fifth of a page load's, and a Reflex worker waits on it (handlers run on its
    event loop). A connection in steady use is not pinged; if the server restarts under
    it, that one statement fails, SQLAlchemy sees the disconnect and renews the whole pool.
    (SQLAlchemy's documented checkout-event recipe, with an idle threshold.)
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection, record) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < after:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error:
            alive = False
        if not alive:
            raise exc.DisconnectionError("idle connection is gone")  # the pool retries


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic config pointing at this project's migrations."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


# pg_advisory_xact_lock key that serialises schema upgrades (any fixed 64-bit number).
MIGRATION_LOCK_KEY = 0x6B6C616E7470  # "klantp"


def apply_migrations(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to `revision` (default: the newest), all or nothing.

    Any number of processes may call this at once. On PostgreSQL the upgrade runs in one
    transaction that first takes a transaction-level advisory lock, so the others wait
    and then find the schema up to date. On SQLite the whole upgrade runs in one IMMEDIATE
    transaction (the database write lock) with foreign keys off (alembic rebuilds tables
    to alter them), and the foreign keys are checked after.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
            connection.execution_options(**{WRITE_LOCK_OPTION: True})
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.exec_driver_sql(
                        f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"
                    )
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
