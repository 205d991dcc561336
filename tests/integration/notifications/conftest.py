"""Fixtures: a file-based SQLite database with one business, a fresh PostgreSQL database."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlmodel import Session, SQLModel

import portal_app.domain.models  # noqa: F401
import portal_app.domain.models.locks  # noqa: F401
from portal_app.domain.models import Business
from portal_app.infra.database import make_engine

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _prepare(engine) -> None:
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Business(name="Demo", slug="demo"))
        session.commit()


@pytest.fixture
def file_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'portal.db'}")
    _prepare(engine)
    yield engine
    engine.dispose()


def _postgres_reachable() -> bool:
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


@pytest.fixture
def pg_engine():
    if not _postgres_reachable():
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    name = f"portal_lock_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(f"postgresql://postgres@127.0.0.1:5432/{name}")
    try:
        _prepare(engine)
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
