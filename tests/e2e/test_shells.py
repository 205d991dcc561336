"""The production build serves the portal, back-office and editor with the demo data."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [375, 1280])
def test_customer_sees_portal_with_own_appointments(live_portal, page_at, width):
    page = page_at(width)
    page.goto(f"{live_portal}/portal")
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))
    sign_in(page, live_portal, "Emma Visser")
    expect(page.get_by_test_id("welcome")).to_have_text("Welkom, Emma Visser")
    expect(page.get_by_test_id("business-name")).to_have_text("Garage De Vries")
    nav = page.get_by_role("navigation")
    labels = ["Dashboard", "Afspraken", "Pakketten", "Evenementen", "Betalingen"]
    labels += ["Documenten", "Berichten", "Check-in", "Profiel"]
    if width < 768:  # a tab bar with the main four; the rest in the "more" sheet
        for label in ("Dashboard", "Afspraken", "Berichten", "Profiel"):
            expect(nav.get_by_text(label, exact=True)).to_be_visible()
        page.get_by_test_id("nav-more").click()
        nav = page.get_by_test_id("more-sheet")
        labels = ["Pakketten", "Evenementen", "Betalingen", "Documenten", "Check-in"]
    for label in labels:
        expect(nav.get_by_text(label, exact=True)).to_be_visible()
    if width < 768:
        page.keyboard.press("Escape")
        nav = page.get_by_role("navigation")
    card = page.get_by_test_id("appointment-card").first
    expect(card).to_contain_text("met ")
    expect(card).to_contain_text(re.compile(r"€\s?\d+,\d\d"))
    expect(card).to_contain_text(re.compile(r"(ma|di|wo|do|vr|za|zo) \d{1,2} \w+ \d{4} \d\d:\d\d"))
    nav.get_by_text("Afspraken", exact=True).click()
    expect(page.get_by_role("heading", name="Geschiedenis")).to_be_visible()
    expect(page.get_by_text("Afgerond")).to_be_visible()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, "the page must not scroll sideways"


def test_english_customer_gets_english_texts(live_portal, page_at):
    page = page_at(1280)
    sign_in(page, live_portal, "Noah Smit")
    expect(page.get_by_test_id("welcome")).to_have_text("Welcome, Noah Smit")
    expect(page.get_by_role("navigation").get_by_text("Appointments")).to_be_visible()
    # English day and month names; any day of the week (another test may have booked
    # Noah on a Saturday, depending on the moment)
    expect(page.get_by_test_id("appointment-card").first).to_contain_text(
        re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d{4}")
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_owner_sees_back_office_and_editor(live_portal, page_at, width):
    page = page_at(width)
    sign_in(page, live_portal, "Sanne de Vries")
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    feed = page.get_by_test_id("activity-row")
    expect(feed.filter(has_text="Emma Visser heeft geboekt").first).to_be_visible()
    assert feed.count() >= 5
    expect(page.get_by_test_id("appointment-card").first).to_be_visible()
    page.get_by_role("navigation").get_by_text("Klanten").click()
    # a table on a desktop, cards on a phone
    shown = page.get_by_text("emma@example.com", exact=True).locator("visible=true")
    expect(shown.first).to_be_visible()
    # the phone's tab bar says "Editor": "Portaaleditor" broke mid-word in its narrow tab
    editor = "Editor" if width < 768 else "Portaaleditor"
    page.get_by_role("navigation").get_by_text(editor, exact=True).click()
    expect(page.get_by_text("Klanten mogen verplaatsen")).to_be_visible()


def test_mechanic_is_refused_customer_list_and_editor(live_portal, page_at):
    page = page_at(1280)
    sign_in(page, live_portal, "Pieter Bakker")
    expect(page.get_by_role("heading", name="Hallo Pieter Bakker")).to_be_visible()
    page.goto(f"{live_portal}/staff/customers")
    expect(page.get_by_text("Dit mag je niet doen.")).to_be_visible()
    expect(page.get_by_text("emma@example.com")).to_have_count(0)
    page.goto(f"{live_portal}/editor")
    expect(page.get_by_text("Alleen de eigenaar kan het portaal inrichten.")).to_be_visible()


def test_logout_ends_the_session(live_portal, page_at):
    page = page_at(1280)
    sign_in(page, live_portal, "Emma Visser")
    expect(page.get_by_test_id("welcome")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))
    page.goto(f"{live_portal}/portal/appointments")
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))
    cookies = page.context.cookies()
    assert all(c["name"] != "portal_session" for c in cookies)


def test_session_cookie_is_http_only(live_portal, page_at):
    page = page_at(1280)
    sign_in(page, live_portal, "Emma Visser")
    expect(page.get_by_test_id("welcome")).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "portal_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("portal_session") == -1
