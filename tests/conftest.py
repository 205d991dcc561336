"""Shared fixtures: an in-memory database, a fixed clock, a service context, the demo data.

Every test runs at one moment, chosen with `pytest --clock=...` (default `monday`):
the `clock` fixture starts there, and the browser tests start the portal frozen at it
(PORTAL_CLOCK). Tests arrange their data relative to that moment, never to the wall
clock, so the suite gives the same answer on any day; `make test-moments` runs it at
every named moment.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

import portal_app.tables  # noqa: F401
from portal_app.core.clock import FixedClock
from portal_app.domain.demo_data import load_demo_data
from tests.factories import make_context
from tests.moments import BUSINESS_TZ, MOMENTS, parse_moment

_MOMENT_KEY = pytest.StashKey[datetime]()
CHROMIUM = "/usr/bin/chromium"


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default="monday",
        help=(
            "the moment every test runs at: "
            + ", ".join(MOMENTS)
            + " (Europe/Amsterdam), `now` (the real time, read once at the start), "
            "or an ISO 8601 timestamp (naive: Europe/Amsterdam). Default: monday."
        ),
    )


def pytest_configure(config):
    value = config.getoption("--clock", default="monday")
    try:
        moment = parse_moment(value, now=datetime.now(UTC))
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    config.stash[_MOMENT_KEY] = moment


def pytest_report_header(config):
    moment = config.stash[_MOMENT_KEY]
    local = moment.astimezone(BUSINESS_TZ)
    return (
        f"clock: --clock={config.getoption('--clock')} -> "
        f"{local:%a %Y-%m-%d %H:%M:%S %Z} ({moment.isoformat()})"
    )


@pytest.fixture(scope="session")
def moment(pytestconfig) -> datetime:
    """The moment of this test session (aware, UTC): the frozen 'now' of every test."""
    return pytestconfig.stash[_MOMENT_KEY]


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
def clock(moment):
    """A clock standing still at the session's moment (tests may advance it)."""
    return FixedClock(moment)


@pytest.fixture
def ctx(engine, clock):
    """A service context on the test database at the test clock's time."""
    return make_context(engine, clock)


@pytest.fixture
def demo(ctx):
    """The context, with the demo business loaded."""
    load_demo_data(ctx)
    return ctx


# One Chromium for the whole session (the e2e and the scaled browser tests share it: the
# sync Playwright API runs once per thread).
@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def page_factory(browser, **options):
    """Yields a factory of fresh pages (own cookies) at a given viewport width; closes them."""
    contexts = []

    def make(width: int = 1280, locale: str = "nl-NL"):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale=locale, **options
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page_at(browser):
    """Factory: a fresh page (own cookies) at a given viewport width."""
    yield from page_factory(browser)
