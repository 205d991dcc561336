"""Shared fixtures: an in-memory database, a fixed clock and the demo data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

import portal_app.domain.models  # noqa: F401
from portal_app.domain.demo_data import load_demo_data
from portal_app.infra.clock import FixedClock


@pytest.fixture
def engine():
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


@pytest.fixture
def demo(session, clock):
    load_demo_data(session, clock)
    session.commit()
    return session
