"""The staff customer page: contact details and four paged lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import OFFICE, Actor
from portal_app.core.catalog import text
from portal_app.core.errors import NotFound
from portal_app.core.locale import LANGUAGE_NAMES, format_when, normalise_locale
from portal_app.core.paging import Page, PageNumber
from portal_app.domain.backoffice import customer_record as record
from portal_app.domain.backoffice.views import CustomerRecord, InvitationLine, TaskView
from portal_app.domain.customers.details import CustomerDetails
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.kit.messages import MessageRow

INVITATION_STATES = ("open", "booked", "declined", "no_options")
TASK_KINDS = ("options_declined", "no_options", "credit_invoice", "approve_request")


@dataclass(frozen=True)
class CustomerPanel:
    """The contact details as the page shows them (a dash for what is not known)."""

    id: int
    name: str
    email: str
    phone: str
    channel: str
    language: str
    address: str
    edit_href: str

    @classmethod
    def of(cls, customer_id: int, details: CustomerDetails, locale: str) -> CustomerPanel:
        """The panel of a customer's details, in the viewer's language."""
        place = " ".join(part for part in (details.postcode, details.city) if part)
        address = ", ".join(part for part in (details.street, place) if part)
        return cls(
            id=customer_id,
            name=details.name,
            email=details.email,
            phone=details.mobile,
            channel=text(f"channel.{details.preferred_channel}", locale),
            language=LANGUAGE_NAMES[normalise_locale(details.locale)],
            address=address or "—",
            edit_href=paths.edit_customer(customer_id),
        )


@dataclass(frozen=True)
class InvitationRow:
    id: int
    service: str
    status: str
    status_label: str
    when: str

    @classmethod
    def of(cls, line: InvitationLine, actor: Actor) -> InvitationRow:
        """The row of an invitation, its status in words."""
        status = line.status if line.status in INVITATION_STATES else "open"
        when = format_when(line.created_at, actor.timezone, actor.locale)
        return cls(
            id=line.id,
            service=line.service_name,
            status=status,
            status_label=text(f"staff_customers.invitation.{status}", actor.locale),
            when=text("staff_customers.invited", actor.locale, when=when),
        )


@dataclass(frozen=True)
class TaskRow:
    id: int
    kind: str
    service: str
    is_open: bool
    status_label: str
    when: str
    appointment_href: str

    @classmethod
    def of(cls, task: TaskView, actor: Actor) -> TaskRow:
        """The row of a task: what, for which service, open or resolved, since when."""
        kind = task.kind if task.kind in TASK_KINDS else "no_options"
        status = "open" if task.status == "open" else "resolved"
        when = format_when(task.created_at, actor.timezone, actor.locale)
        return cls(
            id=task.id,
            kind=text(f"backoffice.kind.{kind}", actor.locale),
            service=task.service_name or "—",
            is_open=status == "open",
            status_label=text(f"staff_customers.task.{status}", actor.locale),
            when=text("staff_customers.task_created", actor.locale, when=when),
            appointment_href=paths.staff_appointment(task.appointment_id)
            if task.appointment_id
            else "",
        )


class CustomerRecordState(SessionState):
    screen: str = "loading"  # loading | found | not_found
    customer: CustomerPanel | None = None
    appointments: list[AppointmentCard] = []
    appointments_number: int = 1
    appointments_more: bool = False
    invitations: list[InvitationRow] = []
    invitations_number: int = 1
    invitations_more: bool = False
    tasks: list[TaskRow] = []
    tasks_number: int = 1
    tasks_more: bool = False
    messages: list[MessageRow] = []
    messages_number: int = 1
    messages_more: bool = False

    def _customer_id(self) -> str:
        return self._route_param("customer_id")

    def _appointments(self, page: Page, actor: Actor) -> None:
        self.appointments = [AppointmentCard.of(view, actor) for view in page.items]
        self.appointments_number, self.appointments_more = page.number, page.has_next

    def _invitations(self, page: Page, actor: Actor) -> None:
        self.invitations = [InvitationRow.of(line, actor) for line in page.items]
        self.invitations_number, self.invitations_more = page.number, page.has_next

    def _tasks(self, page: Page, actor: Actor) -> None:
        self.tasks = [TaskRow.of(task, actor) for task in page.items]
        self.tasks_number, self.tasks_more = page.number, page.has_next

    def _messages(self, page: Page, actor: Actor) -> None:
        self.messages = [MessageRow.of(line, actor) for line in page.items]
        self.messages_number, self.messages_more = page.number, page.has_next

    def _show(self, found: CustomerRecord, actor: Actor) -> None:
        self.customer = CustomerPanel.of(found.id, found.details, actor.locale)
        self._appointments(found.appointments, actor)
        self._invitations(found.invitations, actor)
        self._tasks(found.tasks, actor)
        self._messages(found.messages, actor)
        self.screen = "found"

    @guarded(OFFICE, load=True)
    def load(self, actor: Actor):
        """The customer of the route with the first page of each list."""
        self.screen, self.customer = "loading", None
        try:
            found = record.customer_record(context(), actor, customer_id=self._customer_id())
        except NotFound:
            self.screen = "not_found"
            return
        self._show(found, actor)

    @guarded(OFFICE)
    def appointments_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the appointments."""
        page = record.appointments_page(
            context(), actor, customer_id=self._customer_id(), number=number
        )
        self._appointments(page, actor)

    @guarded(OFFICE)
    def invitations_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the invitations."""
        page = record.invitations_page(
            context(), actor, customer_id=self._customer_id(), number=number
        )
        self._invitations(page, actor)

    @guarded(OFFICE)
    def tasks_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the tasks."""
        page = record.tasks_page(context(), actor, customer_id=self._customer_id(), number=number)
        self._tasks(page, actor)

    @guarded(OFFICE)
    def messages_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the messages."""
        page = record.messages_page(
            context(), actor, customer_id=self._customer_id(), number=number
        )
        self._messages(page, actor)
