"""No page scrolls sideways at 320, 375, 768 or 1280 px (issue 9, item 6): every page of
tests/e2e/pages.py, opened by who opens it there (customer, staff, owner, signed out),
and the plain pages. Each page is loaded once and measured at every width."""

from __future__ import annotations

from datetime import time

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_in
from tests.e2e.pages import CUSTOMER, OWNER, PLAIN_PAGES, SIGNED_OUT, STAFF, addresses, arrange

pytestmark = pytest.mark.e2e

WIDTHS = (320, 375, 768, 1280)


def _overflow(page, address: str) -> list[str]:
    """The widths at which the page is wider than the window."""
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(150)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide.append(f"{address} at {width}px is {scroll}px wide")
    return too_wide


def _visit(page, base: str, paths: list[str]) -> list[str]:
    found = []
    for address in paths:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base + address)
        expect(page.locator("h1").first).to_be_visible()
        found += _overflow(page, address)
    return found


def test_no_page_scrolls_sideways(live_portal, live, page_at):
    person = arrange(live, "Breed", at=time(11, 0))
    too_wide = []
    for who, name in ((CUSTOMER, person.name), (STAFF, "Daan Jansen"), (OWNER, "Sanne de Vries")):
        page = page_at(1280)
        sign_in(page, live_portal, name)
        too_wide += _visit(page, live_portal, addresses(who, person.ids))
    stranger = page_at(1280)
    too_wide += _visit(stranger, live_portal, addresses(SIGNED_OUT, person.ids))
    too_wide += _visit(stranger, live_portal, [a.format(**person.ids) for a in PLAIN_PAGES])
    assert too_wide == []
