"""axe-core over every page (issue 9, item 14): signed out, as a customer in Dutch and in
English, as staff and as the owner, at a phone's and a desktop's width. Any violation of
any rule axe runs by default (WCAG 2.x A and AA, plus its best practices such as one main
landmark) fails the test, and so does a page that is registered but not listed in
tests/e2e/pages.py. The document's language is the one the page speaks: the visitor's,
or the one language of the back-office and the development tools."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from portal_app.config import PROJECT_ROOT
from portal_app.ui.pages import register_pages
from tests.e2e.browsing import sign_in
from tests.e2e.pages import (
    CUSTOMER,
    ONE_LANGUAGE,
    OWNER,
    PAGES,
    PLAIN_PAGES,
    SIGNED_OUT,
    STAFF,
    addresses,
    arrange,
)

pytestmark = pytest.mark.e2e

AXE = PROJECT_ROOT / ".tools/node_modules/axe-core/axe.min.js"
WIDTHS = (375, 1280)
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " " + (n.failureSummary || "")
      .split("\\n").slice(1, 2).join("")),
    count: v.nodes.length,
  }));
}"""


class _Routes:
    """Collects the routes the portal registers."""

    def __init__(self) -> None:
        self.routes: list[str] = []

    def add_page(self, _component, route: str, **_options) -> None:
        self.routes.append(route)


def test_every_page_is_listed():
    registered = _Routes()
    register_pages(registered)
    assert sorted(registered.routes) == sorted(PAGES)


def _settled(page: Page) -> None:
    """The page has loaded its data: a heading shows, no spinner, no running animation."""
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator(".rt-Spinner")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(250)


def _violations(page: Page, address: str) -> list[str]:
    """axe's violations on the page at each width, one line per rule and width."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(Path(AXE).read_text())
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(200)
        for v in page.evaluate(RUN_AXE):
            found.append(f"{address} at {width}px: {v['rule']} x{v['count']} {v['nodes']}")
    return found


def _check(page: Page, base: str, paths: list[str], lang: str) -> list[str]:
    found = []
    for address in paths:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + address)
        _settled(page)
        spoken = page.evaluate("document.documentElement.lang")
        expected = ONE_LANGUAGE.get(address, lang)
        if spoken != expected:
            found.append(f"{address}: the document says lang={spoken!r}, not {expected!r}")
        found += _violations(page, address)
    return found


def test_no_page_has_an_accessibility_violation(live_portal, live, page_at):
    found = []
    visitors = (("Toegang", "nl-NL", "nl", time(14, 0)), ("Access", "en-GB", "en", time(16, 0)))
    for first, locale, lang, at in visitors:
        person = arrange(live, first, lang, at)
        customer = page_at(1280, locale=locale)
        sign_in(customer, live_portal, person.name)
        found += _check(customer, live_portal, addresses(CUSTOMER, person.ids), lang)
    ids = person.ids
    staff = page_at(1280)
    sign_in(staff, live_portal, "Daan Jansen")
    found += _check(staff, live_portal, addresses(STAFF, ids), "nl")
    owner = page_at(1280)
    sign_in(owner, live_portal, "Sanne de Vries")
    found += _check(owner, live_portal, addresses(OWNER, ids), "nl")
    for locale, lang in (("nl-NL", "nl"), ("en-GB", "en")):
        stranger = page_at(1280, locale=locale)
        found += _check(stranger, live_portal, addresses(SIGNED_OUT, ids), lang)
    stranger = page_at(1280)
    plain = [address.format(**ids) for address in PLAIN_PAGES]
    found += _check(stranger, live_portal, plain, "nl")
    assert not found, "\n".join(found)
