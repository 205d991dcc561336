"""What customers see before and after a change, in the browser (issue 9, items 2, 3, 5,
7, 8, 9): the effects shown before confirming, the booking week, the grouped reschedule
grid, "Uit agenda halen", the profile with codes, the language switch, the 404 page and
the favicon.

Every test arranges its own customer in the live portal's database; days are picked
relative to the portal's frozen moment.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from playwright.sync_api import expect

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import add_appointment, add_customer, one, rows
from tests.moments import local_time, local_today, weekday_ahead

pytestmark = pytest.mark.e2e

BUSINESS = "Garage De Vries"


def _sign_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(re.escape(name))).click()
    expect(page.get_by_test_id("welcome")).to_be_visible()


def _day_label(day: date) -> str:
    return format_date(day, "EEE d MMM", locale="nl_NL")


@pytest.mark.parametrize("width", [375, 1280])
def test_cancel_shows_what_happens_then_offers_the_cancelling_calendar_file(
    live_portal, live, page_at, clock, width
):
    name, _email, customer_id = add_customer(live, "Olga", channel="sms", mobile="0611223344")
    start = local_time(weekday_ahead(clock.now(), 8), time(15, 0))
    appointment_id = add_appointment(live, customer_id, start, staff="Fatima El Amrani")
    page = page_at(width)
    _sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}")
    expect(page.get_by_test_id("ics-link")).to_have_text(re.compile("Zet in agenda"))
    page.get_by_role("button", name="Annuleren").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text(re.compile(r"APK-keuring op \w\w \d+ \w+ \d{4} 15:00"))
    effects = dialog.get_by_test_id("cancel-effect")
    expect(effects).to_contain_text("Je krijgt een bevestiging per sms.")
    expect(effects).to_contain_text(f"{BUSINESS} krijgt automatisch bericht.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    dialog.get_by_role("button", name="Ja, annuleren").click()
    expect(page.get_by_test_id("detail-status")).to_have_text("Geannuleerd")

    link = page.get_by_test_id("ics-link")
    expect(link).to_have_text(re.compile("Uit agenda halen"))
    with page.expect_download() as download:
        link.click()
    content = Path(download.value.path()).read_text()
    assert "METHOD:CANCEL" in content and "STATUS:CANCELLED" in content
    assert "SEQUENCE:1" in content


def test_reschedule_confirmation_shows_from_to_and_who_is_told(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Piet")
    start = local_time(weekday_ahead(clock.now(), 6), time(9, 0))
    appointment_id = add_appointment(live, customer_id, start)
    page = page_at(375)
    _sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}/reschedule")
    grid = page.get_by_test_id("time-grid")
    choice = grid.get_by_role("button").first
    new_time = choice.inner_text()
    choice.click()
    card = page.get_by_test_id("reschedule-confirm")
    expect(card).to_contain_text("Afspraak verplaatsen?")
    expect(page.get_by_test_id("move-from")).to_contain_text("09:00")
    expect(page.get_by_test_id("move-to")).to_contain_text(new_time)
    effects = page.get_by_test_id("reschedule-effects")
    expect(effects).to_contain_text("per e-mail, met een agenda-bestand")
    expect(effects).to_contain_text(f"{BUSINESS} krijgt automatisch bericht.")
    assert one(live, Appointment, Appointment.id == appointment_id).start_utc == start


def test_reschedule_times_are_a_compact_grid_by_part_of_the_day(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Quinten")
    appointment_id = add_appointment(
        live, customer_id, local_time(weekday_ahead(clock.now(), 6), time(10, 0))
    )
    page = page_at(375)
    _sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}/reschedule")
    grid = page.get_by_test_id("time-grid")
    expect(grid.get_by_text("Ochtend", exact=True)).to_be_visible()
    expect(grid.get_by_text("Middag", exact=True)).to_be_visible()
    buttons = grid.get_by_role("button")
    expect(buttons.first).to_have_text(re.compile(r"^\d\d:\d\d$"))  # no repeated date
    boxes = [buttons.nth(n).bounding_box() for n in range(buttons.count())]
    rows_of = Counter(round(box["y"]) for box in boxes)
    assert max(rows_of.values()) == 3, "three times to a row on a phone"
    assert len(rows_of) < len(boxes), "not one long column"
    assert all(box["width"] < 375 / 2 for box in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_booking_week_offers_today_shows_closed_days_and_pages_forward(
    live_portal, live, page_at, clock
):
    name, _email, _customer_id = add_customer(live, "Rosa")
    today = local_today(clock.now())
    page = page_at(375)
    _sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/book")
    page.get_by_role("button", name=re.compile("Bandenwissel")).click()
    page.get_by_role("button", name="Daan Jansen").click()
    days = page.get_by_test_id("day-button")
    expect(days).to_have_count(7)
    expect(days.first).to_contain_text(_day_label(today))
    sunday = next(today + timedelta(days=n) for n in range(7) if (today.weekday() + n) % 7 == 6)
    closed = days.filter(has_text=_day_label(sunday))
    expect(closed).to_contain_text("geen tijd")
    expect(closed).to_be_disabled()
    page.get_by_test_id("week-next").click()
    expect(days.first).to_contain_text(_day_label(today + timedelta(days=7)))
    saturday = next(
        today + timedelta(days=n) for n in range(7, 14) if (today.weekday() + n) % 7 == 5
    )
    open_saturday = days.filter(has_text=_day_label(saturday))
    expect(open_saturday).to_be_enabled()
    expect(open_saturday).to_contain_text("vrij")
    open_saturday.click()
    expect(page.get_by_test_id("day-title")).to_have_text(
        format_date(saturday, "EEEE d MMMM y", locale="nl_NL")
    )
    expect(page.get_by_test_id("time-grid").get_by_role("button").first).to_be_visible()


@pytest.mark.parametrize("width", [375, 1280])
def test_profile_edits_details_and_a_new_address_takes_effect_with_its_code(
    live_portal, live, page_at, width
):
    name, email, customer_id = add_customer(live, "Sara", mobile="0611223344")
    new_email = f"sara.nieuw{customer_id}@example.com"
    page = page_at(width)
    _sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/profile")
    main = page.get_by_role("main")
    main.get_by_label("Naam").fill("Sara de Nieuwe")
    main.get_by_role("radio", name="SMS").click()
    main.get_by_role("radio", name="English").click()
    main.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("notice")).to_have_text("Your details have been saved.")
    expect(page.get_by_role("heading", name="Profile", exact=True)).to_be_visible()
    stored = one(live, Customer, Customer.id == customer_id)
    assert (stored.name, stored.preferred_channel, stored.locale) == ("Sara de Nieuwe", "sms", "en")

    page.get_by_label("New e-mail address").fill(new_email)
    page.get_by_test_id("email-change").get_by_role("button", name="Send a code").click()
    expect(page.get_by_test_id("email-change-sent")).to_contain_text(new_email)
    assert one(live, Customer, Customer.id == customer_id).email == email
    [mail] = rows(live, OutboxMessage, OutboxMessage.recipient == new_email)
    code = re.search(r"\b(\d{6})\b", mail.body).group(1)
    page.get_by_label("Code from the message").fill(code)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_test_id("notice")).to_contain_text("Your e-mail address has been changed")
    expect(page.get_by_test_id("email-change-current")).to_have_text(new_email)
    assert one(live, Customer, Customer.id == customer_id).email == new_email
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [375, 1280])
def test_the_language_switch_in_the_portal_is_stored_and_switches_the_pages(
    live_portal, live, page_at, width
):
    name, _email, customer_id = add_customer(live, "Tess")
    page = page_at(width)
    _sign_in(page, live_portal, name)
    if width < 768:
        page.get_by_test_id("nav-more").click()
        switch = page.get_by_test_id("sheet-language")
    else:
        switch = page.get_by_test_id("sidebar-language")
    switch.get_by_role("radio", name="English").click()
    expect(page.get_by_test_id("welcome")).to_have_text(re.compile("^Welcome, "))
    expect(page.get_by_role("navigation").get_by_text("Appointments")).to_be_visible()
    assert one(live, Customer, Customer.id == customer_id).locale == "en"


def test_phone_tab_bar_and_more_sheet_reach_every_portal_page(live_portal, page_at):
    page = page_at(375)
    _sign_in(page, live_portal, "Emma Visser")
    tabs = page.get_by_role("navigation", name="Menu")
    for label in ("Dashboard", "Afspraken", "Berichten", "Profiel", "Meer"):
        expect(tabs.get_by_text(label, exact=True)).to_be_visible()
    tabs.get_by_text("Afspraken", exact=True).click()
    expect(page).to_have_url(re.compile(r"/portal/appointments/?$"))
    page.get_by_test_id("nav-more").click()
    sheet = page.get_by_test_id("more-sheet")
    for label in ("Pakketten", "Evenementen", "Betalingen", "Documenten", "Check-in"):
        expect(sheet.get_by_text(label, exact=True)).to_be_visible()
    sheet.get_by_text("Pakketten", exact=True).click()
    expect(page).to_have_url(re.compile(r"/portal/packages/?$"))
    expect(page.get_by_test_id("more-sheet")).to_have_count(0)


@pytest.mark.parametrize(
    ("locale", "title"),
    [("nl-NL", "Deze pagina bestaat niet"), ("en-GB", "This page does not exist")],
)
def test_unknown_address_speaks_the_visitors_language_and_leads_back(
    live_portal, page_at, locale, title
):
    page = page_at(375, locale=locale)
    page.goto(f"{live_portal}/geen/pagina/hier")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_test_id("business-name")).to_have_text(BUSINESS)
    expect(page.get_by_text("404: Page not found")).to_have_count(0)
    page.get_by_test_id("way-back").click()
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))


def test_first_load_asks_for_nothing_that_is_missing_and_the_favicon_is_served(
    live_portal, page_at
):
    page = page_at(1280)
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto(f"{live_portal}/portal/login")
    expect(page.get_by_role("heading").first).to_be_visible()
    page.wait_for_timeout(1500)
    assert missing == []
    icon = page.request.get(f"{live_portal}/favicon.ico")
    assert icon.status == 200 and icon.body()[:4] == b"\x00\x00\x01\x00"
