"""Customer booking: the invitation options page (seed 000) and self-booking (seed 002)."""

from __future__ import annotations

from datetime import timedelta

import reflex as rx

from portal_app.domain import booking, invitations
from portal_app.domain.appointment_queries import business_view, customer_appointment
from portal_app.domain.booking_rules import SlotTaken, parse_day
from portal_app.domain.errors import DomainError, NotFound
from portal_app.domain.invitations import NoMoreRounds
from portal_app.infra.database import session_scope
from portal_app.ui.states.booking_common import (
    arg_text,
    contact_sentence,
    customer_actor,
    detail_data,
    form_text,
    local_today,
    long_day_label,
    open_customer_page,
    option_key,
    quick_days,
    route_param,
    split_key,
    time_label,
)
from portal_app.ui.states.session_state import SessionState
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import format_money, format_when
from portal_app.web.runtime import clock, settings

LOGIN = "/portal/login"


def _confirmation(view, timezone: str, locale: str) -> dict[str, str]:
    data = detail_data(view, timezone, locale)
    requested = view.status == "requested"
    data["title"] = text(
        "booking.requested_title" if requested else "booking.confirmed_title", locale
    )
    data["note"] = text("booking.requested_text" if requested else "booking.mail_sent", locale)
    return data


class InvitationState(SessionState):
    """The options of one invitation; choose one, ask for more, or say none suit."""

    screen: str = "loading"  # loading|options|none|confirmed|declined|booked|closed|not_found
    service_name: str = ""
    intro: str = ""
    heading: str = ""
    options: list[dict[str, str]] = []
    reason: str = ""
    notice: str = ""
    error: str = ""
    can_more: bool = False
    can_date: bool = False
    date_open: bool = False
    decline_open: bool = False
    confirmation: dict[str, str] = {}
    booked_href: str = ""
    contact: str = ""
    min_day: str = ""
    _invitation: str = ""

    @rx.event
    def load(self):
        """Open the invitation of the route; strangers go to the log-in page."""
        self.screen, self.notice, self.error, self.options = "loading", "", "", []
        self.date_open = self.decline_open = False
        self.confirmation, self.booked_href, self.heading = {}, "", ""
        actor, business = open_customer_page(self)
        if actor is None:
            return rx.redirect(LOGIN)
        self._invitation = route_param(self, "invitation_id")
        self.contact = contact_sentence(business, self.locale)
        self.min_day = (local_today(business.timezone) + timedelta(days=1)).isoformat()
        self._show(actor)
        return None

    def _show(self, actor, *, more: bool = False, day: str = "") -> None:
        locale = self.locale
        try:
            with session_scope() as session:
                view = invitations.show_options(
                    session,
                    actor,
                    clock(),
                    invitation_id=self._invitation,
                    more=more,
                    preferred_date=day or None,
                )
                business = business_view(session, actor.business_id)
                choices = {c.id: c for c in booking.bookable_services(session, actor)}
        except NotFound:
            self.screen = "not_found"
            return
        except NoMoreRounds as error:
            self.can_more = False
            self.notice = text(error.code, locale)
            return
        except DomainError as error:
            self.error = text(error.code, locale)
            return
        self.service_name = view.service_name
        self.intro = text("invite.intro", locale, service=view.service_name)
        self.can_more, self.can_date = view.can_request_more, view.can_choose_date
        if view.status == "booked":
            self.screen = "booked"
            self.booked_href = (
                f"/portal/appointments/{view.appointment_id}" if view.appointment_id else ""
            )
            return
        if view.status == "declined":
            self.screen = "declined_before"
            return
        if view.status != "open":
            self.screen = "closed"
            return
        choice = choices.get(view.service_id)
        names = dict(choice.staff) if choice else {}
        price = format_money(choice.price_cents, locale) if choice else ""
        self.options = [
            {
                "key": option_key(o.staff_id, o.start_utc),
                "when": format_when(o.start_utc, business.timezone, locale),
                "with": text("appointment.with", locale, staff=names.get(o.staff_id, "")),
                "duration": text(
                    "appointment.duration",
                    locale,
                    minutes=int((o.end_utc - o.start_utc).total_seconds() // 60),
                ),
                "price": price,
            }
            # The engine picks the cheapest options for the route; show them by time.
            for o in sorted(view.options, key=lambda option: option.start_utc)
        ]
        if self.options:
            self.screen, self.reason = "options", ""
        else:
            self.screen = "none"
            self.reason = text(f"reason.{view.reason or 'fully_booked'}", locale)

    def _actor_or_login(self):
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
        return actor

    @rx.event
    def choose(self, key: str):
        """Book one of the options on screen; when it was just taken, show fresh ones."""
        key = arg_text(key)
        if key not in {o["key"] for o in self.options}:
            self.error = text("booking.bad_time", self.locale)
            return None
        actor = self._actor_or_login()
        if actor is None:
            return rx.redirect(LOGIN)
        staff, start = split_key(key)
        self.notice = self.error = ""
        try:
            with session_scope(write_lock=True) as session:
                appointment = invitations.book_invitation_option(
                    session,
                    actor,
                    clock(),
                    invitation_id=self._invitation,
                    staff_id=staff,
                    start=start,
                    public_url=settings().public_url,
                )
                session.flush()
                view = customer_appointment(session, actor, appointment.id)
                business = business_view(session, actor.business_id)
        except SlotTaken as error:
            self._show(actor)
            self.notice = text(error.code, self.locale)
            return None
        except NotFound:
            self.screen = "not_found"
            return None
        except DomainError as error:
            self.error = text(error.code, self.locale)
            return None
        self.confirmation = _confirmation(view, business.timezone, self.locale)
        self.screen, self.options = "confirmed", []
        return None

    @rx.event
    def more(self):
        """The next round of options (never the ones shown before)."""
        actor = self._actor_or_login()
        if actor is None:
            return rx.redirect(LOGIN)
        self.notice = self.error = ""
        self.heading = ""
        self._show(actor, more=True)
        return None

    @rx.event
    def toggle_date(self):
        self.date_open = not self.date_open
        self.decline_open = False

    @rx.event
    def options_for_day(self, form_data: dict):
        """Options on or around the chosen date."""
        day = form_text(form_data, "day", 10)
        actor = self._actor_or_login()
        if actor is None:
            return rx.redirect(LOGIN)
        self.notice = self.error = ""
        try:
            chosen = parse_day(day)
        except DomainError as error:
            self.error = text(error.code, self.locale)
            return None
        self._show(actor, day=chosen.isoformat())
        if not self.error:
            self.heading = text(
                "invite.around_date", self.locale, day=long_day_label(chosen, self.locale)
            )
            self.date_open = False
        return None

    @rx.event
    def toggle_decline(self):
        self.decline_open = not self.decline_open
        self.date_open = False

    @rx.event
    def decline(self, form_data: dict):
        """'These options don't suit me': the message goes to the back-office."""
        message = form_text(form_data, "message", 2000)
        actor = self._actor_or_login()
        if actor is None:
            return rx.redirect(LOGIN)
        self.notice = self.error = ""
        try:
            with session_scope() as session:
                invitations.decline_options(
                    session, actor, clock(), invitation_id=self._invitation, message=message
                )
        except NotFound:
            self.screen = "not_found"
            return None
        except DomainError as error:
            self.error = text(error.code, self.locale)
            return None
        self.screen, self.options, self.decline_open = "declined", [], False
        return None


class BookState(SessionState):
    """Self-booking: service, staff member (or anyone), day, time, confirm."""

    loaded: bool = False
    services: list[dict[str, str]] = []
    staff: list[dict[str, str]] = []
    service_id: str = ""
    staff_id: str = ""
    day: str = ""
    day_title: str = ""
    min_day: str = ""
    days: list[dict[str, str]] = []
    slots: list[dict[str, str]] = []
    pending: dict[str, str] = {}
    result: dict[str, str] = {}
    notice: str = ""
    error: str = ""
    _staff_of: dict[str, list[dict[str, str]]] = {}
    _timezone: str = "Europe/Amsterdam"

    @rx.event
    def load(self):
        """Start over at step 1; strangers go to the log-in page."""
        actor, business = open_customer_page(self)
        if actor is None:
            return rx.redirect(LOGIN)
        locale = self.locale
        with session_scope() as session:
            choices = booking.bookable_services(session, actor)
        self._timezone = business.timezone
        self.services = [
            {
                "id": str(c.id),
                "name": c.name,
                "duration": text("appointment.duration", locale, minutes=c.duration_minutes),
                "price": format_money(c.price_cents, locale),
            }
            for c in choices
        ]
        self._staff_of = {
            str(c.id): [{"id": str(i), "name": n} for i, n in c.staff] for c in choices
        }
        tomorrow = local_today(business.timezone) + timedelta(days=1)
        self.min_day = tomorrow.isoformat()
        self.days = quick_days(business.timezone, locale)
        self.service_id = self.staff_id = ""
        self.staff, self.slots, self.pending, self.result = [], [], {}, {}
        self.day, self.day_title, self.notice, self.error = tomorrow.isoformat(), "", "", ""
        self.loaded = True
        return None

    @rx.event
    def pick_service(self, service_id: str):
        service_id = arg_text(service_id, 12)
        if service_id not in self._staff_of:
            return
        self.service_id = service_id
        self.staff = self._staff_of[service_id]
        self.staff_id = ""
        self.slots, self.pending, self.day_title, self.error = [], {}, "", ""

    @rx.event
    def pick_staff(self, staff_id: str):
        staff_id = arg_text(staff_id, 12)
        if staff_id != "any" and staff_id not in {s["id"] for s in self.staff}:
            return None
        self.staff_id = staff_id
        self.pending = {}
        return self._load_slots()

    @rx.event
    def pick_day(self, value: str):
        value = arg_text(value, 10)
        if not value:
            return None
        self.day = value
        self.pending = {}
        return self._load_slots()

    def _load_slots(self):
        if not self.service_id or not self.staff_id:
            return None
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
            return rx.redirect(LOGIN)
        locale, tz = self.locale, self._timezone
        self.error = ""
        try:
            day = parse_day(self.day)
            with session_scope() as session:
                pairs = booking.day_slots(
                    session,
                    actor,
                    clock(),
                    service_id=self.service_id,
                    staff_id=self.staff_id,
                    day=day,
                )
        except DomainError as error:
            self.slots, self.day_title = [], ""
            self.error = text(error.code, locale)
            return None
        names = {s["id"]: s["name"] for s in self.staff}
        self.day_title = long_day_label(day, locale)
        self.slots = [
            {
                "key": option_key(staff, start),
                "time": time_label(start, tz, locale),
                "when": format_when(start, tz, locale),
                "with": text("appointment.with", locale, staff=names.get(str(staff), "")),
                "staff": names.get(str(staff), ""),
            }
            for staff, start in pairs
        ]
        return None

    @rx.event
    def pick_slot(self, key: str):
        key = arg_text(key)
        slot = next((s for s in self.slots if s["key"] == key), None)
        if slot is None:
            return
        service = next(s for s in self.services if s["id"] == self.service_id)
        self.pending = {**slot, "service": service["name"], "price": service["price"]}

    @rx.event
    def change_slot(self):
        self.pending = {}

    @rx.event
    def confirm(self):
        """Book the chosen time; SlotTaken shows the times that are free now."""
        key = self.pending.get("key", "")
        if not key:
            return None
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
            return rx.redirect(LOGIN)
        staff, start = split_key(key)
        self.notice = self.error = ""
        try:
            with session_scope(write_lock=True) as session:
                appointment = booking.book(
                    session,
                    actor,
                    clock(),
                    service_id=self.service_id,
                    staff_id=staff,
                    start=start,
                    public_url=settings().public_url,
                )
                session.flush()
                view = customer_appointment(session, actor, appointment.id)
        except SlotTaken:
            self.pending = {}
            self._load_slots()
            self.notice = text("reschedule.slot_taken", self.locale)
            return None
        except DomainError as error:
            self.error = text(error.code, self.locale)
            return None
        self.result = _confirmation(view, self._timezone, self.locale)
        self.pending, self.slots = {}, []
        return None

    @rx.event
    def again(self):
        return BookState.load
