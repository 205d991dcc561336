"""Who may call which plain route: every route of `build_routes()` is listed once.

Routes are discovered by introspection; a new route missing from the table fails the
test. Each is called as a stranger, as customer A aimed at customer B's things, as a
mechanic, staff and the owner (each with a real session cookie, through Starlette's
TestClient), and answers only whom the table allows.
"""

from __future__ import annotations

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from portal_app import runtime
from portal_app.core.clock import FixedClock
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.identity.sessions import SESSION_COOKIE
from portal_app.infra.database import apply_migrations, make_engine
from portal_app.web.routes import build_routes
from tests.factories import customer_actor, make_context, rows, staff_actor
from tests.states import cookie_for

PUBLIC = "public"  # anyone (sign-in pages, health)
SESSION = "session"  # acts on whatever session the browser has (sign-out)
OWN_CUSTOMER = "own customer"  # only the customer whose thing it is
OWN_DATA = "own data"  # a signed-in customer gets their own data, nobody else anything
DEV = "dev tools"  # only with PORTAL_DEV_TOOLS=1: 404 here

ROUTES: dict[str, str] = {
    "GET /healthz": PUBLIC,
    "GET /auth/link": PUBLIC,
    "POST /auth/link": PUBLIC,
    "GET /auth/handoff": PUBLIC,
    "POST /auth/logout": SESSION,
    "GET /auth/signed-out": SESSION,
    "GET /l/{token}": PUBLIC,
    "GET /portal-files/appointments/{appointment_id:int}.ics": OWN_CUSTOMER,
    "GET /portal-files/my-data.json": OWN_DATA,
    "GET /dev/login": DEV,
    "POST /dev/login": DEV,
    "GET /dev/mailbox": DEV,
    "GET /dev/mailbox/{message_id:int}.html": DEV,
}
WHO = ("stranger", "customer A", "mechanic", "staff", "owner")
STAFF_NAMES = {"mechanic": "Pieter Bakker", "staff": "Daan Jansen", "owner": "Sanne de Vries"}


def _discovered() -> list[str]:
    found = []
    for route in build_routes().routes:
        if isinstance(route, Route):
            found += [f"{m} {route.path}" for m in sorted(route.methods or ()) if m != "HEAD"]
    return sorted(found)


def test_every_route_is_listed_once():
    assert _discovered() == sorted(ROUTES)


@pytest.fixture
def world(tmp_path, monkeypatch, moment):
    monkeypatch.setenv("PUBLIC_URL", "http://localhost:3000")
    monkeypatch.setenv("PORTAL_DEV_TOOLS", "0")
    runtime.settings.cache_clear()
    engine = make_engine(f"sqlite:///{tmp_path / 'portal.db'}")
    apply_migrations(engine)
    ctx = make_context(engine, FixedClock(moment), "http://localhost:3000")
    load_demo_data(ctx)
    runtime.use_context(ctx)
    yield ctx
    runtime.use_context(None)
    runtime.settings.cache_clear()
    engine.dispose()


def _cookie(ctx, who: str) -> str | None:
    if who == "stranger":
        return None
    if who == "customer A":
        return cookie_for(ctx, customer_actor(ctx, "emma@example.com"))
    return cookie_for(ctx, staff_actor(ctx, STAFF_NAMES[who]))


def _call(client: TestClient, key: str, b_appointment: int):
    method, path = key.split(" ", 1)
    path = path.replace("{appointment_id:int}", str(b_appointment))
    path = path.replace("{message_id:int}", "1").replace("{token}", "x" * 16)
    data = {"token": "x" * 43, "kind": "customer", "id": "1"} if method == "POST" else None
    return client.request(method, path, data=data, follow_redirects=False)


@pytest.mark.parametrize("key", sorted(ROUTES))
def test_each_route_answers_only_whom_it_may(world, key):
    lucas = customer_actor(world, "lucas@example.com")
    emma = customer_actor(world, "emma@example.com")
    b_appointment = rows(world, Appointment, Appointment.customer_id == lucas.id)[0].id
    a_appointment = rows(world, Appointment, Appointment.customer_id == emma.id)[0].id
    for who in WHO:
        client = TestClient(build_routes(), base_url="http://localhost:3000")
        cookie = _cookie(world, who)
        if cookie:
            client.cookies.set(SESSION_COOKIE, cookie)
        response = _call(client, key, b_appointment)
        assert response.status_code < 500, (key, who)
        assert "lucas" not in response.text.lower(), (key, who)
        if ROUTES[key] == DEV:
            assert response.status_code == 404, (key, who)
        elif ROUTES[key] == OWN_CUSTOMER:
            assert response.status_code == 404, (key, who)  # B's file: nobody else's
            if who == "customer A":
                own = _call(client, key, a_appointment)
                assert own.status_code == 200 and "BEGIN:VCALENDAR" in own.text
        elif ROUTES[key] == OWN_DATA:
            if who == "customer A":
                assert response.status_code == 200 and "emma@example.com" in response.text
                assert "attachment" in response.headers["content-disposition"]
            else:
                assert response.status_code == 404, (key, who)
        elif ROUTES[key] == SESSION:
            assert response.status_code == 303 and "/portal/login" in response.headers["location"]
        else:
            assert response.status_code in (200, 400), (key, who, response.status_code)
