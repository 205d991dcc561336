"""The staff appointment page: each handler makes one service call and shows its answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import ALL_STAFF, OFFICE, Actor
from portal_app.core.catalog import text
from portal_app.core.errors import NotFound
from portal_app.core.locale import format_long_day, local_date
from portal_app.core.paging import PageNumber
from portal_app.core.parsing import Day, Text
from portal_app.domain.appointments import staff_queries, staff_service
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.views import StaffAppointmentDetail
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.kit.messages import MessageRow
from portal_app.ui.kit.times import TimeButton, TimeGroup, find_time, group_times, split_key
from portal_app.ui.staff.overview.state import ActivityLine


def told_by(channel: str, locale: str) -> str:
    """'per sms' / 'by e-mail': how the customer hears of a change."""
    return text(f"staff_appointment.by_{'sms' if channel == 'sms' else 'email'}", locale)


@dataclass(frozen=True)
class StaffAppointmentPage:
    """What the page says about the appointment and what the viewer may do with it."""

    card: AppointmentCard
    customer_href: str  # '' for a mechanic: no customer pages
    email: str
    phone: str
    location: str
    told: str
    can_change: bool
    can_finish: bool
    awaits_approval: bool
    shows_messages: bool

    @classmethod
    def of(cls, detail: StaffAppointmentDetail, actor: Actor) -> StaffAppointmentPage:
        """The page of a detail, in the viewer's language and business time zone."""
        view = detail.appointment
        return cls(
            card=AppointmentCard.of(view, actor),
            customer_href=paths.staff_customer(detail.customer_id) if detail.customer_id else "",
            email=detail.customer_email,
            phone=detail.customer_phone,
            location=view.location or view.video_url,
            told=text(
                "staff_appointment.told",
                actor.locale,
                name=view.customer_name,
                by=told_by(detail.channel, actor.locale),
            ),
            can_change=detail.can_change,
            can_finish=detail.can_finish,
            awaits_approval=detail.awaits_approval,
            shows_messages=detail.messages is not None,
        )


class StaffAppointmentState(SessionState):
    screen: str = "loading"  # loading | found | not_found
    detail: StaffAppointmentPage | None = None
    channel: str = ""
    history: list[ActivityLine] = []
    history_number: int = 1
    history_more: bool = False
    messages: list[MessageRow] = []
    messages_number: int = 1
    messages_more: bool = False
    moving: str = ""  # '' | pick | confirm
    move_intro: str = ""
    move_day: str = ""
    move_min_day: str = ""
    move_day_title: str = ""
    move_times: list[TimeGroup] = []
    move_pending: TimeButton | None = None
    move_title: str = ""

    def _appointment_id(self) -> str:
        return self._route_param("appointment_id")

    def _show(self, detail: StaffAppointmentDetail, actor: Actor) -> None:
        self.detail = StaffAppointmentPage.of(detail, actor)
        self.channel = detail.channel
        self.history = [ActivityLine.of(entry, actor) for entry in detail.history.items]
        self.history_number, self.history_more = detail.history.number, detail.history.has_next
        messages = detail.messages
        self.messages = [MessageRow.of(m, actor) for m in messages.items] if messages else []
        self.messages_number = messages.number if messages else 1
        self.messages_more = messages.has_next if messages else False
        self.moving, self.move_times, self.move_pending = "", [], None
        self.screen, self.error = "found", ""

    def _done(self, key: str, actor: Actor, **values: str) -> None:
        name = self.detail.card.customer if self.detail else ""
        self.notice = self._t(key, name=name, by=told_by(self.channel, actor.locale), **values)

    @guarded(ALL_STAFF, load=True)
    def load(self, actor: Actor):
        """The appointment of the route (a mechanic: only their own), its history and its
        messages."""
        self.screen, self.detail = "loading", None
        try:
            detail = staff_queries.staff_appointment(
                context(), actor, appointment_id=self._appointment_id()
            )
        except NotFound:
            self.screen = "not_found"
            return
        self._show(detail, actor)

    @guarded(ALL_STAFF)
    def history_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the history."""
        page = staff_queries.history_page(
            context(), actor, appointment_id=self._appointment_id(), number=number
        )
        self.history = [ActivityLine.of(entry, actor) for entry in page.items]
        self.history_number, self.history_more = page.number, page.has_next

    @guarded(OFFICE)
    def messages_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the messages."""
        page = staff_queries.messages_page(
            context(), actor, appointment_id=self._appointment_id(), number=number
        )
        self.messages = [MessageRow.of(m, actor) for m in page.items]
        self.messages_number, self.messages_more = page.number, page.has_next

    def _times(self, actor: Actor, day) -> None:
        ctx = context()
        screen = staff_queries.move_times(
            ctx, actor, appointment_id=self._appointment_id(), day=day
        )
        self.move_intro = self._t("staff_appointment.move_intro", staff=screen.current.staff_name)
        self.move_min_day = local_date(ctx.clock.now(), actor.timezone).isoformat()
        self.move_day = screen.day.isoformat()
        self.move_day_title = format_long_day(screen.day, actor.locale)
        self.move_times = group_times(screen.times, actor)
        self.move_pending, self.moving = None, "pick"

    @guarded(OFFICE)
    def start_move(self, actor: Actor):
        """Show the free times of the same staff member, from the appointment's own day."""
        self.notice = self.error = ""
        self._times(actor, None)

    @guarded(OFFICE)
    def pick_day(self, actor: Actor, day: Annotated[str, Day()]):
        """The free times of another day."""
        if self.moving:
            self._times(actor, day)

    @guarded(OFFICE)
    def pick_time(self, actor: Actor, key: Annotated[str, Text(80)]):
        """Ask to confirm one of the times on screen."""
        chosen = find_time(self.move_times, key)
        if chosen is None or self.moving != "pick":
            return
        self.move_pending, self.moving = chosen, "confirm"
        self.move_title = self._t("staff_appointment.move_confirm_title", when=chosen.when)

    @guarded(OFFICE)
    def change_time(self, actor: Actor):
        """Back to the times."""
        if self.moving == "confirm":
            self.move_pending, self.moving = None, "pick"

    @guarded(OFFICE)
    def stop_move(self, actor: Actor):
        """Close the times without moving."""
        self.moving, self.move_times, self.move_pending = "", [], None

    @guarded(OFFICE)
    def confirm_move(self, actor: Actor):
        """Move it; when the time was just taken, say so and show the times free now."""
        if self.move_pending is None or self.moving != "confirm":
            return
        _staff, start = split_key(self.move_pending.key)
        try:
            detail = staff_service.move(
                context(), actor, appointment_id=self._appointment_id(), start=start
            )
        except SlotTaken:
            self._times(actor, self.move_day)
            self.error = self._t("staff_appointment.slot_taken")
            return
        self._show(detail, actor)
        self._done("staff_appointment.moved", actor, when=self.detail.card.when)

    @guarded(OFFICE)
    def cancel(self, actor: Actor):
        """Cancel the appointment; the customer is told."""
        detail = staff_service.cancel(context(), actor, appointment_id=self._appointment_id())
        self._show(detail, actor)
        self._done("staff_appointment.cancelled", actor)

    @guarded(ALL_STAFF)
    def mark_done(self, actor: Actor):
        """The appointment took place; the customer gets a thank-you."""
        detail = staff_service.mark_done(context(), actor, appointment_id=self._appointment_id())
        self._show(detail, actor)
        self._done("staff_appointment.marked_done", actor)

    @guarded(ALL_STAFF)
    def mark_no_show(self, actor: Actor):
        """The customer did not come; they are told how to book again."""
        detail = staff_service.mark_no_show(context(), actor, appointment_id=self._appointment_id())
        self._show(detail, actor)
        self._done("staff_appointment.marked_no_show", actor)
