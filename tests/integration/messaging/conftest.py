"""Fixtures: a file-based SQLite database with one business, a fresh PostgreSQL database."""

from __future__ import annotations

import pytest
from sqlmodel import Session, SQLModel

import portal_app.tables  # noqa: F401
from portal_app.domain.business.models import Business
from portal_app.infra.database import make_engine
from tests.postgres_database import fresh_database


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


@pytest.fixture
def pg_engine():
    with fresh_database("portal_lock") as url:
        engine = make_engine(url)
        try:
            _prepare(engine)
            yield engine
        finally:
            engine.dispose()
