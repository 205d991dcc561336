"""The appointments list and one appointment's page (cancel after confirming)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.catalog import text
from portal_app.core.context import APPOINTMENTS as CHANGED_APPOINTMENTS
from portal_app.core.errors import DomainError, NotFound
from portal_app.core.locale import format_short_when, format_when
from portal_app.core.paging import PageNumber, PageRequest
from portal_app.domain.appointments import service as appointments
from portal_app.domain.appointments.queries import (
    customer_appointment,
    customer_history,
    customer_upcoming,
)
from portal_app.domain.appointments.views import AppointmentDetail
from portal_app.domain.business.wording import in_language
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.kit.effects import told_lines
from portal_app.ui.live import customer_key, live_page, refresh_as_viewer, watch

# Which calendar file the page offers: the event while it stands, its cancellation once
# it is cancelled, none once it is over.
CALENDAR_OFFER = {
    "requested": "add",
    "booked": "add",
    "rescheduled": "add",
    "cancelled": "remove",
}


# Ten past appointments per page: three phone screens of cards, newest first.
HISTORY_ROWS = 10


@live_page(paths.APPOINTMENTS)
class AppointmentsState(SessionState):
    upcoming: list[AppointmentCard] = []
    history: list[AppointmentCard] = []
    page_number: int = 1
    has_next_page: bool = False

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """Upcoming appointments and the first page of the history, kept live."""
        self._upcoming(actor)
        self._history(actor, 1)
        watch(self, customer_key(CHANGED_APPOINTMENTS, actor.id))

    def _live_refresh(self) -> bool:
        """The business answered or changed something: show it without a reload."""
        return refresh_as_viewer(self, CUSTOMERS, self._refresh)

    def _refresh(self, actor: Actor) -> None:
        self._upcoming(actor)
        self._history(actor, self.page_number)

    def _upcoming(self, actor: Actor) -> None:
        self.upcoming = [AppointmentCard.of(v, actor) for v in customer_upcoming(context(), actor)]

    @guarded(CUSTOMERS)
    def history_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the history."""
        self._history(actor, number)

    def _history(self, actor: Actor, number: int) -> None:
        page = customer_history(context(), actor, PageRequest.clamp(number, HISTORY_ROWS))
        self.history = [AppointmentCard.of(v, actor) for v in page.items]
        self.page_number, self.has_next_page = page.number, page.has_next


@dataclass(frozen=True)
class AppointmentPage:
    """The detail page of one appointment: the card plus what may still change."""

    card: AppointmentCard
    location: str
    video_url: str
    ics_url: str
    reschedule_href: str
    cancelled: bool
    can_reschedule: bool
    can_cancel: bool
    reschedule_until: str
    cancel_until: str
    too_late: str
    calendar: str  # add | remove | none: the file to offer, if any
    cancel_what: str
    cancel_effects: list[str]

    @classmethod
    def of(cls, detail: AppointmentDetail, actor: Actor) -> AppointmentPage:
        """Everything the page says, in the customer's language and the business's time."""
        view, business, locale = detail.appointment, detail.business, actor.locale

        def until(moment) -> str:
            return format_short_when(moment, actor.timezone, locale) if moment else ""

        live = detail.reschedule_until is not None or detail.cancel_until is not None
        stuck = live and not (detail.can_reschedule or detail.can_cancel)
        return cls(
            card=AppointmentCard.of(view, actor),
            location=view.location,
            video_url=view.video_url,
            ics_url=paths.appointment_ics(view.id),
            reschedule_href=paths.reschedule(view.id),
            cancelled=view.status == "cancelled",
            can_reschedule=detail.can_reschedule,
            can_cancel=detail.can_cancel,
            reschedule_until=text(
                "detail.reschedule_until", locale, when=until(detail.reschedule_until)
            )
            if detail.can_reschedule
            else "",
            cancel_until=text("detail.cancel_until", locale, when=until(detail.cancel_until))
            if detail.can_cancel
            else "",
            too_late=text(
                "detail.too_late",
                locale,
                business=business.name,
                phone=business.phone,
                email=business.email,
            )
            if stuck
            else "",
            calendar=CALENDAR_OFFER.get(view.status, "none"),
            cancel_what=text(
                "preview.cancel_what",
                locale,
                service=in_language(view.service_name, view.service_name_en, locale),
                when=format_when(view.start_utc, actor.timezone, locale),
            ),
            cancel_effects=told_lines(
                detail.channel, detail.business_told, business.name, locale, paid=view.paid
            ),
        )


class AppointmentState(SessionState):
    screen: str = "loading"  # loading | found | not_found
    detail: AppointmentPage | None = None

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The appointment of the route; someone else's is 'not found'."""
        self.screen, self.detail = "loading", None
        self._show(actor)

    def _show(self, actor: Actor) -> None:
        try:
            detail = customer_appointment(context(), actor, self._route_param("appointment_id"))
        except NotFound:
            self.screen, self.detail = "not_found", None
            return
        self.detail = AppointmentPage.of(detail, actor)
        self.screen = "found"

    @guarded(CUSTOMERS)
    def cancel(self, actor: Actor):
        """Cancel the appointment; a refusal says why and how to reach the business."""
        try:
            appointments.cancel(
                context(), actor, appointment_id=self._route_param("appointment_id")
            )
        except NotFound:
            self.screen, self.detail = "not_found", None
            return
        except DomainError:
            self._show(actor)  # e.g. it just became too late: show what is possible now
            raise
        self._show(actor)
        self.notice = self._t("detail.cancelled")
