"""One appointment of the customer: detail, cancel (confirm first) and reschedule (seed 003)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import reflex as rx

from portal_app.domain import booking
from portal_app.domain.appointment_queries import business_view, customer_appointment
from portal_app.domain.booking_rules import SlotTaken, own_appointment, parse_day
from portal_app.domain.errors import DomainError, NotFound
from portal_app.infra.database import session_scope
from portal_app.ui.states.booking_common import (
    arg_text,
    contact_sentence,
    customer_actor,
    detail_data,
    local_today,
    long_day_label,
    open_customer_page,
    option_key,
    route_param,
    split_key,
    time_label,
)
from portal_app.ui.states.session_state import SessionState
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import format_when
from portal_app.web.runtime import clock, settings

LOGIN = "/portal/login"


class AppointmentState(SessionState):
    """The detail view; cancel after a confirm dialog."""

    screen: str = "loading"  # loading | found | not_found
    detail: dict[str, str] = {}
    can_change: bool = False
    refusal: str = ""
    done: str = ""
    _appointment: str = ""

    @rx.event
    def load(self):
        self.screen, self.detail, self.refusal, self.done = "loading", {}, "", ""
        actor, _business = open_customer_page(self)
        if actor is None:
            return rx.redirect(LOGIN)
        self._appointment = route_param(self, "appointment_id")
        self._refresh(actor)
        return None

    def _refresh(self, actor) -> None:
        try:
            with session_scope() as session:
                view = customer_appointment(session, actor, self._appointment)
                business = business_view(session, actor.business_id)
        except NotFound:
            self.screen, self.detail, self.can_change = "not_found", {}, False
            return
        self.detail = detail_data(view, business.timezone, self.locale)
        self.can_change = view.status in booking.CHANGEABLE and view.start_utc > clock().now()
        self.screen = "found"

    @rx.event
    def cancel(self):
        """Cancel the appointment; a refusal says why and how to reach the business."""
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
            return rx.redirect(LOGIN)
        self.refusal = self.done = ""
        try:
            with session_scope(write_lock=True) as session:
                booking.cancel(
                    session,
                    actor,
                    clock(),
                    appointment_id=self._appointment,
                    public_url=settings().public_url,
                )
        except NotFound:
            self.screen, self.detail = "not_found", {}
            return None
        except DomainError as error:
            with session_scope() as session:
                business = business_view(session, actor.business_id)
            self.refusal = (
                text(error.code, self.locale) + " " + contact_sentence(business, self.locale)
            )
            return None
        self._refresh(actor)
        self.done = text("detail.cancelled", self.locale)
        return None


class RescheduleState(SessionState):
    """Move an appointment to another free time of the same staff member."""

    screen: str = "loading"  # loading | not_found | refused | pick | confirm | done
    current: dict[str, str] = {}
    intro: str = ""
    refusal: str = ""
    day: str = ""
    min_day: str = ""
    day_title: str = ""
    slots: list[dict[str, str]] = []
    pending: dict[str, str] = {}
    confirm_title: str = ""
    done_text: str = ""
    notice: str = ""
    error: str = ""
    _appointment: str = ""
    _timezone: str = "Europe/Amsterdam"

    @rx.event
    def load(self):
        self.screen, self.slots, self.pending, self.notice, self.error = "loading", [], {}, "", ""
        actor, business = open_customer_page(self)
        if actor is None:
            return rx.redirect(LOGIN)
        self._appointment = route_param(self, "appointment_id")
        self._timezone = business.timezone
        locale = self.locale
        try:
            with session_scope() as session:
                view = customer_appointment(session, actor, self._appointment)
                appointment = own_appointment(session, actor, self._appointment)
                self.current = detail_data(view, business.timezone, locale)
                booking.check_reschedule_allowed(session, appointment, clock().now())
        except NotFound:
            self.screen, self.current = "not_found", {}
            return None
        except DomainError as error:
            self.refusal = text(error.code, locale) + " " + contact_sentence(business, locale)
            self.screen = "refused"
            return None
        self.intro = text("reschedule.intro", locale, staff=view.staff_name)
        tomorrow = local_today(business.timezone) + timedelta(days=1)
        current_day = view.start_utc.astimezone(ZoneInfo(business.timezone)).date()
        self.min_day = tomorrow.isoformat()
        self.day = max(tomorrow, current_day).isoformat()
        self.screen = "pick"
        self._load_slots(actor)
        return None

    def _load_slots(self, actor) -> None:
        locale, tz = self.locale, self._timezone
        self.error = ""
        try:
            day = parse_day(self.day)
            with session_scope() as session:
                appointment = own_appointment(session, actor, self._appointment)
                current_start = appointment.start_utc
                # Every free time of the same staff member on that day; when the day is
                # full, the nearest options around it.
                starts = [
                    start
                    for _staff, start in booking.day_slots(
                        session,
                        actor,
                        clock(),
                        service_id=appointment.service_id,
                        staff_id=appointment.staff_id,
                        day=day,
                        ignore_appointment_id=appointment.id,
                    )
                ]
                if not [start for start in starts if start != current_start]:
                    starts = [
                        option.start_utc
                        for option in booking.find_options(
                            session,
                            actor,
                            clock(),
                            service_id=appointment.service_id,
                            staff_id=appointment.staff_id,
                            ignore_appointment_id=appointment.id,
                            preferred_date=day,
                            count=8,
                        ).options
                    ]
                staff_id = appointment.staff_id
        except NotFound:
            self.screen = "not_found"
            return
        except DomainError as error:
            self.slots, self.day_title = [], ""
            self.error = text(error.code, locale)
            return
        self.day_title = long_day_label(day, locale)
        self.slots = [
            {
                "key": option_key(staff_id, start),
                "time": time_label(start, tz, locale),
                "when": format_when(start, tz, locale),
            }
            for start in sorted(set(starts))
            if start != current_start
        ]

    @rx.event
    def pick_day(self, value: str):
        value = arg_text(value, 10)
        if not value or self.screen not in ("pick", "confirm"):
            return None
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
            return rx.redirect(LOGIN)
        self.day, self.pending, self.notice = value, {}, ""
        self.screen = "pick"
        self._load_slots(actor)
        return None

    @rx.event
    def pick_slot(self, key: str):
        key = arg_text(key)
        slot = next((s for s in self.slots if s["key"] == key), None)
        if slot is None or self.screen != "pick":
            return
        self.pending = slot
        self.confirm_title = text("reschedule.confirm_title", self.locale, when=slot["when"])
        self.screen = "confirm"

    @rx.event
    def change_slot(self):
        self.pending = {}
        if self.screen == "confirm":
            self.screen = "pick"

    @rx.event
    def confirm(self):
        """Move it; SlotTaken shows 'just taken' and the times that are free now."""
        key = self.pending.get("key", "")
        if not key or self.screen != "confirm":
            return None
        actor = customer_actor(self)
        if actor is None:
            self.signed_in = False
            return rx.redirect(LOGIN)
        _staff, start = split_key(key)
        locale = self.locale
        self.notice = self.error = ""
        try:
            with session_scope(write_lock=True) as session:
                booking.reschedule(
                    session,
                    actor,
                    clock(),
                    appointment_id=self._appointment,
                    start=start,
                    public_url=settings().public_url,
                )
                session.flush()
                view = customer_appointment(session, actor, self._appointment)
        except SlotTaken:
            self.pending, self.screen = {}, "pick"
            self._load_slots(actor)
            self.notice = text("reschedule.slot_taken", locale)
            return None
        except NotFound:
            self.screen = "not_found"
            return None
        except DomainError as error:
            with session_scope() as session:
                business = business_view(session, actor.business_id)
            self.refusal = text(error.code, locale) + " " + contact_sentence(business, locale)
            self.screen = "refused"
            return None
        self.current = detail_data(view, self._timezone, locale)
        self.done_text = text("reschedule.done_text", locale, when=self.current["when"])
        self.pending, self.slots, self.screen = {}, [], "done"
        return None
