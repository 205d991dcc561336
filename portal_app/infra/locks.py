"""Database leases: one holder per name at a time, on SQLite and PostgreSQL.

A lease is taken or renewed with one atomic UPDATE that succeeds only when the lease has
expired or is already ours, so two processes can never both believe they hold it.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Column, Field, SQLModel

from portal_app.core.clock import Clock
from portal_app.core.columns import UTCDateTime

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class JobLock(SQLModel, table=True):
    """A named lease: of several app processes, only its holder runs the job."""

    __tablename__ = "job_lock"

    name: str = Field(primary_key=True, max_length=40)
    holder: str = Field(default="", max_length=80)
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


_table = JobLock.__table__


def default_holder() -> str:
    """A holder name unique to this process: host, pid and a random suffix."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


_holder: tuple[int, str] | None = None


def process_holder() -> str:
    """This worker's holder name, made afresh in each forked worker (a name computed
    before the fork would be shared by every worker of the process)."""
    global _holder
    if _holder is None or _holder[0] != os.getpid():
        _holder = (os.getpid(), default_holder())
    return _holder[1]


def _ensure_row(connection, name: str) -> None:
    """Insert an expired lease row for `name` unless one exists (race-safe)."""
    values = {"name": name, "holder": "", "expires_at": _EPOCH}
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.execute(postgresql.insert(_table).values(values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        connection.execute(sqlite.insert(_table).values(values).on_conflict_do_nothing())
    else:
        try:
            with connection.begin_nested():
                connection.execute(insert(_table).values(values))
        except IntegrityError:
            pass


def try_acquire(engine: Engine, name: str, holder: str, ttl: timedelta, clock: Clock) -> bool:
    """Take or renew the lease `name` for `holder` until now + ttl; False if someone else has it."""
    now = clock.now()
    with engine.begin() as connection:
        _ensure_row(connection, name)
        result = connection.execute(
            update(_table)
            .where(
                _table.c.name == name,
                or_(_table.c.expires_at < now, _table.c.holder == holder),
            )
            .values(holder=holder, expires_at=now + ttl)
        )
        return result.rowcount == 1


def renew(engine: Engine, name: str, holder: str, ttl: timedelta, clock: Clock) -> bool:
    """Extend the lease `name` to now + ttl if `holder` has it (a heartbeat); never takes it."""
    with engine.begin() as connection:
        result = connection.execute(
            update(_table)
            .where(_table.c.name == name, _table.c.holder == holder)
            .values(expires_at=clock.now() + ttl)
        )
        return result.rowcount == 1


def release(engine: Engine, name: str, holder: str) -> None:
    """Give the lease up at once if `holder` has it; otherwise do nothing."""
    with engine.begin() as connection:
        connection.execute(
            update(_table)
            .where(_table.c.name == name, _table.c.holder == holder)
            .values(holder="", expires_at=_EPOCH)
        )
