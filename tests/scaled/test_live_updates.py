"""A customer on one app process and a staff member on another see each other's changes
without reloading (issue 12). Each page's websocket is pinned to one process."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.business.models import BusinessSettings
from tests.factories import (
    add_customer,
    business_id,
    customer_actor,
    invite,
    service_id,
    working_day,
)
from tests.scaled.conftest import socket_via

pytestmark = pytest.mark.e2e
LIVE = 15_000  # ms: a pushed update, never a reload


def _sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(re.escape(who))).click()


def _requested(live, email: str) -> int:
    """A booking request (request mode), made directly in the database."""
    with live.db.transaction() as session:
        rules = session.get(BusinessSettings, business_id(live))
        previous, rules.booking_mode = rules.booking_mode, "request"
    try:
        actor = customer_actor(live, email)
        offered = service_id(live, "APK-keuring")
        day = working_day(live, 3).isoformat()
        first = booking_times(live, actor, service_id=offered, staff_id="any", day=day)[0]
        return booking.book(
            live, actor, service_id=offered, staff_id=first.staff_id, start=first.start_utc
        ).appointment.id
    finally:
        with live.db.transaction() as session:
            session.get(BusinessSettings, business_id(live)).booking_mode = previous


def test_a_booking_on_one_process_appears_on_the_staff_overview_on_the_other(scaled, live, page_at):
    name, _email, customer_id = add_customer(live, "Liam")
    invitation_id = invite(live, customer_id)

    staff = page_at(1280)
    pinned = socket_via(staff, scaled, scaled.app_ports[0])
    _sign_in(staff, scaled.url, "Sanne de Vries")
    expect(staff.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    mine = staff.get_by_test_id("activity-row").filter(has_text=name)
    expect(mine).to_have_count(0)

    customer = page_at(375)
    socket_via(customer, scaled, scaled.app_ports[1])
    _sign_in(customer, scaled.url, name)
    expect(customer.get_by_test_id("welcome")).to_be_visible()
    customer.goto(f"{scaled.url}/portal/invitations/{invitation_id}")
    customer.get_by_test_id("option-card").first.get_by_role("button", name="Kies deze").click()
    expect(customer.get_by_test_id("confirmation")).to_contain_text("Je afspraak staat vast")

    expect(mine).to_have_count(1, timeout=LIVE)
    expect(mine).to_contain_text(f"{name} heeft geboekt")
    assert pinned, "the staff page's websocket was not pinned to process 0"


def test_a_request_approved_on_one_process_updates_the_customers_list_on_the_other(
    scaled, live, page_at
):
    name, email, _customer_id = add_customer(live, "Mila")
    _requested(live, email)

    customer = page_at(375)
    pinned = socket_via(customer, scaled, scaled.app_ports[1])
    _sign_in(customer, scaled.url, name)
    expect(customer.get_by_test_id("welcome")).to_be_visible()
    customer.goto(f"{scaled.url}/portal/appointments")
    card = customer.get_by_test_id("appointment-card").filter(has_text="APK-keuring")
    expect(card).to_contain_text("Aangevraagd")

    staff = page_at(1280)
    socket_via(staff, scaled, scaled.app_ports[0])
    _sign_in(staff, scaled.url, "Sanne de Vries")
    expect(staff.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    staff.goto(f"{scaled.url}/staff/inbox")
    request = staff.get_by_test_id("task-card").filter(has_text=name)
    request.get_by_role("button", name="Goedkeuren").click()
    expect(staff.get_by_test_id("inbox-notice")).to_contain_text("Aanvraag goedgekeurd")

    expect(card).to_contain_text("Geboekt", timeout=LIVE)
    assert pinned, "the customer page's websocket was not pinned to process 1"
