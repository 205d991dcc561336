"""The customer pages' handlers, called as a browser would (issue 9, items 2, 3, 5, 7, 8, 9).

Each test arranges its data relative to the injected clock; where a test needs a working
morning it moves the clock to the next one, so it gives the same answer at every moment.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from portal_app.core.locale import format_day, format_when
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.business.models import Service
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.ui.base import SessionState
from portal_app.ui.editor.services.state import ServicesState
from portal_app.ui.portal.appointments.state import AppointmentsState, AppointmentState
from portal_app.ui.portal.booking.state import BookState
from portal_app.ui.portal.not_found.state import NotFoundState
from portal_app.ui.portal.profile.state import ProfileState
from portal_app.ui.portal.reschedule.state import RescheduleState
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    customer_actor,
    local_today,
    one,
    rows,
    service_id,
    staff_actor,
    staff_id,
    working_day,
)
from tests.moments import local_time
from tests.states import Browser, cookie_for, redirect_target

BUSINESS = "Garage De Vries"


def _customer(ctx, channel="email", mobile=""):
    name, email, customer_id = add_customer(ctx, "Staat", channel=channel, mobile=mobile)
    actor = customer_actor(ctx, email)
    return actor, email, customer_id


def _browser(ctx, actor, **params) -> Browser:
    return Browser(ctx, cookie_for(ctx, actor), {k: str(v) for k, v in params.items()})


# -- item 2: what will happen, before a customer confirms -----------------------------------


def test_the_cancel_dialog_says_what_is_cancelled_who_is_told_and_how(demo):
    actor, _email, customer_id = _customer(demo, "sms", "0611223344")
    start = at(working_day(demo, 8), 14)
    appointment_id = add_appointment(demo, customer_id, start, paid=True)
    browser = _browser(demo, actor, appointment_id=appointment_id)
    browser.call(AppointmentState, "load")
    page = browser.state(AppointmentState).detail
    assert page.cancel_what.startswith("APK-keuring op ") and "14:00" in page.cancel_what
    assert page.cancel_effects == [
        "Je krijgt een bevestiging per sms.",
        f"{BUSINESS} krijgt automatisch bericht.",
        f"Je hebt al betaald: {BUSINESS} betaalt het bedrag terug of zet het om in tegoed.",
    ]
    browser.call(AppointmentState, "cancel")
    assert one(demo, Appointment, Appointment.id == appointment_id).status == "cancelled"


def test_the_reschedule_confirmation_shows_from_to_and_who_is_told(demo):
    actor, _email, customer_id = _customer(demo)  # e-mail
    start = at(working_day(demo, 6), 10)
    appointment_id = add_appointment(demo, customer_id, start)
    browser = _browser(demo, actor, appointment_id=appointment_id)
    browser.call(RescheduleState, "load")
    state = browser.state(RescheduleState)
    first = state.times[0].times[0]
    browser.call(RescheduleState, "pick_time", first.key)
    assert state.screen == "confirm" and state.pending.when == first.when
    assert state.current.when != state.pending.when
    assert state.effects == [
        "Je krijgt een bevestiging per e-mail, met een agenda-bestand dat je agenda bijwerkt.",
        f"{BUSINESS} krijgt automatisch bericht.",
    ]
    assert one(demo, Appointment, Appointment.id == appointment_id).start_utc == start
    browser.call(RescheduleState, "confirm")
    assert state.screen == "done"


# -- item 3: the booking week ---------------------------------------------------------------


def _weekday_morning(ctx) -> date:
    """Move the clock to 07:00 on the next Monday-to-Friday (today if it is one and
    still before seven); return that day."""
    day = working_day(ctx, 0)
    if local_time(day, time(7)) < ctx.clock.now():
        day = working_day(ctx, 1)
    ctx.clock.set(local_time(day, time(7)))
    return day


def _week(ctx, staff: str) -> tuple[Browser, BookState]:
    actor, _email, _id = _customer(ctx)
    browser = _browser(ctx, actor)
    browser.call(BookState, "load")
    browser.call(BookState, "pick_service", service_id(ctx, "Bandenwissel"))
    browser.call(BookState, "pick_staff", staff)
    return browser, browser.state(BookState)


def test_the_week_starts_today_shows_saturday_and_closed_days_and_pages_by_week(demo):
    today = _weekday_morning(demo)
    browser, state = _week(demo, str(staff_id(demo, "Daan Jansen")))
    days = [date.fromisoformat(d.value) for d in state.days]
    assert days == [today + timedelta(days=n) for n in range(7)]
    by_day = dict(zip(days, state.days, strict=True))
    assert by_day[today].free and state.day == today.isoformat()  # today is offered
    saturday = next(d for d in days if d.weekday() == 5)
    sunday = next(d for d in days if d.weekday() == 6)
    assert by_day[saturday].free  # Daan works on Saturday morning
    assert not by_day[sunday].free and by_day[sunday].hint == "geen tijd"  # shown, not hidden
    assert by_day[sunday].label == format_day(sunday, "nl")
    assert state.times and state.day_title
    assert not state.can_go_back

    browser.call(BookState, "next_week")
    assert [date.fromisoformat(d.value) for d in state.days] == [
        today + timedelta(days=n) for n in range(7, 14)
    ]
    assert state.can_go_back
    browser.call(BookState, "previous_week")
    assert date.fromisoformat(state.days[0].value) == today
    browser.call(BookState, "previous_week")  # never before today
    assert date.fromisoformat(state.days[0].value) == today


def test_every_day_with_free_times_is_offered_whatever_the_moment(demo):
    actor, _email, _id = _customer(demo)
    browser, state = _week(demo, "any")
    for shown in state.days:
        free = booking_times(
            demo,
            actor,
            service_id=service_id(demo, "Bandenwissel"),
            staff_id="any",
            day=shown.value,
        )
        assert shown.free == bool(free), shown
    assert date.fromisoformat(state.days[0].value) == local_today(demo)


# -- item 5: the compact, grouped reschedule grid -------------------------------------------


def test_reschedule_times_are_grouped_by_part_of_the_day_without_repeating_the_date(demo):
    actor, _email, customer_id = _customer(demo)
    appointment_id = add_appointment(demo, customer_id, at(working_day(demo, 6), 10))
    browser = _browser(demo, actor, appointment_id=appointment_id)
    browser.call(RescheduleState, "load")
    groups = browser.state(RescheduleState).times
    assert [g.label for g in groups] == ["Ochtend", "Middag"]
    for group in groups:
        assert group.times and all(re.fullmatch(r"\d\d:\d\d", t.time) for t in group.times)
        assert [t.time for t in group.times] == sorted(t.time for t in group.times)
    assert all(t.time < "12:00" for t in groups[0].times)
    assert all(t.time >= "12:00" for t in groups[1].times)


# -- item 8: which calendar file the detail page offers -------------------------------------


def test_the_detail_offers_the_file_to_add_to_remove_or_none(demo):
    actor, _email, customer_id = _customer(demo)
    day = working_day(demo, 7)
    booked = add_appointment(demo, customer_id, at(day, 9))
    cancelled = add_appointment(demo, customer_id, at(day, 14), status="cancelled")
    done = add_appointment(demo, customer_id, at(day, 11), status="completed")
    offered = {}
    for appointment_id in (booked, cancelled, done):
        browser = _browser(demo, actor, appointment_id=appointment_id)
        browser.call(AppointmentState, "load")
        offered[appointment_id] = browser.state(AppointmentState).detail.calendar
    assert offered == {booked: "add", cancelled: "remove", done: "none"}


# -- item 9: the profile ---------------------------------------------------------------------


def test_profile_saves_details_and_switches_the_page_language_at_once(demo):
    actor, _email, customer_id = _customer(demo, "email", "0611223344")
    browser = _browser(demo, actor)
    browser.call(ProfileState, "load")
    state = browser.state(ProfileState)
    assert (state.name, state.channel, state.language) == (state.card.name, "email", "nl")
    browser.call(ProfileState, "save", {"name": "Nieuwe Naam", "channel": "sms", "locale": "en"})
    assert state.notice == "Your details have been saved." and not state.error
    assert state.texts["nav.appointments"] == "Appointments" and state.locale == "en"
    stored = one(demo, Customer, Customer.id == customer_id)
    assert (stored.name, stored.preferred_channel, stored.locale) == ("Nieuwe Naam", "sms", "en")


def test_profile_refuses_sms_without_a_mobile_number_in_the_details_form(demo):
    actor, _email, customer_id = _customer(demo)
    browser = _browser(demo, actor)
    browser.call(ProfileState, "load")
    browser.call(ProfileState, "save", {"name": "X", "channel": "sms", "locale": "nl"})
    state = browser.state(ProfileState)
    assert state.error.startswith("Voor sms hebben we een geldig mobiel nummer nodig")
    assert one(demo, Customer, Customer.id == customer_id).preferred_channel == "email"


def test_a_new_email_address_needs_the_code_sent_to_it(demo):
    actor, email, customer_id = _customer(demo)
    browser = _browser(demo, actor)
    browser.call(ProfileState, "load")
    state = browser.state(ProfileState)
    browser.call(ProfileState, "request_email", {"email": "nieuw.adres@example.com"})
    assert state.pending_email == "nieuw.adres@example.com"
    assert "nieuw.adres@example.com" in state.email_sent
    assert one(demo, Customer, Customer.id == customer_id).email == email
    browser.call(ProfileState, "confirm_email", {"code": "12"})
    assert state.email_error.startswith("Deze code klopt niet")
    [mail] = rows(demo, OutboxMessage, OutboxMessage.recipient == "nieuw.adres@example.com")
    code = re.search(r"\b(\d{6})\b", mail.body).group(1)
    browser.call(ProfileState, "confirm_email", {"code": code})
    assert state.notice.startswith("Je e-mailadres is gewijzigd") and state.pending_email == ""
    assert one(demo, Customer, Customer.id == customer_id).email == "nieuw.adres@example.com"
    browser.call(ProfileState, "request_mobile", {"mobile": "020 1234567"})
    assert state.mobile_error.startswith("Dit is geen mobiel nummer")


def test_the_language_switch_is_stored_on_the_customer_and_reloads_the_page(demo):
    actor, _email, customer_id = _customer(demo)
    browser = _browser(demo, actor)
    result = browser.call(SessionState, "switch_language", "en")
    assert one(demo, Customer, Customer.id == customer_id).locale == "en"
    state = browser.state(SessionState)
    assert state.locale == "en" and state.texts["nav.logout"] == "Log out"
    # The page loads again in full (its dates and prices in English too), without eval.
    assert state.load_url.startswith("/portal") and state.load_id
    assert redirect_target(result) is None
    staff = Browser(demo, cookie_for(demo, staff_actor(demo)))
    staff.call(SessionState, "switch_language", "en")
    assert staff.state(SessionState).locale == "nl"  # customers only


# -- item 7: the page for an unknown address -----------------------------------------------


def test_an_unknown_address_speaks_the_visitors_language_with_the_business_name(demo):
    stranger = Browser(demo).open(language="en-GB,en;q=0.8")
    stranger.call(NotFoundState, "load")
    state = stranger.state(NotFoundState)
    assert state.business_name == BUSINESS and state.locale == "en"
    assert (state.home, state.texts[state.home_key]) == ("/portal", "To the customer portal")
    dutch = Browser(demo).open(language="nl-NL")
    dutch.call(NotFoundState, "load")
    assert dutch.state(NotFoundState).texts["notfound.title"] == "Deze pagina bestaat niet"
    noah = _browser(demo, customer_actor(demo, "noah@example.com")).open(language="nl-NL")
    noah.call(NotFoundState, "load")
    assert noah.state(NotFoundState).locale == "en"  # a customer's own language wins
    owner = Browser(demo, cookie_for(demo, staff_actor(demo)))
    owner.call(NotFoundState, "load")
    assert owner.state(NotFoundState).home == "/staff"


def test_the_owners_english_service_wording_is_what_english_customers_see(demo):
    owner = Browser(demo, cookie_for(demo, staff_actor(demo)))
    owner.call(ServicesState, "load")
    services = owner.state(ServicesState)
    tyres = next(s for s in services.services if s.name == "Bandenwissel")
    owner.call(
        ServicesState,
        "save",
        {
            "service_id": str(tyres.id),
            "name": "Bandenwissel",
            "name_en": "Tyre swap",
            "description": "Zomer of winter.",
            "description_en": "Summer or winter.",
        },
    )
    assert services.notice == "Bandenwissel is opgeslagen." and not services.error
    english = _browser(demo, customer_actor(demo, "noah@example.com"))
    english.call(BookState, "load")
    shown = {s.name: s.description for s in english.state(BookState).services}
    assert shown["Tyre swap"] == "Summer or winter."
    dutch = _browser(demo, customer_actor(demo, "emma@example.com"))
    dutch.call(BookState, "load")
    assert "Bandenwissel" in {s.name for s in dutch.state(BookState).services}
    noah = customer_actor(demo, "noah@example.com")
    appointment_id = add_appointment(
        demo, noah.id, at(working_day(demo, 9), 9), service="Bandenwissel"
    )
    page = _browser(demo, noah, appointment_id=appointment_id)
    page.call(AppointmentState, "load")
    assert page.state(AppointmentState).detail.card.service == "Tyre swap"
    customer = Browser(demo, cookie_for(demo, customer_actor(demo, "emma@example.com")))
    customer.call(ServicesState, "save", {"service_id": str(tyres.id), "name": "Hacked"})
    assert one(demo, Service, Service.id == tyres.id).name == "Bandenwissel"


# -- the customer's history: ten per page, newest first, the next page on request ----------


def test_the_history_shows_ten_past_appointments_per_page_newest_first(demo):
    actor, _email, customer_id = _customer(demo)
    now = demo.clock.now()
    for day in range(1, 13):
        add_appointment(demo, customer_id, now - timedelta(days=day), status="completed")
    browser = _browser(demo, actor)
    browser.call(AppointmentsState, "load")
    state = browser.state(AppointmentsState)
    first = [card.when for card in state.history]
    assert len(first) == 10 and state.has_next_page
    newest = format_when(now - timedelta(days=1), "Europe/Amsterdam", "nl")
    assert first[0] == newest
    browser.call(AppointmentsState, "history_page", 2)
    assert len(state.history) == 2 and not state.has_next_page and state.page_number == 2
