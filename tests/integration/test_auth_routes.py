"""The plain sign-in routes: link landing, redemption, cookie flags, dev tools off."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlmodel import Session, select
from starlette.testclient import TestClient

from portal_app.domain.access import AccessPolicy, issue_access_link, redeem_access_token
from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.errors import DomainError
from portal_app.domain.models import Customer, UserSession
from portal_app.infra import database
from portal_app.infra.clock import FixedClock
from portal_app.web import runtime
from portal_app.web.routes import build_routes


@pytest.fixture
def portal(tmp_path, monkeypatch, moment):
    """Routes on a fresh migrated SQLite file with demo data and a fixed clock."""
    monkeypatch.setattr(runtime, "_clock", runtime._clock)  # put the process clock back after

    def configure(public_url="http://localhost:3000", dev_tools=False):
        monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'portal.db'}")
        monkeypatch.setenv("PUBLIC_URL", public_url)
        monkeypatch.setenv("PORTAL_DEV_TOOLS", "1" if dev_tools else "0")
        runtime.settings.cache_clear()
        database.get_engine.cache_clear()
        clock = FixedClock(moment)
        runtime.use_clock(clock)
        database.apply_migrations()
        with database.session_scope() as session:
            load_demo_data(session, clock)
        return TestClient(build_routes(), base_url=public_url), clock

    yield configure
    runtime.settings.cache_clear()
    database.get_engine.cache_clear()


def _link(clock, target="/portal") -> str:
    with database.session_scope() as session:
        customer = session.exec(select(Customer)).first()
        url = issue_access_link(
            session, customer, runtime.settings().public_url, clock, AccessPolicy(), target
        )
    return url.split("token=")[1]


def test_opening_a_link_does_not_use_it(portal):
    client, clock = portal()
    token = _link(clock)
    for _ in range(3):  # e.g. a mail scanner opening the link
        page = client.get(f"/auth/link?token={token}")
        assert page.status_code == 200 and "Doorgaan" in page.text
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/portal"


def test_redeeming_sets_an_http_only_lax_cookie_and_lands_on_the_target(portal):
    client, clock = portal()
    token = _link(clock, "/portal/appointments/1/reschedule")
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.headers["location"] == "/portal/appointments/1/reschedule"
    cookie = response.headers["set-cookie"]
    assert "portal_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_cookie_is_secure_behind_https(portal):
    client, clock = portal(public_url="https://portal.example.nl")
    response = client.post("/auth/link", data={"token": _link(clock)}, follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize(
    ("case", "sentence"),
    [
        ("expired", "Deze inloglink is verlopen. Vraag een nieuwe link aan."),
        ("reused", "Deze inloglink is al gebruikt. Vraag een nieuwe link aan."),
        ("tampered", "Deze inloglink is ongeldig. Vraag een nieuwe link aan."),
    ],
)
def test_bad_links_are_refused_with_a_clear_sentence(portal, case, sentence):
    client, clock = portal()
    token = _link(clock)
    if case == "expired":
        clock.advance(timedelta(minutes=16))
    elif case == "reused":
        client.post("/auth/link", data={"token": token}, follow_redirects=False)
        client.cookies.clear()
    else:
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.status_code == 400
    assert sentence in response.text and "/portal/login" in response.text
    assert "set-cookie" not in response.headers


def test_english_browsers_get_english_sentences(portal):
    client, _clock = portal()
    response = client.post(
        "/auth/link", data={"token": "x" * 43}, headers={"Accept-Language": "en-GB,en;q=0.9"}
    )
    assert "This log-in link is not valid." in response.text


def test_log_in_rotates_the_previous_session(portal):
    client, clock = portal()
    client.post("/auth/link", data={"token": _link(clock)}, follow_redirects=False)
    client.post("/auth/link", data={"token": _link(clock)}, follow_redirects=False)
    with database.session_scope() as session:
        rows = session.exec(select(UserSession).order_by(UserSession.id)).all()
    assert len(rows) == 2 and rows[0].revoked_at is not None and rows[1].revoked_at is None


def test_two_simultaneous_redemptions_give_one_session(portal):
    _client, clock = portal()
    token = _link(clock)
    engine = database.get_engine()
    results: list[str] = []
    barrier = threading.Barrier(8)

    def redeem():
        barrier.wait()
        try:
            with database.session_scope(engine, write_lock=True) as session:
                redeem_access_token(session, token, clock)
            results.append("ok")
        except DomainError as error:
            results.append(error.code)

    threads = [threading.Thread(target=redeem) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results.count("ok") == 1 and results.count("access.link_used") == 7


def test_dev_tools_are_off_in_production(portal):
    client, _clock = portal(dev_tools=False)
    assert client.get("/dev/mailbox").status_code == 404
    assert client.get("/dev/login").status_code == 404
    assert client.post("/dev/login", data={"kind": "customer", "id": "1"}).status_code == 404


def test_logout_revokes_the_session(portal):
    client, clock = portal()
    client.post("/auth/link", data={"token": _link(clock)}, follow_redirects=False)
    response = client.post("/auth/logout", follow_redirects=False)
    assert response.headers["location"] == "/portal/login"
    with Session(database.get_engine()) as session:
        assert session.exec(select(UserSession)).one().revoked_at is not None
