"""Back-office inbox and invitations in the production build (issue 5, staff side).

Tasks are made through the domain against the live server's database, on the clock the
server is frozen at (the `live` context); every test uses its own customer or message,
so the order does not matter. Activity entries a test adds are removed afterwards (the
shell tests count the demo feed).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import col, delete

from portal_app.core.locale import format_when
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.invitations import service as invitations
from tests.e2e.browsing import mailbox, pick, sign_in
from tests.factories import (
    business_id,
    customer_actor,
    invite,
    one,
    rows,
    service_id,
    working_day,
)

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("PORTAL_SCREENSHOTS")


@pytest.fixture(autouse=True)
def _forget_new_activity(live):
    newest = rows(live, ActivityEntry)
    before = newest[-1].id if newest else 0
    yield
    with live.db.transaction() as session:
        session.exec(delete(ActivityEntry).where(col(ActivityEntry.id) > before))


def _declined_invitation(live, email: str, service: str, message: str) -> None:
    """The owner invites; the customer says the options don't suit, with a message."""
    customer = customer_actor(live, email)
    invitation_id = invite(live, customer.id, service)
    invitations.decline_options(live, customer, invitation_id=invitation_id, message=message)


def _book_first_option(live, email: str, service: str) -> int:
    """The customer books the first free time on a working day; the appointment's id."""
    actor = customer_actor(live, email)
    offered = service_id(live, service)
    day = working_day(live, 3).isoformat()
    first = booking_times(live, actor, service_id=offered, staff_id="any", day=day)[0]
    booked = booking.book(
        live, actor, service_id=offered, staff_id=first.staff_id, start=first.start_utc
    )
    return booked.appointment.id


def _booking_request(live, email: str, service: str) -> int:
    """Book in request mode (the owner's setting), then restore the setting."""
    with live.db.transaction() as session:
        rules = session.get(BusinessSettings, business_id(live))
        previous, rules.booking_mode = rules.booking_mode, "request"
    try:
        return _book_first_option(live, email, service)
    finally:
        with live.db.transaction() as session:
            session.get(BusinessSettings, business_id(live)).booking_mode = previous


def test_owner_invites_a_customer_from_the_customer_list(live_portal, page_at):
    page = page_at(375)
    sign_in(page, live_portal, "Sanne de Vries")
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    page.goto(f"{live_portal}/staff/customers")
    card = page.get_by_test_id("customer-card").filter(has_text="sem@example.com")
    card.get_by_role("button", name="Uitnodigen").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Klant uitnodigen om te plannen")).to_be_visible()
    expect(dialog.get_by_test_id("invite-chosen")).to_have_text("Sem de Groot")
    dialog.get_by_role("button", name="Uitnodiging versturen").click()
    expect(dialog.get_by_role("alert")).to_have_text("Kies een klant en een dienst.")
    pick(page, dialog.get_by_test_id("invite-service"), "Airco-service")
    dialog.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("dialog")).to_have_count(0)  # closes on success
    expect(page.get_by_test_id("page-notice")).to_have_text(
        "Uitnodiging verstuurd naar Sem de Groot (sem@example.com)."
    )
    mail = mailbox(page, live_portal, "sem@example.com", "Plan je afspraak", "Airco-service")
    expect(mail).to_have_count(1)
    link = mail.locator("a[href*='/auth/link?token=']").first.get_attribute("href")
    assert link.startswith(f"{live_portal}/auth/link?token=")


def test_owner_works_through_the_inbox(live_portal, live, page_at):
    _declined_invitation(live, "julia@example.com", "Bandenwissel", "Liever op zaterdag.")
    appointment_id = _booking_request(live, "lucas@example.com", "APK-keuring")

    page = page_at(1280)
    sign_in(page, live_portal, "Sanne de Vries")
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    page.get_by_role("navigation").get_by_text("Backoffice-taken").click()
    expect(page.get_by_role("heading", name="Backoffice-taken", level=1)).to_be_visible()

    declined = (
        page.get_by_test_id("task-card")
        .filter(has_text="Julia Mulder")
        .filter(has_text="Liever op zaterdag.")
    )
    expect(declined).to_contain_text("Opties komen niet uit")
    expect(declined.get_by_test_id("task-email")).to_have_text("julia@example.com")
    expect(declined.get_by_test_id("task-service")).to_have_text("Bandenwissel")
    expect(declined.get_by_test_id("task-created")).to_contain_text(
        re.compile(r"Binnengekomen (ma|di|wo|do|vr|za|zo) \d{1,2} \w+ \d{4} \d\d:\d\d")
    )
    expect(declined.get_by_test_id("task-assign")).to_have_text("Niemand")

    pick(page, declined.get_by_test_id("task-assign"), "Daan Jansen")
    expect(page.get_by_test_id("inbox-notice")).to_have_text("Taak toegewezen aan Daan Jansen.")
    expect(declined.get_by_test_id("task-assign")).to_have_text("Daan Jansen")
    page.reload()
    expect(declined.get_by_test_id("task-assign")).to_have_text("Daan Jansen")

    declined.get_by_role("button", name="Afgehandeld").click()
    expect(page.get_by_test_id("inbox-notice")).to_have_text("Taak afgehandeld.")
    expect(declined).to_have_count(0)
    page.get_by_role("tab", name="Afgehandeld").click()
    expect(declined).to_be_visible()
    expect(declined.get_by_test_id("task-assigned")).to_have_text("Daan Jansen")
    expect(declined.get_by_test_id("task-resolved")).to_contain_text(re.compile(r"\d\d:\d\d"))
    expect(declined.get_by_role("button")).to_have_count(0)
    page.get_by_role("tab", name="Open").click()

    request = page.get_by_test_id("task-card").filter(has_text="Lucas de Boer")
    expect(request).to_contain_text("Boekingsaanvraag")
    expect(request.get_by_test_id("task-service")).to_have_text("APK-keuring")
    expect(request.get_by_test_id("task-when")).to_contain_text(re.compile(r"\d{4} \d\d:\d\d"))
    expect(request.get_by_role("button", name="Afgehandeld")).to_have_count(0)
    request.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_test_id("inbox-notice")).to_have_text(
        "Aanvraag goedgekeurd. Lucas de Boer krijgt een bevestiging."
    )
    expect(request).to_have_count(0)
    assert one(live, Appointment, Appointment.id == appointment_id).status == "booked"
    task = one(live, BackofficeTask, BackofficeTask.appointment_id == appointment_id)
    assert task.status == "resolved"

    mail = mailbox(page, live_portal, "lucas@example.com", "Bevestiging van je afspraak")
    expect(mail).to_have_count(1)


def test_customer_message_is_shown_as_text_never_as_html(live_portal, live, page_at):
    message = "<b>hi</b><script>window.__owned = 1</script><img src=x onerror=alert(1)>"
    _declined_invitation(live, "emma@example.com", "Kleine onderhoudsbeurt", message)
    page = page_at(375)
    sign_in(page, live_portal, "Daan Jansen")
    expect(page.get_by_role("heading", name="Hallo Daan Jansen")).to_be_visible()
    page.goto(f"{live_portal}/staff/inbox")
    card = page.get_by_test_id("task-card").filter(has_text="<b>hi</b>")
    expect(card.get_by_test_id("task-message")).to_have_text(message)
    expect(card.get_by_test_id("task-message").locator("b, script, img")).to_have_count(0)
    assert page.evaluate("window.__owned") is None


def test_mechanic_is_refused_the_inbox(live_portal, live, page_at):
    _declined_invitation(live, "emma@example.com", "Airco-service", "Bel me maar even.")
    page = page_at(1280)
    sign_in(page, live_portal, "Pieter Bakker")
    expect(page.get_by_role("heading", name="Hallo Pieter Bakker")).to_be_visible()
    page.goto(f"{live_portal}/staff/inbox")
    expect(page.get_by_test_id("inbox-refused")).to_have_text(
        "Backoffice-taken zijn alleen voor de eigenaar en kantoormedewerkers."
    )
    expect(page.get_by_test_id("task-card")).to_have_count(0)
    expect(page.get_by_text("Bel me maar even.")).to_have_count(0)
    expect(page.get_by_role("button", name="Klant uitnodigen")).to_have_count(0)


def test_customer_session_cannot_open_the_inbox(live_portal, page_at):
    page = page_at(1280)
    sign_in(page, live_portal, "Emma Visser")
    expect(page.get_by_test_id("welcome")).to_be_visible()
    page.goto(f"{live_portal}/staff/inbox")
    expect(page).to_have_url(re.compile(r"/staff/login/?$"))
    expect(page.get_by_test_id("task-card")).to_have_count(0)


def test_activity_feed_shows_a_new_booking_with_who_and_when(live_portal, live, page_at):
    appointment_id = _book_first_option(live, "noah@example.com", "Bandenwissel")
    entry = one(live, ActivityEntry, ActivityEntry.appointment_id == appointment_id)
    when = format_when(entry.at, "Europe/Amsterdam", "nl")
    page = page_at(375)
    sign_in(page, live_portal, "Fatima El Amrani")
    row = page.get_by_test_id("activity-row").first
    expect(row).to_contain_text("Noah Smit heeft geboekt: Bandenwissel")
    expect(row).to_contain_text(when)


@pytest.mark.parametrize("width", [375, 1280])
def test_inbox_and_invite_dialog_fit_the_screen(live_portal, live, page_at, width):
    _declined_invitation(
        live,
        "emma@example.com",
        "Grote onderhoudsbeurt",
        f"Deze tijden passen niet ({width}). Ik werk overdag; kan het ook na 17:00 uur?",
    )
    page = page_at(width)
    sign_in(page, live_portal, "Sanne de Vries")
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    page.goto(f"{live_portal}/staff/inbox")
    expect(page.get_by_test_id("task-card").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/backoffice_inbox_{width}.png", full_page=True)
    page.get_by_role("button", name="Klant uitnodigen").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_test_id("invite-search").fill("Mulder")
    expect(dialog.get_by_test_id("invite-match")).to_have_text(re.compile("Julia Mulder"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/backoffice_invite_{width}.png")
        page.keyboard.press("Escape")
        page.get_by_role("tab", name="Afgehandeld").click()
        page.screenshot(path=f"{SHOTS}/backoffice_resolved_{width}.png", full_page=True)
        page.goto(f"{live_portal}/staff/customers")
        expect(
            page.get_by_role("button", name="Uitnodigen").locator("visible=true").first
        ).to_be_visible()
        page.screenshot(path=f"{SHOTS}/backoffice_customers_{width}.png", full_page=True)


def test_no_options_and_credit_tasks_say_what_to_do(live_portal, live, page_at):
    appointment_id = _book_first_option(live, "sem@example.com", "Bandenwissel")
    sem = customer_actor(live, "sem@example.com")
    invitation_id = invite(live, sem.id, "Advies aan huis")
    with live.db.transaction() as session:
        session.add_all(
            [
                BackofficeTask(
                    business_id=sem.business_id,
                    kind="no_options",
                    reason="outside_service_area",
                    customer_id=sem.id,
                    invitation_id=invitation_id,
                    created_at=live.clock.now(),
                ),
                BackofficeTask(
                    business_id=sem.business_id,
                    kind="credit_invoice",
                    customer_id=sem.id,
                    appointment_id=appointment_id,
                    created_at=live.clock.now(),
                ),
                BackofficeTask(
                    business_id=sem.business_id,
                    kind="options_declined",
                    status="resolved",
                    message="Toch zelf gebeld.",
                    customer_id=sem.id,
                    created_at=live.clock.now(),
                    resolved_at=live.clock.now(),
                ),
            ]
        )
    page = page_at(1280)
    sign_in(page, live_portal, "Fatima El Amrani")
    expect(page.get_by_role("heading", name="Hallo Fatima El Amrani")).to_be_visible()
    page.goto(f"{live_portal}/staff/inbox")
    sem_tasks = page.get_by_test_id("task-card").filter(has_text="Sem de Groot")
    none = sem_tasks.filter(has_text="Geen opties")
    expect(none.get_by_test_id("task-reason")).to_have_text("Buiten plangebied")
    # the kind's label and hint come from the page's catalog, not with every card
    expect(none.get_by_test_id("task-kind")).to_have_text("Geen opties")
    hint = "Neem contact op om de afspraak met de hand in te plannen."
    expect(none.get_by_text(hint)).to_be_visible()
    expect(none.get_by_test_id("task-service")).to_have_text("Advies aan huis")
    credit = sem_tasks.filter(has_text="Factuur crediteren")
    expect(credit.get_by_test_id("task-service")).to_have_text("Bandenwissel")
    expect(credit.get_by_test_id("task-when")).to_contain_text(re.compile(r"\d{4} \d\d:\d\d"))
    if SHOTS:
        credit.screenshot(path=f"{SHOTS}/backoffice_credit_card_1280.png")
        none.screenshot(path=f"{SHOTS}/backoffice_no_options_card_1280.png")
    # a resolved task nobody took says so (the page's catalog word for nobody)
    page.get_by_role("tab", name="Afgehandeld").click()
    resolved = page.get_by_test_id("task-card").filter(has_text="Toch zelf gebeld.")
    expect(resolved.get_by_test_id("task-assigned")).to_have_text("Niemand")
