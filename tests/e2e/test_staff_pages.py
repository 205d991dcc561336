"""The back-office in the production build (issue 9, items 4, 10, 11 and 12).

Every test arranges its own customer and appointments in the live portal's database, on
the clock the portal is frozen at (the `live` context), so the order does not matter.
With PORTAL_SCREENSHOTS=<dir> the pages are photographed at 375 and 1280 px.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from playwright.sync_api import expect
from sqlmodel import col, delete

from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.invitations import service as invitations
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    customer_actor,
    invite,
    local_today,
    rows,
    service_id,
    staff_id,
    working_day,
)

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("PORTAL_SCREENSHOTS")
WIDTHS = [375, 1280]


@pytest.fixture(autouse=True)
def _forget_new_activity(live):
    """The shell tests count the demo's activity feed: remove what these tests add."""
    newest = rows(live, ActivityEntry)
    before = newest[-1].id if newest else 0
    yield
    with live.db.transaction() as session:
        session.exec(delete(ActivityEntry).where(col(ActivityEntry.id) > before))


def _sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(re.escape(who))).click()
    expect(page.get_by_role("heading", name=f"Hallo {who}")).to_be_visible()


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _shot(page, name: str, width: int) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}_{width}.png", full_page=True)


def _book_with_daan(live, email: str, days: int = 4) -> int:
    """The customer books Daan Jansen's first free APK time on a working day."""
    actor = customer_actor(live, email)
    apk, daan = service_id(live, "APK-keuring"), staff_id(live, "Daan Jansen")
    day = working_day(live, days).isoformat()
    first = booking_times(live, actor, service_id=apk, staff_id=daan, day=day)[0]
    booked = booking.book(live, actor, service_id=apk, staff_id=daan, start=first.start_utc)
    return booked.appointment.id


def _messages(page):
    """The message lines on screen: table rows on a desktop, cards on a phone."""
    return page.get_by_test_id(re.compile(r"^message-(row|card)$")).locator("visible=true")


def _nav_texts(page) -> list[str]:
    return [t.strip() for t in page.get_by_role("navigation").get_by_role("link").all_inner_texts()]


def test_each_role_sees_only_its_menu_items(live_portal, page_at):
    expected = {
        "Pieter Bakker": ["Overzicht"],
        "Daan Jansen": ["Overzicht", "Backoffice-taken", "Klanten"],
        "Sanne de Vries": [
            "Overzicht",
            "Backoffice-taken",
            "Klanten",
            "Team",
            "Auditlog",
            "Portaaleditor",
        ],
    }
    for who, items in expected.items():
        page = page_at(1280)
        _sign_in(page, live_portal, who)
        expect(page.get_by_role("navigation").get_by_role("link")).to_have_count(len(items))
        assert _nav_texts(page) == items, who


@pytest.mark.parametrize("width", WIDTHS)
def test_the_week_is_this_calendar_week_and_its_cards_lead_to_the_appointment(
    live_portal, live, page_at, width
):
    name, _email, customer = add_customer(live, f"Weekkaart{width}")
    today = local_today(live)
    sunday = today + timedelta(days=6 - today.weekday())
    this_week = add_appointment(live, customer, at(sunday, 22, 0), staff="Pieter Bakker")
    add_appointment(live, customer, at(sunday + timedelta(days=1), 0, 30), staff="Pieter Bakker")
    page = page_at(width)
    _sign_in(page, live_portal, "Sanne de Vries")
    cards = page.get_by_test_id("appointment-card").filter(has_text=name)
    expect(cards).to_have_count(1)  # next Monday's is not this week
    _fits(page, width)
    _shot(page, "staff_overview", width)
    cards.click()
    expect(page).to_have_url(re.compile(rf"/staff/appointments/{this_week}/?$"))
    expect(page.get_by_test_id("appointment-customer")).to_have_text(name)
    expect(page.get_by_test_id("appointment-staff")).to_have_text("Pieter Bakker")


@pytest.mark.parametrize("width", WIDTHS)
def test_owner_moves_then_cancels_and_the_messages_follow(live_portal, live, page_at, width):
    name, email, _customer = add_customer(
        live, f"Verplaats{width}", channel="sms", mobile=f"+316200{width:05d}"
    )
    appointment_id = _book_with_daan(live, email)
    page = page_at(width)
    _sign_in(page, live_portal, "Sanne de Vries")
    page.goto(f"{live_portal}/staff/appointments/{appointment_id}")
    expect(page.get_by_role("heading", name="APK-keuring", level=1)).to_be_visible()
    expect(page.get_by_test_id("appointment-price")).to_have_text(re.compile(r"€\s?45,00"))
    expect(page.get_by_test_id("told")).to_have_text(f"{name} hoort elke wijziging per sms.")
    reminder = _messages(page).filter(has_text="Herinnering")
    expect(reminder).to_contain_text("Gepland")
    expect(reminder).to_contain_text("SMS")
    expect(page.get_by_test_id("history-row")).to_contain_text(f"{name} heeft geboekt")
    _fits(page, width)
    _shot(page, "staff_appointment", width)

    page.get_by_role("button", name="Verplaatsen").click()
    later = working_day(live, 6)
    page.get_by_label("Dag").fill(later.isoformat())
    expect(page.get_by_test_id("move-day-title")).to_have_text(
        format_date(later, "EEEE d MMMM y", locale="nl_NL")
    )
    _fits(page, width)
    _shot(page, "staff_appointment_move", width)
    page.get_by_test_id("time-grid").get_by_role("button").first.click()
    expect(page.get_by_test_id("move-confirm")).to_contain_text("Verplaatsen naar")
    page.get_by_role("button", name="Ja, verplaatsen").click()
    expect(page.get_by_test_id("appointment-notice")).to_contain_text(
        f"{name} krijgt bericht per sms."
    )
    expect(page.get_by_test_id("detail-status")).to_have_text("Verplaatst")
    expect(page.get_by_test_id("history-row").first).to_contain_text(
        "Sanne de Vries heeft verplaatst"
    )
    expect(_messages(page).filter(has_text="Afspraak verplaatst")).to_have_count(1)
    reminders = _messages(page).filter(has_text="Herinnering")
    expect(reminders.filter(has_text="Ingetrokken")).to_have_count(1)
    expect(reminders.filter(has_text="Gepland")).to_have_count(1)

    page.get_by_role("button", name="Annuleren").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text(f"{name} hoort elke wijziging per sms.")
    dialog.get_by_role("button", name="Ja, annuleren").click()
    expect(page.get_by_test_id("appointment-notice")).to_have_text(
        f"Afspraak geannuleerd. {name} krijgt bericht per sms."
    )
    expect(page.get_by_test_id("detail-status")).to_have_text("Geannuleerd")
    expect(page.get_by_role("button", name="Verplaatsen")).to_have_count(0)
    expect(_messages(page).filter(has_text="Herinnering").filter(has_text="Gepland")).to_have_count(
        0
    )
    _fits(page, width)
    _shot(page, "staff_appointment_cancelled", width)


def test_a_mechanic_marks_own_work_done_and_sees_no_customer_pages(live_portal, live, page_at):
    name, _email, customer = add_customer(live, "Monteurklant")
    own = add_appointment(
        live, customer, live.clock.now() - timedelta(minutes=20), staff="Pieter Bakker"
    )
    others = add_appointment(live, customer, live.clock.now() + timedelta(days=3))
    page = page_at(375)
    _sign_in(page, live_portal, "Pieter Bakker")
    page.goto(f"{live_portal}/staff/appointments/{own}")
    expect(page.get_by_test_id("appointment-customer")).to_have_text(name)
    expect(page.get_by_test_id("customer-link")).to_have_count(0)
    expect(page.get_by_role("button", name="Verplaatsen")).to_have_count(0)
    expect(page.get_by_role("heading", name="Berichten")).to_have_count(0)
    _shot(page, "staff_appointment_mechanic", 375)
    page.get_by_role("button", name="Markeer als afgerond").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Ja, afgerond").click()
    expect(page.get_by_test_id("appointment-notice")).to_contain_text("Gemarkeerd als afgerond.")
    expect(page.get_by_test_id("detail-status")).to_have_text("Afgerond")
    page.goto(f"{live_portal}/staff/appointments/{others}")
    expect(page.get_by_test_id("not-found")).to_contain_text("Afspraak niet gevonden")
    page.goto(f"{live_portal}/staff/customers/{customer}")
    expect(page.get_by_text("Dit mag je niet doen.")).to_be_visible()
    expect(page.get_by_text(name)).to_have_count(0)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_customer_page_lists_everything_and_the_details_can_be_changed(
    live_portal, live, page_at, width
):
    name, email, customer = add_customer(live, f"Klantpagina{width}")
    invite(live, customer, "Airco-service")
    _book_with_daan(live, email, days=5)
    page = page_at(width)
    _sign_in(page, live_portal, "Daan Jansen")
    page.goto(f"{live_portal}/staff/customers")
    page.get_by_test_id("customer-search").fill(name)
    page.get_by_test_id("customer-link").locator("visible=true").filter(has_text=name).click()
    expect(page).to_have_url(re.compile(rf"/staff/customers/{customer}/?$"))
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    expect(page.get_by_test_id("customer-email")).to_have_text(email)
    expect(page.get_by_test_id("invitation-row")).to_contain_text("Airco-service")
    expect(page.get_by_test_id("appointment-card")).to_contain_text("APK-keuring")
    expect(_messages(page).filter(has_text="Uitnodiging om te plannen")).to_have_count(1)
    _fits(page, width)
    _shot(page, "staff_customer", width)

    page.get_by_role("link", name="Gegevens wijzigen").click()
    expect(page.get_by_role("heading", name=f"Gegevens van {name}")).to_be_visible()
    page.get_by_label("Telefoonnummer").fill("12345")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("error-mobile")).to_have_text("Vul een geldig telefoonnummer in.")
    _fits(page, width)
    _shot(page, "staff_customer_edit", width)
    page.get_by_label("Telefoonnummer").fill("06 1234 5678")
    page.get_by_text("SMS", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("customer-saved")).to_have_text(
        f"De gegevens van {name} zijn opgeslagen."
    )
    page.get_by_role("link", name="Naar de klant").click()
    expect(page.get_by_test_id("customer-phone")).to_have_text("+31612345678")
    expect(page.get_by_test_id("customer-channel")).to_have_text("SMS")


@pytest.mark.parametrize("width", WIDTHS)
def test_staff_add_a_customer(live_portal, page_at, width):
    page = page_at(width)
    _sign_in(page, live_portal, "Fatima El Amrani")
    page.goto(f"{live_portal}/staff/customers")
    page.get_by_role("link", name="Klant toevoegen").click()
    expect(page.get_by_role("heading", name="Nieuwe klant")).to_be_visible()
    page.get_by_label("Naam").fill(f"Nieuwe Klant {width}")
    page.get_by_label("E-mailadres").fill(f"Nieuw.{width}@Example.com")
    page.get_by_text("SMS", exact=True).click()
    page.get_by_role("button", name="Klant toevoegen").click()
    expect(page.get_by_test_id("error-mobile")).to_contain_text("geldig mobiel nummer")
    _fits(page, width)
    _shot(page, "staff_customer_new", width)
    page.get_by_label("Telefoonnummer").fill("06 4876 5432")
    page.get_by_label("Plaats").fill("Utrecht")
    page.get_by_role("button", name="Klant toevoegen").click()
    expect(page.get_by_test_id("customer-saved")).to_contain_text(
        f"Nieuwe Klant {width} is toegevoegd."
    )
    page.get_by_role("link", name="Naar de klant").click()
    expect(page.get_by_test_id("customer-email")).to_have_text(f"nieuw.{width}@example.com")
    expect(page.get_by_test_id("customer-phone")).to_have_text("+31648765432")


def test_invite_dialog_finds_by_phone_closes_and_confirms(live_portal, page_at):
    page = page_at(375)
    _sign_in(page, live_portal, "Sanne de Vries")
    page.goto(f"{live_portal}/staff/inbox")
    page.get_by_role("button", name="Klant uitnodigen").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_test_id("invite-search").fill("06 1112")
    match = dialog.get_by_test_id("invite-match")
    expect(match).to_have_count(1)
    match.click()
    expect(dialog.get_by_test_id("invite-chosen")).to_have_text("Julia Mulder")
    dialog.get_by_test_id("invite-service").click()
    page.get_by_role("option", name="Bandenwissel", exact=True).click()
    dialog.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_test_id("inbox-notice")).to_have_text(
        "Uitnodiging verstuurd naar Julia Mulder (julia@example.com · +31611122233)."
    )


def test_the_task_card_shows_phone_and_e_mail_and_links_the_customer(live_portal, live, page_at):
    name, email, customer = add_customer(live, "Taakbel", mobile="+31655501234")
    invitation_id = invite(live, customer, "Bandenwissel")
    invitations.decline_options(
        live, customer_actor(live, email), invitation_id=invitation_id, message="Bel me even."
    )
    page = page_at(1280)
    _sign_in(page, live_portal, "Daan Jansen")
    page.goto(f"{live_portal}/staff/inbox")
    card = page.get_by_test_id("task-card").filter(has_text=name)
    expect(card.get_by_test_id("task-email")).to_have_text(email)
    phone = card.get_by_test_id("task-phone")
    expect(phone).to_have_text("+31655501234")
    assert phone.get_attribute("href") == "tel:+31655501234"
    card.get_by_role("link", name=name).click()
    expect(page).to_have_url(re.compile(rf"/staff/customers/{customer}/?$"))
    expect(page.get_by_test_id("task-row")).to_contain_text("Opties komen niet uit")
