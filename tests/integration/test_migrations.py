"""The migrations create exactly the tables the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import portal_app.domain.models  # noqa: F401
from portal_app.infra.database import apply_migrations, make_engine

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _assert_no_drift(engine) -> None:
    apply_migrations(engine)
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert tables == set(SQLModel.metadata.tables)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []
    apply_migrations(engine)  # a second run is a no-op


def test_sqlite_migrations_match_models(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'portal.db'}")
    _assert_no_drift(engine)
    engine.dispose()


def _postgres_reachable() -> bool:
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


@pytest.fixture
def postgres_url():
    if not _postgres_reachable():
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    name = f"portal_mig_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgresql_migrations_match_models(postgres_url):
    engine = make_engine(postgres_url)
    _assert_no_drift(engine)
    engine.dispose()
