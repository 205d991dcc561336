"""The back-office pages as a browser drives them (issue 9, items 10 and 12): the week on
/staff, the inbox's task cards, the appointment and customer pages and the customer form."""

from __future__ import annotations

from datetime import timedelta

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.customers.models import Customer
from portal_app.ui.routes import STAFF_NAV
from portal_app.ui.staff.appointment.state import StaffAppointmentState
from portal_app.ui.staff.customer.state import CustomerRecordState
from portal_app.ui.staff.customer_form.state import CustomerFormState
from portal_app.ui.staff.inbox.state import InboxState
from portal_app.ui.staff.overview.state import OverviewState
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    business_id,
    customer_actor,
    local_today,
    one,
    staff_actor,
    working_day,
)
from tests.states import Browser, cookie_for


def _as(ctx, name: str = "Sanne de Vries", **params) -> Browser:
    return Browser(ctx, cookie_for(ctx, staff_actor(ctx, name)), params)


def test_each_role_sees_only_its_menu_items():
    def menu(role: str) -> list[str]:
        return [item.text_key for item in STAFF_NAV if role in item.roles]

    assert menu("mechanic") == ["staff.nav.dashboard"]
    assert menu("staff") == ["staff.nav.dashboard", "staff.nav.inbox", "staff.nav.customers"]
    assert menu("owner") == [
        "staff.nav.dashboard",
        "staff.nav.inbox",
        "staff.nav.customers",
        "staff.nav.team",
        "staff.nav.audit",
        "staff.nav.editor",
    ]


def test_this_week_is_the_calendar_week_and_each_card_leads_to_its_page(demo):
    _name, _email, customer = add_customer(demo, "Week")
    today = local_today(demo)
    sunday = today + timedelta(days=6 - today.weekday())
    late_sunday = add_appointment(demo, customer, at(sunday, 23, 0), staff="Pieter Bakker")
    next_monday = add_appointment(demo, customer, at(sunday + timedelta(days=1), 0, 30))
    browser = _as(demo)
    browser.call(OverviewState, "load")
    week = browser.state(OverviewState).week
    ids = {card.id for card in week}
    assert late_sunday in ids and next_monday not in ids
    card = next(card for card in week if card.id == late_sunday)
    assert card.href == f"/staff/appointments/{late_sunday}"
    mechanic = _as(demo, "Pieter Bakker")
    mechanic.call(OverviewState, "load")
    assert {card.staff for card in mechanic.state(OverviewState).week} == {"Pieter Bakker"}


def test_the_task_card_shows_phone_and_e_mail_and_leads_to_customer_and_appointment(demo):
    lucas = customer_actor(demo, "lucas@example.com")
    with demo.db.transaction() as session:
        session.get(Customer, lucas.id).mobile = "+31611223344"
    appointment = add_appointment(demo, lucas.id, at(working_day(demo, 4), 10), status="requested")
    with demo.db.transaction() as session:
        session.add(
            BackofficeTask(
                business_id=business_id(demo),
                kind=TaskKind.APPROVE_REQUEST,
                customer_id=lucas.id,
                appointment_id=appointment,
                created_at=demo.clock.now(),
            )
        )
    browser = _as(demo, "Daan Jansen")
    browser.call(InboxState, "load")
    [card] = browser.state(InboxState).tasks
    assert (card.email, card.phone) == ("lucas@example.com", "+31611223344")
    assert card.customer_href == f"/staff/customers/{lucas.id}"
    assert card.appointment_href == f"/staff/appointments/{appointment}"


def test_owner_moves_an_appointment_from_its_page(demo):
    emma = customer_actor(demo, "emma@example.com")
    appointment = add_appointment(demo, emma.id, at(working_day(demo, 5), 9))
    browser = _as(demo, appointment_id=str(appointment))
    browser.call(StaffAppointmentState, "load")
    state = browser.state(StaffAppointmentState)
    assert state.screen == "found" and state.detail.card.customer == "Emma Visser"
    assert state.detail.customer_href == f"/staff/customers/{emma.id}"
    assert state.detail.told == "Emma Visser hoort elke wijziging per sms."
    browser.call(StaffAppointmentState, "start_move")
    assert state.moving == "pick" and state.move_times
    chosen = state.move_times[-1].times[-1]
    browser.call(StaffAppointmentState, "pick_time", chosen.key)
    assert state.moving == "confirm" and state.move_title == f"Verplaatsen naar {chosen.when}?"
    browser.call(StaffAppointmentState, "confirm_move")
    assert state.error == "" and state.moving == ""
    assert state.notice == f"Verplaatst naar {chosen.when}. Emma Visser krijgt bericht per sms."
    assert state.detail.card.status == "Verplaatst"
    assert [row.what for row in state.history] == ["heeft verplaatst"]
    assert [(row.kind, row.state_label) for row in state.messages] == [
        ("Herinnering", "Gepland"),  # newest first: the reminder moved along
        ("Afspraak verplaatst", "Gepland"),
    ]


def test_staff_cancel_and_mark_done_from_the_page(demo):
    _name, _email, customer = add_customer(demo, "Klaar")
    started = add_appointment(demo, customer, demo.clock.now() - timedelta(minutes=5))
    browser = _as(demo, appointment_id=str(started))
    browser.call(StaffAppointmentState, "load")
    state = browser.state(StaffAppointmentState)
    assert state.detail.can_finish and not state.detail.can_change
    browser.call(StaffAppointmentState, "cancel")
    assert state.error.startswith("Deze afspraak is al begonnen")
    browser.call(StaffAppointmentState, "mark_done")
    assert state.notice.startswith("Gemarkeerd als afgerond.") and state.error == ""
    assert one(demo, Appointment, Appointment.id == started).status == "completed"


def test_a_mechanic_cannot_open_someone_elses_appointment(demo):
    emma = customer_actor(demo, "emma@example.com")
    appointment = add_appointment(demo, emma.id, at(working_day(demo, 5), 9))
    browser = _as(demo, "Pieter Bakker", appointment_id=str(appointment))
    browser.call(StaffAppointmentState, "load")
    state = browser.state(StaffAppointmentState)
    assert state.screen == "not_found" and state.detail is None


def test_the_customer_page_shows_contact_details_and_lists(demo):
    emma = customer_actor(demo, "emma@example.com")
    browser = _as(demo, customer_id=str(emma.id))
    browser.call(CustomerRecordState, "load")
    state = browser.state(CustomerRecordState)
    assert state.screen == "found"
    assert (state.customer.name, state.customer.phone, state.customer.channel) == (
        "Emma Visser",
        "+31612345678",
        "SMS",
    )
    assert state.customer.edit_href == f"/staff/customers/{emma.id}/edit"
    assert len(state.appointments) == 2
    assert all(card.href.startswith("/staff/appointments/") for card in state.appointments)
    mechanic = _as(demo, "Pieter Bakker", customer_id=str(emma.id))
    mechanic.call(CustomerRecordState, "load")
    assert mechanic.state(CustomerRecordState).refused
    assert mechanic.state(CustomerRecordState).customer is None


def test_the_customer_form_names_the_wrong_field_then_saves(demo):
    browser = _as(demo, "Daan Jansen")
    browser.call(CustomerFormState, "load")
    state = browser.state(CustomerFormState)
    assert state.is_new and state.screen == "form" and state.heading == "Nieuwe klant"
    data = {"name": "Anouk Jansen", "email": "anouk@", "mobile": "", "preferred_channel": "email"}
    browser.call(CustomerFormState, "save", data)
    assert (state.field_error, state.error) == ("email", "Vul een geldig e-mailadres in.")
    browser.call(CustomerFormState, "save", data | {"email": "anouk@example.com"})
    assert state.screen == "saved" and state.field_error == "" and state.error == ""
    added = one(demo, Customer, Customer.email == "anouk@example.com")
    assert state.saved_href == f"/staff/customers/{added.id}"
    assert state.saved_text.startswith("Anouk Jansen is toegevoegd.")
    edit = _as(demo, "Daan Jansen", customer_id=str(added.id))
    edit.call(CustomerFormState, "load")
    form = edit.state(CustomerFormState)
    assert not form.is_new and form.values.email == "anouk@example.com"
    edit.call(CustomerFormState, "save", data | {"email": "emma@example.com"})
    assert form.field_error == "email" and form.error.startswith("Er is al een klant")
    edit.call(CustomerFormState, "save", data | {"email": "anouk@example.com", "city": "Delft"})
    assert form.saved_text == "De gegevens van Anouk Jansen zijn opgeslagen."
    assert one(demo, Customer, Customer.id == added.id).city == "Delft"
