"""Shared fixtures: an in-memory database, a fixed clock, a service context, the demo data."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

import portal_app.tables  # noqa: F401
from portal_app.core.clock import FixedClock
from portal_app.domain.demo_data import load_demo_data
from tests.factories import make_context


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
def ctx(engine, clock):
    """A service context on the test database at the test clock's time."""
    return make_context(engine, clock)


@pytest.fixture
def demo(ctx):
    """The context, with the demo business loaded."""
    load_demo_data(ctx)
    return ctx
