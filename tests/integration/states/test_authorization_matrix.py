"""Who may call what: every event handler of every state, listed once.

Every handler is discovered by introspection and called as a stranger, as customer A with
customer B's ids, as staff, as a mechanic and as the owner. A handler missing from the
table (or listed with other roles than its decorator declares) fails the test, so a new
handler cannot slip in unreviewed. Whoever is refused changes nothing and sees none of
B's data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
import reflex as rx

from portal_app.core.actor import ALL_STAFF, CUSTOMERS, EVERYONE, OFFICE, OWNERS, Role
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.customers.models import Customer
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import MessageTemplate, OutboxMessage
from portal_app.ui.base import SessionState
from tests.factories import (
    add_appointment,
    at,
    business_id,
    customer_actor,
    invite,
    rows,
    staff_actor,
    working_day,
)
from tests.states import Browser, cookie_for, redirect_target

PUBLIC = "public"  # the sign-in pages
ANYONE = "anyone"  # ends whatever session the browser has

ACCESS: dict[str, frozenset[Role] | str] = {
    "SessionState.logout": ANYONE,
    "SessionState.logout_everywhere": EVERYONE,
    "SessionState.switch_language": CUSTOMERS,
    "CustomerLoginState.load": PUBLIC,
    "CustomerLoginState.send_link": PUBLIC,
    "CustomerLoginState.set_email": PUBLIC,
    "CustomerLoginState.send_code": PUBLIC,
    "CustomerLoginState.verify_code": PUBLIC,
    "CustomerLoginState.restart": PUBLIC,
    "StaffLoginState.load": PUBLIC,
    "NotFoundState.load": PUBLIC,
    "StaffLoginState.sign_in": PUBLIC,
    "StaffLoginState.verify": PUBLIC,
    "StaffLoginState.confirm": PUBLIC,
    "StaffLoginState.finish": PUBLIC,
    "StaffLoginState.restart": PUBLIC,
    "TeamState.load": OWNERS,
    "TeamState.unlock": OWNERS,
    "TeamState.set_required": OWNERS,
    "AuditState.load": OWNERS,
    "AuditState.show_page": OWNERS,
    "DashboardState.load": CUSTOMERS,
    "AppointmentsState.load": CUSTOMERS,
    "AppointmentsState.history_page": CUSTOMERS,
    "AppointmentState.load": CUSTOMERS,
    "AppointmentState.cancel": CUSTOMERS,
    "RescheduleState.load": CUSTOMERS,
    "RescheduleState.pick_day": CUSTOMERS,
    "RescheduleState.pick_time": CUSTOMERS,
    "RescheduleState.change_time": CUSTOMERS,
    "RescheduleState.confirm": CUSTOMERS,
    "BookState.load": CUSTOMERS,
    "BookState.pick_service": CUSTOMERS,
    "BookState.pick_staff": CUSTOMERS,
    "BookState.next_week": CUSTOMERS,
    "BookState.previous_week": CUSTOMERS,
    "BookState.pick_day": CUSTOMERS,
    "BookState.pick_time": CUSTOMERS,
    "BookState.change_time": CUSTOMERS,
    "BookState.confirm": CUSTOMERS,
    "InvitationState.load": CUSTOMERS,
    "InvitationState.choose": CUSTOMERS,
    "InvitationState.more": CUSTOMERS,
    "InvitationState.toggle_date": CUSTOMERS,
    "InvitationState.options_for_day": CUSTOMERS,
    "InvitationState.toggle_decline": CUSTOMERS,
    "InvitationState.decline": CUSTOMERS,
    "ProfileState.load": CUSTOMERS,
    "PrivacyState.load": CUSTOMERS,
    "PrivacyState.agree": CUSTOMERS,
    "PrivacyState.erase": CUSTOMERS,
    "PrivacySettingsState.load": OWNERS,
    "PrivacySettingsState.save": OWNERS,
    "ProfileState.save": CUSTOMERS,
    "ProfileState.request_email": CUSTOMERS,
    "ProfileState.confirm_email": CUSTOMERS,
    "ProfileState.request_mobile": CUSTOMERS,
    "ProfileState.confirm_mobile": CUSTOMERS,
    "ModuleState.load": CUSTOMERS,
    "OverviewState.load": ALL_STAFF,
    "InboxState.load": OFFICE,
    "InboxState.show_view": OFFICE,
    "InboxState.show_page": OFFICE,
    "InboxState.assign": OFFICE,
    "InboxState.resolve": OFFICE,
    "InboxState.decide": OFFICE,
    "InviteState.start": OFFICE,
    "InviteState.start_for": OFFICE,
    "InviteState.set_invite_open": OFFICE,
    "InviteState.find": OFFICE,
    "InviteState.choose_customer": OFFICE,
    "InviteState.change_customer": OFFICE,
    "InviteState.choose_service": OFFICE,
    "InviteState.send": OFFICE,
    "CustomersState.load": OFFICE,
    "CustomersState.find": OFFICE,
    "CustomersState.show_page": OFFICE,
    "CustomerRecordState.load": OFFICE,
    "CustomerRecordState.appointments_page": OFFICE,
    "CustomerRecordState.invitations_page": OFFICE,
    "CustomerRecordState.tasks_page": OFFICE,
    "CustomerRecordState.messages_page": OFFICE,
    "CustomerFormState.load": OFFICE,
    "CustomerFormState.save": OFFICE,
    "CustomerFormState.add_another": OFFICE,
    "StaffAppointmentState.load": ALL_STAFF,
    "StaffAppointmentState.history_page": ALL_STAFF,
    "StaffAppointmentState.messages_page": OFFICE,
    "StaffAppointmentState.start_move": OFFICE,
    "StaffAppointmentState.pick_day": OFFICE,
    "StaffAppointmentState.pick_time": OFFICE,
    "StaffAppointmentState.change_time": OFFICE,
    "StaffAppointmentState.stop_move": OFFICE,
    "StaffAppointmentState.confirm_move": OFFICE,
    "StaffAppointmentState.cancel": OFFICE,
    "StaffAppointmentState.mark_done": ALL_STAFF,
    "StaffAppointmentState.mark_no_show": ALL_STAFF,
    "RulesState.load": OWNERS,
    "TemplateState.load": OWNERS,
    "TemplateState.choose": OWNERS,
    "TemplateState.choose_locale": OWNERS,
    "TemplateState.save": OWNERS,
    "TemplateState.restore_default": OWNERS,
    "ServicesState.load": OWNERS,
    "ServicesState.save": OWNERS,
}


def _states() -> list[type]:
    found, todo = [], [SessionState]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


STATES = {cls.__name__: cls for cls in _states()}
HANDLERS = sorted(
    f"{cls.__name__}.{name}"
    for cls in STATES.values()
    for name in cls.event_handlers
    if name != "setvar"
)


def test_every_handler_is_listed_once_with_the_roles_its_decorator_declares():
    assert sorted(ACCESS) == HANDLERS
    for key, allowed in ACCESS.items():
        state, name = key.split(".")
        declared = getattr(STATES[state].event_handlers[name].fn, "portal_access", ANYONE)
        expected = None if allowed == PUBLIC else allowed
        assert declared == expected, key


@dataclass
class World:
    """Customer A (Emma), and customer B (Lucas) with an appointment, an invitation and a
    booking request waiting in the inbox."""

    appointment_b: int
    request_b: int
    invitation_b: int
    task_b: int
    customer_b: int


@pytest.fixture
def world(demo) -> World:
    lucas = customer_actor(demo, "lucas@example.com")
    day = working_day(demo, 10)
    appointment = add_appointment(demo, lucas.id, at(day, 10))
    request = add_appointment(demo, lucas.id, at(day, 14), status="requested")
    with demo.db.transaction() as session:
        task = BackofficeTask(
            business_id=business_id(demo),
            kind=TaskKind.APPROVE_REQUEST,
            customer_id=lucas.id,
            appointment_id=request,
            created_at=demo.clock.now(),
        )
        session.add(task)
        session.flush()
        task_id = task.id
    invitation = invite(demo, lucas.id)
    return World(appointment, request, invitation, task_id, lucas.id)


def _args(key: str, w: World, ctx) -> dict:
    """Arguments a client could send, aimed at customer B's things where ids are taken."""
    later = (ctx.clock.now() + timedelta(days=12)).astimezone().date().isoformat()
    b_key = f"2@{(ctx.clock.now() + timedelta(days=3)).isoformat()}"
    return {
        "AppointmentsState.history_page": {"number": 2},
        "RescheduleState.pick_day": {"day": later},
        "RescheduleState.pick_time": {"key": b_key},
        "BookState.pick_service": {"service_id": 1},
        "BookState.pick_staff": {"staff_id": "any"},
        "BookState.pick_day": {"day": later},
        "BookState.pick_time": {"key": b_key},
        "InvitationState.choose": {"key": b_key},
        "InvitationState.options_for_day": {"data": {"day": later}},
        "InvitationState.decline": {"data": {"message": "Niet voor jou"}},
        "CustomerLoginState.send_link": {"data": {"email": "lucas@example.com"}},
        "CustomerLoginState.set_email": {"value": "lucas@example.com"},
        "CustomerLoginState.verify_code": {"data": {"code": "123456"}},
        "StaffLoginState.sign_in": {"data": {"email": "x@example.com", "password": "wrong"}},
        "StaffLoginState.verify": {"data": {"code": "123456"}},
        "StaffLoginState.confirm": {"data": {"code": "123456"}},
        "TeamState.unlock": {"staff_id": 2},
        "TeamState.set_required": {"staff_id": 2, "required": True},
        "AuditState.show_page": {"number": 1},
        "PrivacyState.erase": {"data": {"email": "lucas@example.com"}},
        "PrivacySettingsState.save": {"data": {"months": "0"}},
        "InboxState.show_view": {"view": "resolved"},
        "InboxState.show_page": {"number": 1},
        "InboxState.assign": {"task_id": w.task_b, "staff_id": "none"},
        "InboxState.resolve": {"task_id": w.task_b},
        "InboxState.decide": {"task_id": w.task_b, "approve": True},
        "InviteState.start_for": {"customer_id": w.customer_b},
        "InviteState.set_invite_open": {"value": True},
        "InviteState.find": {"words": "Lucas"},
        "InviteState.choose_customer": {"customer_id": w.customer_b},
        "InviteState.choose_service": {"service_id": "1"},
        "CustomersState.find": {"words": "Lucas"},
        "CustomersState.show_page": {"number": 1},
        "CustomerRecordState.appointments_page": {"number": 1},
        "CustomerRecordState.invitations_page": {"number": 1},
        "CustomerRecordState.tasks_page": {"number": 1},
        "CustomerRecordState.messages_page": {"number": 1},
        "CustomerFormState.save": {
            "data": {"name": "Lucas Gekaapt", "email": "lucas@example.com", "locale": "en"}
        },
        "StaffAppointmentState.history_page": {"number": 1},
        "StaffAppointmentState.messages_page": {"number": 1},
        "StaffAppointmentState.pick_day": {"day": later},
        "StaffAppointmentState.pick_time": {"key": b_key},
        "TemplateState.choose": {"kind": "reminder"},
        "TemplateState.choose_locale": {"locale": "en"},
        "TemplateState.save": {"data": {"subject": "X", "body": "Y", "sms": "Z"}},
        "SessionState.switch_language": {"locale": "en"},
        "ProfileState.save": {"data": {"name": "A", "channel": "email", "locale": "nl"}},
        "ProfileState.request_email": {"data": {"email": "new.address@example.com"}},
        "ProfileState.confirm_email": {"data": {"code": "123456"}},
        "ProfileState.request_mobile": {"data": {"mobile": "0687654329"}},
        "ProfileState.confirm_mobile": {"data": {"code": "123456"}},
        "ServicesState.save": {
            "data": {"service_id": 1, "name": "APK", "name_en": "MOT", "description": ""}
        },
    }.get(key, {})


def _params(w: World) -> dict:
    return {
        "appointment_id": str(w.appointment_b),
        "invitation_id": str(w.invitation_b),
        "customer_id": str(w.customer_b),
    }


def _b_fingerprint(ctx, w: World, sign_in: bool) -> str:
    """Everything of customer B (and the owner's wording) that nobody else may change.

    Asking for a sign-in link or code for B's address is allowed to anyone (it goes to B),
    so on the sign-in pages B's messages are left out.
    """
    snapshot = [
        rows(ctx, Appointment, Appointment.customer_id == w.customer_b),
        rows(ctx, Invitation, Invitation.customer_id == w.customer_b),
        rows(ctx, BackofficeTask, BackofficeTask.customer_id == w.customer_b),
        rows(ctx, Customer, Customer.id == w.customer_b),
        rows(ctx, MessageTemplate, order=MessageTemplate.kind),
    ]
    if not sign_in:
        snapshot.append(rows(ctx, OutboxMessage, OutboxMessage.recipient == "lucas@example.com"))
    return json.dumps([[row.model_dump() for row in part] for part in snapshot], default=str)


ROLES = ("stranger", "customer A", "mechanic", "staff", "owner")
ACTORS = {"mechanic": "Pieter Bakker", "staff": "Daan Jansen", "owner": "Sanne de Vries"}
ROLE_OF = {"customer A": Role.CUSTOMER, "mechanic": Role.MECHANIC}
ROLE_OF |= {"staff": Role.STAFF, "owner": Role.OWNER}


def _browser(ctx, who: str, w: World) -> Browser:
    if who == "stranger":
        return Browser(ctx, None, _params(w))
    actor = customer_actor(ctx, "emma@example.com") if who == "customer A" else None
    actor = actor or staff_actor(ctx, ACTORS[who])
    return Browser(ctx, cookie_for(ctx, actor), _params(w))


@pytest.mark.parametrize("key", sorted(ACCESS))
def test_each_handler_refuses_whoever_may_not_call_it(demo, world, key):
    allowed = ACCESS[key]
    state_name, name = key.split(".")
    cls = STATES[state_name]
    for who in ROLES:
        browser = _browser(demo, who, world)
        before = _b_fingerprint(demo, world, allowed == PUBLIC)
        result = browser.call(cls, name, **_args(key, world, demo))
        state = browser.state(cls)
        target = redirect_target(result) or ""
        if allowed in (PUBLIC, ANYONE):
            permitted = True
        else:
            permitted = who != "stranger" and ROLE_OF[who] in allowed
        if not permitted:
            assert not state.signed_in or state.refused, (key, who)
            if who == "stranger" or (ROLE_OF[who] == Role.CUSTOMER) != (allowed <= CUSTOMERS):
                assert target.endswith("/login"), (key, who, target)
            else:
                assert state.refused, (key, who)
        else:
            assert not state.refused, (key, who, state.error)
            assert not target.endswith("/login") or allowed in (PUBLIC, ANYONE), (key, who)
        if not permitted or who in ("stranger", "customer A"):
            assert _b_fingerprint(demo, world, allowed == PUBLIC) == before, (key, who)
        if who == "customer A" and allowed != PUBLIC:  # a sign-in form shows what was typed
            shown = json.dumps(browser.root.dict(), default=str)
            assert "Lucas" not in shown and "lucas@example.com" not in shown, (key, who)


@pytest.mark.parametrize("state_name", sorted(STATES))
def test_setvar_reaches_no_var_without_a_handler(demo, world, state_name):
    cls = STATES[state_name]
    browser = _browser(demo, "customer A", world)
    reflex_own = set(rx.State.vars)  # e.g. is_hydrated: Reflex's, set by its own client
    for var in set(cls.vars) - reflex_own:
        try:
            browser.call(cls, "setvar", var, "hacked")
        except AttributeError:
            continue  # no setter: refused
        assert f"set_{var}" in cls.event_handlers, var
