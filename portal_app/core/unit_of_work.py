"""The unit of work: one database session per request, transactions owned by services.

A service opens `db.transaction()` (or `transaction(write_lock=True)` before a
check-then-insert); a transaction opened inside another joins it, so a service that calls
another commits once. `db.unit_of_work()` marks one request (a Reflex handler, a plain
route): all transactions inside it share one lazily opened session, so a handler that
resolves the actor and then calls a service uses one session, not one per step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session

log = logging.getLogger(__name__)

# Engines built by infra.database honour this execution option: SQLite then begins the
# transaction IMMEDIATE, taking the database write lock before the first read.
WRITE_LOCK_OPTION = "portal_write_lock"


@dataclass
class _Scope:
    engine: Engine
    session: Session | None = None
    depth: int = 0
    write_lock: bool = False
    transactions: int = field(default=0)
    after_commit: list[Callable[[], None]] = field(default_factory=list)


_scope: ContextVar[_Scope | None] = ContextVar("portal_unit_of_work", default=None)


class Database:
    """Transactions on one engine."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @contextmanager
    def unit_of_work(self) -> Iterator[None]:
        """One request: the transactions inside share one session, closed at the end."""
        current = _scope.get()
        if current is not None and current.engine is self.engine:
            yield
            return
        scope = _Scope(self.engine)
        token = _scope.set(scope)
        try:
            yield
        finally:
            _scope.reset(token)
            if scope.session is not None:
                scope.session.close()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` after the current transaction commits (dropped if it rolls
        back); outside a transaction, at once. A failing callback is logged."""
        scope = _scope.get()
        if scope is not None and scope.engine is self.engine and scope.depth:
            scope.after_commit.append(callback)
        else:
            _run_callbacks([callback])

    @contextmanager
    def transaction(self, write_lock: bool = False) -> Iterator[Session]:
        """Commit on success, roll back on any error; joins an enclosing transaction."""
        scope = _scope.get()
        if scope is None or scope.engine is not self.engine:
            with self.unit_of_work(), self.transaction(write_lock) as session:
                yield session
            return
        if scope.depth:
            if write_lock and not scope.write_lock and self.engine.dialect.name == "sqlite":
                raise RuntimeError("open the write-locked transaction first, then join it")
            scope.depth += 1
            try:
                yield scope.session
            finally:
                scope.depth -= 1
            return
        if scope.session is None:
            scope.session = Session(self.engine, expire_on_commit=False)
        session = scope.session
        if write_lock:
            session.connection(execution_options={WRITE_LOCK_OPTION: True})
        scope.depth, scope.write_lock = 1, write_lock
        scope.transactions += 1
        scope.after_commit = []
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            scope.depth, scope.write_lock = 0, False
            callbacks, scope.after_commit = scope.after_commit, []
        _run_callbacks(callbacks)


def _run_callbacks(callbacks: list[Callable[[], None]]) -> None:
    for callback in callbacks:
        try:
            callback()
        except Exception:
            log.exception("after-commit callback failed")
