"""The plain sign-in routes: link landing, redemption, cookie flags, dev tools off."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from portal_app import runtime
from portal_app.core.clock import FixedClock
from portal_app.core.errors import DomainError
from portal_app.domain.customers.models import Customer
from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.identity.models import UserSession
from portal_app.domain.identity.service import issue_access_link, redeem, request_access_link
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.database import apply_migrations, make_engine
from portal_app.web.routes import build_routes
from tests.factories import make_context, rows


@pytest.fixture
def portal(tmp_path, monkeypatch, moment):
    """Routes on a fresh migrated SQLite file with demo data and a fixed clock."""
    engines = []

    def configure(public_url="http://localhost:3000", dev_tools=False):
        monkeypatch.setenv("PUBLIC_URL", public_url)
        monkeypatch.setenv("PORTAL_DEV_TOOLS", "1" if dev_tools else "0")
        runtime.settings.cache_clear()
        engine = make_engine(f"sqlite:///{tmp_path / 'portal.db'}")
        engines.append(engine)
        apply_migrations(engine)
        ctx = make_context(engine, FixedClock(moment), public_url)
        load_demo_data(ctx)
        runtime.use_context(ctx)
        return TestClient(build_routes(), base_url=public_url), ctx

    yield configure
    runtime.use_context(None)
    runtime.settings.cache_clear()
    for engine in engines:
        engine.dispose()


def _link(ctx, target="/portal") -> str:
    with ctx.db.transaction() as session:
        customer = session.get(Customer, rows(ctx, Customer)[0].id)
        url = issue_access_link(session, ctx, customer, target, 15)
    return url.split("token=")[1]


def test_opening_a_link_does_not_use_it(portal):
    client, ctx = portal()
    token = _link(ctx)
    for _ in range(3):  # e.g. a mail scanner opening the link
        page = client.get(f"/auth/link?token={token}")
        assert page.status_code == 200 and "Doorgaan" in page.text
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/portal"


def test_redeeming_sets_an_http_only_lax_cookie_and_lands_on_the_target(portal):
    client, ctx = portal()
    token = _link(ctx, "/portal/appointments/1/reschedule")
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.headers["location"] == "/portal/appointments/1/reschedule"
    cookie = response.headers["set-cookie"]
    assert "portal_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_cookie_is_secure_behind_https(portal):
    client, ctx = portal(public_url="https://portal.example.nl")
    response = client.post("/auth/link", data={"token": _link(ctx)}, follow_redirects=False)
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
    client, ctx = portal()
    token = _link(ctx)
    if case == "expired":
        ctx.clock.advance(timedelta(minutes=16))
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
    client, _ctx = portal()
    response = client.post(
        "/auth/link", data={"token": "x" * 43}, headers={"Accept-Language": "en-GB,en;q=0.9"}
    )
    assert "This log-in link is not valid." in response.text


def test_log_in_rotates_the_previous_session(portal):
    client, ctx = portal()
    client.post("/auth/link", data={"token": _link(ctx)}, follow_redirects=False)
    client.post("/auth/link", data={"token": _link(ctx)}, follow_redirects=False)
    sessions = rows(ctx, UserSession)
    assert len(sessions) == 2 and sessions[0].revoked_at is not None
    assert sessions[1].revoked_at is None


def test_two_simultaneous_redemptions_give_one_session(portal):
    _client, ctx = portal()
    token = _link(ctx)
    results: list[str] = []
    barrier = threading.Barrier(8)

    def redeem_once():
        barrier.wait()
        try:
            redeem(ctx, token, None)
            results.append("ok")
        except DomainError as error:
            results.append(error.code)

    threads = [threading.Thread(target=redeem_once) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results.count("ok") == 1 and results.count("access.link_used") == 7


def test_dev_tools_are_off_in_production(portal):
    client, _ctx = portal(dev_tools=False)
    assert client.get("/dev/mailbox").status_code == 404
    assert client.get("/dev/login").status_code == 404
    assert client.post("/dev/login", data={"kind": "customer", "id": "1"}).status_code == 404
    assert client.get("/dev/mailbox/1.html").status_code == 404


def test_dev_mailbox_shows_the_html_part_of_an_email(portal):
    client, ctx = portal(dev_tools=True)
    request_access_link(ctx, email="emma@example.com", client_ip=None)
    [mail] = rows(ctx, OutboxMessage)
    listing = client.get("/dev/mailbox")
    assert f'href="/dev/mailbox/{mail.id}.html"' in listing.text
    html = client.get(f"/dev/mailbox/{mail.id}.html")
    assert html.status_code == 200 and html.text == mail.html_body
    assert "Garage De Vries" in html.text


def test_the_short_sms_link_opens_the_continue_page_and_signs_in(portal):
    client, ctx = portal()
    with ctx.db.transaction() as session:
        customer = session.get(Customer, rows(ctx, Customer)[0].id)
        url = issue_access_link(session, ctx, customer, "/portal/profile", 15, short=True)
    path = url.removeprefix(ctx.public_url)
    assert re.fullmatch(r"/l/[A-Za-z0-9_-]{16}", path)
    page = client.get(path)
    assert page.status_code == 200 and "Doorgaan" in page.text
    token = path.rsplit("/", 1)[1]
    response = client.post("/auth/link", data={"token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/portal/profile"


def test_logout_revokes_the_session(portal):
    client, ctx = portal()
    client.post("/auth/link", data={"token": _link(ctx)}, follow_redirects=False)
    response = client.post("/auth/logout", follow_redirects=False)
    assert response.headers["location"] == "/portal/login"
    [session] = rows(ctx, UserSession)
    assert session.revoked_at is not None


def test_cross_site_link_redemption_signs_nobody_in(portal):
    client, ctx = portal()
    response = client.post(
        "/auth/link",
        data={"token": _link(ctx)},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert rows(ctx, UserSession) == []
