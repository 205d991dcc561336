"""A fresh PostgreSQL database per test, on the local server that CI also runs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_reachable() -> bool:
    """Whether a PostgreSQL server answers on 127.0.0.1:5432."""
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


@contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    """Create an empty database, yield its URL, drop it after (skip without a server)."""
    if not postgres_reachable():
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
