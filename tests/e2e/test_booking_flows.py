"""Customer booking in the browser: invitations, self-booking, detail, reschedule, cancel.

Every test arranges its own customer (and appointments) in the live portal's database,
so the tests do not depend on each other's order. The portal's clock stands still at the
session's moment (the `clock` fixture); days and times are picked relative to it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from babel.dates import format_date
from playwright.sync_api import expect

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import BusinessSettings, StaffMember
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import OutboxMessage
from tests.e2e.browsing import no_sideways_scroll, sign_in
from tests.factories import add_appointment, add_customer, business_id, invite, one, rows
from tests.moments import local_time, weekday_ahead

pytestmark = pytest.mark.e2e

BUSINESS_PHONE = "+31201234567"
BUSINESS_EMAIL = "garage.devries@example.com"


def _mails(live, recipient: str) -> list[OutboxMessage]:
    return rows(live, OutboxMessage, OutboxMessage.recipient == recipient)


def _booking_mode(live, mode: str) -> None:
    with live.db.transaction() as session:
        session.get(BusinessSettings, business_id(live)).booking_mode = mode


def _option_texts(page) -> list[str]:
    cards = page.get_by_test_id("option-card")
    expect(cards.first).to_be_visible()
    return [t.split("\n")[0] for t in cards.all_inner_texts()]


def _pick_day(page, label: str, day: date) -> None:
    """Type a date and wait until the times of that day are on screen."""
    page.get_by_label(label).fill(day.isoformat())
    expect(page.get_by_test_id("day-title")).to_have_text(
        format_date(day, "EEEE d MMMM y", locale="nl_NL")
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_invitation_link_leads_to_a_booked_appointment(live_portal, live, page_at, clock, width):
    name, email, customer_id = add_customer(live, "Anna")
    invite(live, customer_id)
    page = page_at(width)
    page.goto(f"{live_portal}/dev/mailbox")
    mail = page.get_by_test_id("mail").filter(has_text=email).first
    expect(mail).to_contain_text("Plan je afspraak bij Garage De Vries")
    mail.locator("a[href*='/auth/link?token=']").first.click()
    page.get_by_role("button", name="Doorgaan").click()

    expect(page).to_have_url(re.compile(r"/portal/invitations/\d+/?$"))
    expect(page.get_by_role("heading", name="Kies een moment")).to_be_visible()
    expect(page.get_by_text("APK-keuring", exact=False).first).to_be_visible()
    first = page.get_by_test_id("option-card").first
    expect(first).to_contain_text(re.compile(r"(ma|di|wo|do|vr|za|zo) \d{1,2} \w+ \d{4} \d\d:\d\d"))
    expect(first).to_contain_text(re.compile(r"€\s?45,00"))
    expect(first).to_contain_text("met ")
    no_sideways_scroll(page, width)
    chosen = first.inner_text().split("\n")[0]
    first.get_by_role("button", name="Kies deze").click()

    confirmation = page.get_by_test_id("confirmation")
    expect(confirmation).to_contain_text("Je afspraak staat vast")
    expect(confirmation).to_contain_text("APK-keuring")
    expect(confirmation).to_contain_text(chosen)
    expect(page.get_by_test_id("confirmation-note")).to_contain_text("bevestiging per e-mail")
    no_sideways_scroll(page, width)

    confirmation_mail = next(m for m in _mails(live, email) if m.kind == "booking_confirmation")
    assert confirmation_mail.attachment_name.endswith(".ics")
    assert "BEGIN:VCALENDAR" in confirmation_mail.attachment_content
    page.goto(f"{live_portal}/dev/mailbox")
    expect(
        page.get_by_test_id("mail").filter(has_text=email).filter(has_text="Bevestiging van je")
    ).to_have_count(1)

    page.goto(f"{live_portal}/portal/appointments")
    expect(page.get_by_test_id("appointment-card").filter(has_text="APK-keuring")).to_have_count(1)


def test_option_taken_by_someone_else_shows_fresh_options(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Mila")
    _other, _e, other_id = add_customer(live, "Nina")
    invitation_id = invite(live, customer_id)
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/invitations/{invitation_id}")
    first_text = _option_texts(page)[0]
    staff_id, _, start = (
        page.get_by_test_id("option-card").first.get_attribute("data-option").partition("@")
    )
    staff_name = one(live, StaffMember, StaffMember.id == int(staff_id)).name
    add_appointment(live, other_id, datetime.fromisoformat(start), staff=staff_name)

    page.get_by_test_id("option-card").first.get_by_role("button", name="Kies deze").click()
    expect(page.get_by_test_id("notice")).to_have_text(
        "Dit tijdstip is net door iemand anders gekozen. Hier zijn nieuwe opties."
    )
    expect(page.get_by_test_id("option-card").first).to_be_visible()
    assert first_text not in _option_texts(page)
    assert one(live, Invitation, Invitation.id == invitation_id).status == "open"


def test_options_that_do_not_suit_become_a_message_to_the_business(
    live_portal, live, page_at, clock
):
    name, _email, customer_id = add_customer(live, "Bram")
    invitation_id = invite(live, customer_id)
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/invitations/{invitation_id}")
    expect(page.get_by_test_id("option-card").first).to_be_visible()
    page.get_by_role("button", name="Deze opties komen mij niet uit").click()
    page.get_by_label("Wanneer komt het je wel uit?").fill("Liever op vrijdagmiddag na 15:00.")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_test_id("declined-thanks")).to_contain_text("Bedankt voor je bericht")
    no_sideways_scroll(page, 375)

    task = one(live, BackofficeTask, BackofficeTask.invitation_id == invitation_id)
    assert task.kind == "options_declined"
    assert task.message == "Liever op vrijdagmiddag na 15:00."
    page.reload()
    expect(page.get_by_text("Je hebt laten weten dat de opties niet uitkwamen")).to_be_visible()


def test_no_options_outside_the_service_area_shows_a_kind_sentence(
    live_portal, live, page_at, clock
):
    name, _email, customer_id = add_customer(live, "Cas", far_away=True)
    invitation_id = invite(live, customer_id)
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/invitations/{invitation_id}")
    box = page.get_by_test_id("no-options")
    expect(box).to_contain_text("buiten ons werkgebied")
    expect(box).to_contain_text("zij nemen contact met je op")
    expect(box).to_contain_text(BUSINESS_PHONE)
    expect(page.get_by_test_id("option-card")).to_have_count(0)
    task = one(live, BackofficeTask, BackofficeTask.invitation_id == invitation_id)
    assert (task.kind, task.reason) == ("no_options", "outside_service_area")


def test_more_options_shows_other_times(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Dirk")
    invitation_id = invite(live, customer_id)
    page = page_at(1280)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/invitations/{invitation_id}")
    first_round = _option_texts(page)
    page.get_by_role("button", name="Meer opties").click()
    expect(page.get_by_test_id("option-card").first).not_to_have_text(
        re.compile(re.escape(first_round[0]))
    )
    second_round = _option_texts(page)
    assert second_round and not set(first_round) & set(second_round)


def test_preferred_date_shows_options_around_that_day(live_portal, live, page_at, clock):
    name, _email, customer_id = add_customer(live, "Eva")
    invitation_id = invite(live, customer_id)
    wanted = weekday_ahead(clock.now(), 12)
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/invitations/{invitation_id}")
    expect(page.get_by_test_id("option-card").first).to_be_visible()
    page.get_by_role("button", name="Kies een voorkeursdatum").click()
    page.get_by_label("Voorkeursdatum").fill(wanted.isoformat())
    page.get_by_role("button", name="Toon opties rond deze datum").click()
    expect(page.get_by_role("heading", name=re.compile("Opties rond"))).to_be_visible()
    day_text = format_date(wanted, "EEE d MMM y", locale="nl_NL")
    expect(page.get_by_test_id("option-card").filter(has_text=day_text).first).to_be_visible()
    no_sideways_scroll(page, 375)


def test_self_booking_in_request_mode_shows_requested_status(live_portal, live, page_at, clock):
    name, email, _customer_id = add_customer(live, "Fenna")
    _booking_mode(live, "request")
    try:
        page = page_at(375)
        sign_in(page, live_portal, name)
        page.get_by_test_id("book-button").click()
        expect(page.get_by_role("heading", name="1. Kies een dienst")).to_be_visible()
        page.get_by_role("button", name=re.compile("Airco-service")).click()
        page.get_by_role("button", name="Maakt niet uit").click()
        _pick_day(page, "Datum", weekday_ahead(clock.now(), 4))
        grid = page.get_by_test_id("time-grid")
        expect(grid.get_by_role("button").first).to_be_visible()
        no_sideways_scroll(page, 375)
        grid.get_by_role("button").first.click()
        expect(page.get_by_test_id("book-confirm")).to_contain_text("Airco-service")
        page.get_by_role("button", name="Afspraak bevestigen").click()
        expect(page.get_by_test_id("confirmation")).to_contain_text("Je aanvraag is verstuurd")
        expect(page.get_by_test_id("confirmation-note")).to_contain_text("status bij Afspraken")
    finally:
        _booking_mode(live, "direct")
    page.get_by_role("navigation").get_by_text("Afspraken", exact=True).click()
    card = page.get_by_test_id("appointment-card").filter(has_text="Airco-service")
    expect(card).to_contain_text("Aangevraagd")
    assert any(m.kind == "booking_requested" for m in _mails(live, email))


def test_self_booking_direct_books_and_empty_day_says_so(live_portal, live, page_at, clock):
    name, _email, _customer_id = add_customer(live, "Gijs")
    page = page_at(1280)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/book")
    page.get_by_role("button", name=re.compile("Bandenwissel")).click()
    page.get_by_role("button", name="Daan Jansen").click()
    sunday = weekday_ahead(clock.now(), 3)
    while sunday.weekday() != 6:
        sunday += timedelta(days=1)
    _pick_day(page, "Datum", sunday)
    expect(page.get_by_test_id("no-times")).to_contain_text("geen tijd vrij")
    _pick_day(page, "Datum", weekday_ahead(clock.now(), 5))
    grid = page.get_by_test_id("time-grid")
    grid.get_by_role("button").first.click()
    expect(page.get_by_test_id("book-confirm")).to_contain_text("Daan Jansen")
    page.get_by_role("button", name="Afspraak bevestigen").click()
    expect(page.get_by_test_id("confirmation")).to_contain_text("Je afspraak staat vast")
    page.get_by_role("link", name="Bekijk afspraak").click()  # one <a>, styled as a button
    expect(page.get_by_test_id("detail-status")).to_have_text("Geboekt")


@pytest.mark.parametrize("width", [375, 1280])
def test_reschedule_within_the_window_moves_the_appointment(
    live_portal, live, page_at, clock, width
):
    name, email, customer_id = add_customer(live, "Hanna")
    day = weekday_ahead(clock.now(), 6)
    start = local_time(day, time(10, 0))
    appointment_id = add_appointment(live, customer_id, start)
    page = page_at(width)
    sign_in(page, live_portal, name)
    page.get_by_test_id("appointment-card").filter(has_text="APK-keuring").click()
    expect(page).to_have_url(re.compile(rf"/portal/appointments/{appointment_id}/?$"))
    old_when = page.get_by_test_id("detail-when").inner_text()
    page.get_by_role("link", name="Verplaatsen").click()
    expect(page.get_by_role("heading", name="Afspraak verplaatsen")).to_be_visible()
    expect(page.get_by_text("vrije tijden van Daan Jansen")).to_be_visible()
    no_sideways_scroll(page, width)
    choice = page.get_by_test_id("time-grid").get_by_role("button").first
    new_when = choice.inner_text()
    assert new_when != old_when
    choice.click()
    expect(page.get_by_test_id("reschedule-confirm")).to_contain_text(new_when)
    page.get_by_role("button", name="Ja, verplaatsen").click()
    expect(page.get_by_test_id("reschedule-done")).to_contain_text(new_when)

    moved = one(live, Appointment, Appointment.id == appointment_id)
    assert moved.status == "rescheduled" and moved.start_utc != start
    page.goto(f"{live_portal}/dev/mailbox")
    mails = page.get_by_test_id("mail")
    expect(mails.filter(has_text=email).filter(has_text="is verplaatst").first).to_be_visible()
    expect(
        mails.filter(has_text=BUSINESS_EMAIL).filter(has_text=f"{name} heeft").first
    ).to_be_visible()
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}")
    expect(page.get_by_test_id("detail-when")).to_contain_text(new_when)
    expect(page.get_by_test_id("detail-status")).to_have_text("Verplaatst")


def test_reschedule_too_close_to_the_start_is_refused_with_contact_details(
    live_portal, live, page_at, clock
):
    name, _email, customer_id = add_customer(live, "Iris")
    start = (clock.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    appointment_id = add_appointment(live, customer_id, start, staff="Fatima El Amrani")
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}/reschedule")
    refusal = page.get_by_test_id("refusal")
    expect(refusal).to_contain_text("niet meer online worden verplaatst")
    expect(refusal).to_contain_text(BUSINESS_PHONE)
    expect(refusal).to_contain_text(BUSINESS_EMAIL)
    expect(page.get_by_test_id("time-grid")).to_have_count(0)
    no_sideways_scroll(page, 375)
    assert one(live, Appointment, Appointment.id == appointment_id).start_utc == start


def test_cancel_after_confirming_marks_the_appointment_cancelled(live_portal, live, page_at, clock):
    name, email, customer_id = add_customer(live, "Joost")
    start = local_time(weekday_ahead(clock.now(), 8), time(14, 0))
    appointment_id = add_appointment(live, customer_id, start, staff="Pieter Bakker")
    page = page_at(375)
    sign_in(page, live_portal, name)
    page.goto(f"{live_portal}/portal/appointments/{appointment_id}")
    expect(page.get_by_test_id("detail-status")).to_have_text("Geboekt")
    expect(page.get_by_text("€ 45,00")).to_be_visible()
    page.get_by_role("button", name="Annuleren").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Afspraak annuleren?")
    dialog.get_by_role("button", name="Nee, behouden").click()
    expect(dialog).to_have_count(0)
    assert one(live, Appointment, Appointment.id == appointment_id).status == "booked"
    page.get_by_role("button", name="Annuleren").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Ja, annuleren").click()
    expect(page.get_by_test_id("detail-status")).to_have_text("Geannuleerd")
    expect(page.get_by_test_id("done")).to_contain_text(
        "Jij en het bedrijf krijgen hiervan bericht"
    )
    expect(page.get_by_role("link", name="Verplaatsen")).to_have_count(0)
    assert one(live, Appointment, Appointment.id == appointment_id).status == "cancelled"
    assert any(m.kind == "cancelled" for m in _mails(live, email))
    assert any(m.kind == "business_notice" and name in m.body for m in _mails(live, BUSINESS_EMAIL))


def test_someone_elses_appointment_is_not_found_and_ics_is_only_for_the_owner(
    live_portal, live, page_at, clock
):
    owner_name, _e, owner_id = add_customer(live, "Karin")
    other_name, _e2, other_id = add_customer(live, "Lars")
    start = local_time(weekday_ahead(clock.now(), 9), time(11, 0))
    theirs = add_appointment(live, owner_id, start, staff="Daan Jansen")
    mine = add_appointment(live, other_id, start, staff="Fatima El Amrani")
    page = page_at(1280)
    sign_in(page, live_portal, other_name)

    page.goto(f"{live_portal}/portal/appointments/{theirs}")
    expect(page.get_by_test_id("not-found")).to_contain_text("Afspraak niet gevonden")
    expect(page.get_by_text("APK-keuring")).to_have_count(0)
    expect(page.get_by_role("button", name="Annuleren")).to_have_count(0)
    page.goto(f"{live_portal}/portal/appointments/{theirs}/reschedule")
    expect(page.get_by_test_id("not-found")).to_contain_text("Afspraak niet gevonden")

    refused = page.request.get(f"{live_portal}/portal-files/appointments/{theirs}.ics")
    assert refused.status == 404 and "VCALENDAR" not in refused.text()
    own = page.request.get(f"{live_portal}/portal-files/appointments/{mine}.ics")
    assert own.status == 200
    assert own.headers["content-type"].startswith("text/calendar")
    assert own.headers["content-disposition"].startswith("attachment")
    assert own.headers["x-content-type-options"] == "nosniff"
    assert "BEGIN:VCALENDAR" in own.text()
    stranger = page_at(1280).request.get(f"{live_portal}/portal-files/appointments/{mine}.ics")
    assert stranger.status == 404

    page.goto(f"{live_portal}/portal/appointments/{mine}")
    link = page.get_by_test_id("ics-link")
    assert link.get_attribute("href") == f"/portal-files/appointments/{mine}.ics"
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "afspraak.ics"
    untouched = one(live, Appointment, Appointment.id == theirs)
    assert untouched.status == "booked" and untouched.start_utc == start
    assert owner_name not in page.content()
