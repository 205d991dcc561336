"""No page scrolls sideways at 320, 375, 768 or 1280 px (issue 9, item 6): the portal as
a customer, the back-office and editor as the owner, the sign-in pages and the 404 page
signed out. Each page is loaded once and measured at every width."""

from __future__ import annotations

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from tests.factories import add_appointment, add_customer, invite
from tests.moments import local_time, weekday_ahead

pytestmark = pytest.mark.e2e

WIDTHS = (320, 375, 768, 1280)
PORTAL = [
    "/portal",
    "/portal/appointments",
    "/portal/appointments/{appointment}",
    "/portal/appointments/{appointment}/reschedule",
    "/portal/book",
    "/portal/invitations/{invitation}",
    "/portal/profile",
    "/portal/packages",
    "/portal/events",
    "/portal/payments",
    "/portal/documents",
    "/portal/messages",
    "/portal/checkin",
]
OFFICE = ["/staff", "/staff/inbox", "/staff/customers", "/editor", "/editor/templates"]
OFFICE += ["/editor/services"]
SIGNED_OUT = ["/portal/login", "/portal/new-link", "/staff/login", "/auth/link?token=x"]
SIGNED_OUT += ["/l/abcdefghijklmnop", "/no/such/page"]


def _overflow(page, path: str) -> list[str]:
    """The widths at which the page is wider than the window."""
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(150)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide.append(f"{path} at {width}px is {scroll}px wide")
    return too_wide


def _visit(page, base: str, paths: list[str], **ids) -> list[str]:
    found = []
    for path in paths:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base + path.format(**ids))
        expect(page.locator("h1").first).to_be_visible()
        found += _overflow(page, path)
    return found


def _sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(re.escape(who))).click()
    page.wait_for_url(re.compile(r"/(portal|staff)/?$"))


def test_no_page_scrolls_sideways(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Breed")
    start = local_time(weekday_ahead(clock.now(), 7), time(10, 0))
    ids = {
        "appointment": add_appointment(live, customer_id, start),
        "invitation": invite(live, customer_id),
    }
    customer = page_at(1280)
    _sign_in(customer, live_portal, name)
    owner = page_at(1280)
    _sign_in(owner, live_portal, "Sanne de Vries")
    stranger = page_at(1280)
    too_wide = _visit(customer, live_portal, PORTAL, **ids)
    too_wide += _visit(owner, live_portal, OFFICE)
    too_wide += _visit(stranger, live_portal, SIGNED_OUT)
    assert too_wide == []
