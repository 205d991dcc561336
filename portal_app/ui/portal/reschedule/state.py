"""Reschedule: pick a day, see the free times of the same staff member, confirm."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.errors import DomainError, NotFound
from portal_app.core.locale import format_long_day, local_date
from portal_app.core.parsing import Day, Text
from portal_app.domain.appointments import service as appointments
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.times import reschedule_screen
from portal_app.domain.business.queries import business_of
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.kit.effects import told_lines
from portal_app.ui.kit.times import TimeButton, TimeGroup, find_time, group_times, split_key


class RescheduleState(SessionState):
    screen: str = "loading"  # loading | not_found | refused | pick | confirm | done
    current: AppointmentCard | None = None
    intro: str = ""
    refusal: str = ""
    day: str = ""
    min_day: str = ""
    day_title: str = ""
    times: list[TimeGroup] = []
    pending: TimeButton | None = None
    done_text: str = ""
    # What confirming does: who is told, and how.
    effects: list[str] = []

    def _appointment_id(self) -> str:
        return self._route_param("appointment_id")

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The appointment and the free times on its own day (or tomorrow)."""
        self.screen, self.times, self.pending, self.current = "loading", [], None, None
        self._show(actor, None)

    def _show(self, actor: Actor, day) -> None:
        ctx = context()
        try:
            screen = reschedule_screen(ctx, actor, appointment_id=self._appointment_id(), day=day)
        except NotFound:
            self.screen, self.current = "not_found", None
            return
        except DomainError as refusal:
            business = business_of(ctx, actor)
            contact = self._t(
                "booking.contact",
                business=business.name,
                phone=business.phone,
                email=business.email,
            )
            self.refusal = f"{self._t(refusal.code)} {contact}"
            self.screen = "refused"
            return
        self.current = AppointmentCard.of(screen.current, actor)
        self.effects = told_lines(
            screen.channel, screen.business_told, self.business_name, actor.locale
        )
        self.intro = self._t("reschedule.intro", staff=screen.current.staff_name)
        tomorrow = local_date(ctx.clock.now(), actor.timezone) + timedelta(days=1)
        self.min_day = tomorrow.isoformat()
        self.day = screen.day.isoformat()
        self.day_title = format_long_day(screen.day, actor.locale)
        self.times = group_times(screen.times, actor)
        self.screen = "pick"

    @guarded(CUSTOMERS)
    def pick_day(self, actor: Actor, day: Annotated[str, Day()]):
        """Show the free times of another day."""
        if self.screen not in ("pick", "confirm"):
            return
        self.pending, self.notice = None, ""
        self._show(actor, day)

    @guarded(CUSTOMERS)
    def pick_time(self, actor: Actor, key: Annotated[str, Text(80)]):
        """Ask to confirm one of the times on screen."""
        chosen = find_time(self.times, key)
        if chosen is None or self.screen != "pick":
            return
        self.pending = chosen
        self.screen = "confirm"

    @guarded(CUSTOMERS)
    def change_time(self, actor: Actor):
        """Back to the times."""
        self.pending = None
        if self.screen == "confirm":
            self.screen = "pick"

    @guarded(CUSTOMERS)
    def confirm(self, actor: Actor):
        """Move it; when the time was just taken, say so and show the times free now."""
        if self.pending is None or self.screen != "confirm":
            return
        _staff, start = split_key(self.pending.key)
        try:
            moved = appointments.reschedule(
                context(), actor, appointment_id=self._appointment_id(), start=start
            )
        except SlotTaken:
            self.pending = None
            self._show(actor, self.day)
            self.notice = self._t("reschedule.slot_taken")
            return
        except NotFound:
            self.screen = "not_found"
            return
        except DomainError:
            self.pending = None
            self._show(actor, self.day)  # refused now (too late): the page says why
            if self.screen != "refused":
                raise
            return
        self.current = AppointmentCard.of(moved, actor)
        self.done_text = self._t("reschedule.done_text", when=self.current.when)
        self.pending, self.times, self.screen = None, [], "done"
