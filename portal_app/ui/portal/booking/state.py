"""Self-booking: service, staff member (or anyone), a day of the week, a time, confirm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.catalog import text
from portal_app.core.locale import format_day, format_long_day, format_money, local_date
from portal_app.core.parsing import Day, Id, Text
from portal_app.domain.appointments import service as appointments
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.times import booking_times, booking_week, services_for_booking
from portal_app.domain.business.views import BookableService
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.confirmation import Confirmation
from portal_app.ui.kit.times import TimeButton, TimeGroup, find_time, group_times, split_key

ANYONE = "any"


@dataclass(frozen=True)
class ServiceButton:
    id: int
    name: str
    facts: str  # "45 min · € 45,00"
    description: str


@dataclass(frozen=True)
class StaffButton:
    id: str
    name: str


@dataclass(frozen=True)
class DayButton:
    value: str  # YYYY-MM-DD
    label: str
    hint: str  # "3 vrij" or "vol"
    free: bool


@dataclass(frozen=True)
class PendingBooking:
    key: str
    service: str
    when: str
    staff: str
    price: str


class BookState(SessionState):
    loaded: bool = False
    services: list[ServiceButton] = []
    staff: list[StaffButton] = []
    service_id: int = 0
    staff_id: str = ""
    week_start: str = ""
    can_go_back: bool = False
    days: list[DayButton] = []
    day: str = ""
    day_title: str = ""
    times: list[TimeGroup] = []
    pending: PendingBooking | None = None
    result: Confirmation | None = None
    _offer: dict[int, BookableService] = {}

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """Start at step 1 with the services that can be booked."""
        offer = services_for_booking(context(), actor)
        self._offer = {service.id: service for service in offer}
        self.services = [
            ServiceButton(
                s.id,
                s.name,
                text("appointment.duration", actor.locale, minutes=s.duration_minutes)
                + " · "
                + format_money(s.price_cents, actor.locale),
                s.description,
            )
            for s in offer
        ]
        self.service_id, self.staff_id, self.staff = 0, "", []
        self.days, self.times, self.day, self.day_title = [], [], "", ""
        self.pending, self.result, self.loaded = None, None, True

    @guarded(CUSTOMERS)
    def pick_service(self, actor: Actor, service_id: Annotated[int, Id()]):
        """Step 2: who performs it."""
        chosen = self._offer.get(service_id)
        if chosen is None:
            return
        self.service_id = service_id
        self.staff = [StaffButton(str(member.id), member.name) for member in chosen.staff]
        self.staff_id, self.days, self.times, self.day, self.day_title = "", [], [], "", ""
        self.pending = None

    @guarded(CUSTOMERS)
    def pick_staff(self, actor: Actor, staff_id: Annotated[str, Text(12)]):
        """Step 3: the days of this week with free times; the first free one is chosen."""
        if staff_id != ANYONE and staff_id not in {member.id for member in self.staff}:
            return
        self.staff_id, self.pending = staff_id, None
        today = local_date(context().clock.now(), actor.timezone)
        self._show_week(actor, today, choose_first=True)

    @guarded(CUSTOMERS)
    def next_week(self, actor: Actor):
        """The seven days after the ones shown."""
        if self.week_start:
            self._show_week(actor, date.fromisoformat(self.week_start) + timedelta(days=7))

    @guarded(CUSTOMERS)
    def previous_week(self, actor: Actor):
        """The seven days before the ones shown (never before today)."""
        if self.week_start:
            self._show_week(actor, date.fromisoformat(self.week_start) - timedelta(days=7))

    def _show_week(self, actor: Actor, first: date, choose_first: bool = False) -> None:
        if not self.service_id or not self.staff_id:
            return
        week = booking_week(
            context(),
            actor,
            service_id=self.service_id,
            staff_id=self.staff_id,
            first_day=first,
        )
        today = local_date(context().clock.now(), actor.timezone)
        self.week_start = week[0].day.isoformat()
        self.can_go_back = week[0].day > today
        self.days = [
            DayButton(
                value=d.day.isoformat(),
                label=format_day(d.day, actor.locale),
                hint=self._t("book.day_free", count=d.free) if d.free else self._t("book.day_full"),
                free=d.free > 0,
            )
            for d in week
        ]
        if choose_first:
            first_free = next((d for d in week if d.free), None)
            if first_free is not None:
                self._show_day(actor, first_free.day)

    @guarded(CUSTOMERS)
    def pick_day(self, actor: Actor, day: Annotated[str, Day()]):
        """The free times of one day (a day button or the date field)."""
        self.pending = None
        self._show_day(actor, day)

    def _show_day(self, actor: Actor, day: date) -> None:
        if not self.service_id or not self.staff_id:
            return
        self.day = day.isoformat()
        self.day_title = format_long_day(day, actor.locale)
        options = booking_times(
            context(), actor, service_id=self.service_id, staff_id=self.staff_id, day=day
        )
        self.times = group_times(options, actor)

    @guarded(CUSTOMERS)
    def pick_time(self, actor: Actor, key: Annotated[str, Text(80)]):
        """Step 4: ask to confirm the chosen time."""
        chosen: TimeButton | None = find_time(self.times, key)
        service = self._offer.get(self.service_id)
        if chosen is None or service is None:
            return
        self.pending = PendingBooking(
            key=chosen.key,
            service=service.name,
            when=chosen.when,
            staff=chosen.staff,
            price=format_money(service.price_cents, actor.locale),
        )

    @guarded(CUSTOMERS)
    def change_time(self, actor: Actor):
        """Back to the times."""
        self.pending = None

    @guarded(CUSTOMERS)
    def confirm(self, actor: Actor):
        """Book the chosen time; when it was just taken, show the times free now."""
        if self.pending is None:
            return
        staff, start = split_key(self.pending.key)
        try:
            booked = appointments.book(
                context(), actor, service_id=self.service_id, staff_id=staff, start=start
            )
        except SlotTaken:
            self.pending = None
            self._show_day(actor, date.fromisoformat(self.day))
            self.notice = self._t("reschedule.slot_taken")
            return
        self.result = Confirmation.of(booked, actor)
        self.pending, self.times, self.days = None, [], []
