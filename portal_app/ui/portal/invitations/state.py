"""The options of one invitation; choose one, ask for more, pick a date, or decline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.catalog import text
from portal_app.core.errors import NotFound
from portal_app.core.locale import format_long_day, format_money, format_when, local_date
from portal_app.core.parsing import Day, Text, form
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.views import OptionView
from portal_app.domain.business.queries import business_of
from portal_app.domain.invitations import service as invitations
from portal_app.domain.invitations.errors import NoMoreRounds
from portal_app.domain.invitations.views import InvitationView
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.confirmation import Confirmation
from portal_app.ui.kit.times import split_key

MESSAGE = Text(2000)


@dataclass(frozen=True)
class OptionCard:
    key: str
    when: str
    with_staff: str
    facts: str  # "45 min · € 45,00"

    @classmethod
    def of(cls, option: OptionView, actor: Actor) -> OptionCard:
        locale = actor.locale
        return cls(
            key=option.key,
            when=format_when(option.start_utc, actor.timezone, locale),
            with_staff=text("appointment.with", locale, staff=option.staff_name),
            facts=text("appointment.duration", locale, minutes=option.duration_minutes)
            + " · "
            + format_money(option.price_cents, locale),
        )


class InvitationState(SessionState):
    # loading | options | none | confirmed | declined | declined_before | booked | closed
    # | not_found
    screen: str = "loading"
    intro: str = ""
    heading: str = ""
    options: list[OptionCard] = []
    reason: str = ""
    can_more: bool = False
    can_date: bool = False
    date_open: bool = False
    decline_open: bool = False
    confirmation: Confirmation | None = None
    booked_href: str = ""
    contact: str = ""
    min_day: str = ""

    def _invitation(self) -> str:
        return self._route_param("invitation_id")

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """Open the invitation of the route with this round's options."""
        self.screen, self.options, self.heading = "loading", [], ""
        self.date_open = self.decline_open = False
        self.confirmation, self.booked_href = None, ""
        ctx = context()
        business = business_of(ctx, actor)
        self.contact = self._t(
            "booking.contact", business=business.name, phone=business.phone, email=business.email
        )
        tomorrow = local_date(ctx.clock.now(), actor.timezone) + timedelta(days=1)
        self.min_day = tomorrow.isoformat()
        self._show(actor)

    def _show(self, actor: Actor, *, more: bool = False, day: date | None = None) -> None:
        try:
            view = invitations.show_options(
                context(), actor, invitation_id=self._invitation(), more=more, preferred_date=day
            )
        except NotFound:
            self.screen = "not_found"
            return
        except NoMoreRounds as refusal:
            self.can_more = False
            self.notice = self._t(refusal.code)
            return
        self._present(view, actor)

    def _present(self, view: InvitationView, actor: Actor) -> None:
        self.intro = self._t("invite.intro", service=view.service_name)
        self.can_more, self.can_date = view.can_request_more, view.can_choose_date
        if view.status == "booked":
            self.screen = "booked"
            self.booked_href = paths.appointment(view.appointment_id) if view.appointment_id else ""
            return
        if view.status == "declined":
            self.screen = "declined_before"
            return
        if view.status != "open":
            self.screen = "closed"
            return
        self.options = [OptionCard.of(option, actor) for option in view.options]
        if self.options:
            self.screen, self.reason = "options", ""
        else:
            self.screen = "none"
            self.reason = self._t(f"reason.{view.reason or 'fully_booked'}")

    @guarded(CUSTOMERS)
    def choose(self, actor: Actor, key: Annotated[str, Text(80)]):
        """Book one of the options on screen; when it was just taken, show fresh ones."""
        if key not in {option.key for option in self.options}:
            self.error = self._t("error.bad_time")
            return
        staff, start = split_key(key)
        try:
            booked = invitations.book_option(
                context(), actor, invitation_id=self._invitation(), staff_id=staff, start=start
            )
        except SlotTaken as taken:
            self._show(actor)
            self.notice = self._t(taken.code)
            return
        except NotFound:
            self.screen = "not_found"
            return
        self.confirmation = Confirmation.of(booked, actor)
        self.screen, self.options = "confirmed", []

    @guarded(CUSTOMERS)
    def more(self, actor: Actor):
        """The next round of options (never the ones shown before)."""
        self.heading = ""
        self._show(actor, more=True)

    @guarded(CUSTOMERS)
    def toggle_date(self, actor: Actor):
        """Open or close the preferred-date form."""
        self.date_open, self.decline_open = not self.date_open, False

    @guarded(CUSTOMERS)
    def options_for_day(self, actor: Actor, data: Annotated[dict, form(day=Day())]):
        """Options on or around the chosen date."""
        chosen = data["day"]
        self._show(actor, day=chosen)
        self.heading = self._t("invite.around_date", day=format_long_day(chosen, actor.locale))
        self.date_open = False

    @guarded(CUSTOMERS)
    def toggle_decline(self, actor: Actor):
        """Open or close the 'these options don't suit me' form."""
        self.decline_open, self.date_open = not self.decline_open, False

    @guarded(CUSTOMERS)
    def decline(self, actor: Actor, data: Annotated[dict, form(message=MESSAGE)]):
        """'These options don't suit me': the message goes to the back-office."""
        try:
            invitations.decline_options(
                context(), actor, invitation_id=self._invitation(), message=data["message"]
            )
        except NotFound:
            self.screen = "not_found"
            return
        self.screen, self.options, self.decline_open = "declined", [], False
