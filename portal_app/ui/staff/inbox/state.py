"""The back-office inbox.

Every handler re-reads the actor from the session cookie; ids from the browser are only
passed on to the services, which check the business and the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import OFFICE, Actor
from portal_app.core.locale import format_when
from portal_app.core.paging import PageNumber, PageRequest
from portal_app.core.parsing import Choice, Flag, Id
from portal_app.domain.backoffice import service as inbox
from portal_app.domain.backoffice.queries import STATUSES, assignable_staff, list_tasks
from portal_app.domain.backoffice.views import TaskView
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded

KINDS = ("options_declined", "no_options", "credit_invoice", "approve_request")
REASONS = ("fully_booked", "outside_service_area", "no_qualified_staff", "beyond_horizon")
NOBODY = "none"


@dataclass(frozen=True)
class TaskCard:
    id: int
    kind: str  # the page shows the kind's label and hint from the catalog it holds
    customer: str
    email: str
    phone: str
    service: str
    when: str
    created: str
    resolved: str
    reason_key: str  # why no options were found (its catalog text), or ""
    message: str
    assigned: str  # the assignee's name, or "" for nobody
    assignee_id: str
    is_request: bool
    is_open: bool
    customer_href: str
    appointment_href: str

    @classmethod
    def of(cls, task: TaskView, actor: Actor) -> TaskCard:
        """The card of a task; texts that only depend on the kind or reason are looked
        up by the page in its catalog, not sent with every card."""
        locale, zone = actor.locale, actor.timezone
        reason_key = ""
        if task.kind == "no_options" or task.reason:
            reason_key = task.reason if task.reason in REASONS else "unknown"
        return cls(
            id=task.id,
            kind=task.kind if task.kind in KINDS else "no_options",
            customer=task.customer_name or "—",
            email=task.customer_email,
            phone=task.customer_phone,
            service=task.service_name or "—",
            when=format_when(task.appointment_start, zone, locale)
            if task.appointment_start
            else "",
            created=format_when(task.created_at, zone, locale),
            resolved=format_when(task.resolved_at, zone, locale) if task.resolved_at else "",
            reason_key=reason_key,
            message=task.message,
            assigned=task.assigned_to,
            assignee_id=str(task.assigned_staff_id) if task.assigned_staff_id else NOBODY,
            is_request=task.kind == "approve_request",
            is_open=task.status == "open",
            customer_href=paths.staff_customer(task.customer_id) if task.customer_id else "",
            appointment_href=paths.staff_appointment(task.appointment_id)
            if task.appointment_id
            else "",
        )


@dataclass(frozen=True)
class Assignee:
    id: str
    name: str


class InboxState(SessionState):
    view: str = "open"
    tasks: list[TaskCard] = []
    assignees: list[Assignee] = []
    page_number: int = 1
    has_next_page: bool = False

    @guarded(OFFICE, load=True)
    def load(self, actor: Actor):
        """The open tasks of the business, newest first."""
        self.view = "open"
        self.assignees = [Assignee(str(c.id), c.name) for c in assignable_staff(context(), actor)]
        self._refresh(actor, 1)

    def _refresh(self, actor: Actor, number: int) -> None:
        page = list_tasks(context(), actor, self.view, PageRequest.clamp(number))
        self.tasks = [TaskCard.of(task, actor) for task in page.items]
        self.page_number, self.has_next_page = page.number, page.has_next

    @guarded(OFFICE)
    def show_view(self, actor: Actor, view: Annotated[str, Choice(STATUSES, "open")]):
        """Switch between open and resolved tasks."""
        self.view, self.notice, self.error = view, "", ""
        self._refresh(actor, 1)

    @guarded(OFFICE)
    def show_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of tasks."""
        self._refresh(actor, number)

    @guarded(OFFICE)
    def assign(
        self,
        actor: Actor,
        task_id: Annotated[int, Id()],
        staff_id: Annotated[int | None, Id(optional=True)],
    ):
        """Give a task to a colleague, or to nobody."""
        try:
            name = inbox.assign_task(context(), actor, task_id=task_id, staff_id=staff_id)
            self.notice = (
                self._t("backoffice.done.assigned", name=name)
                if name
                else self._t("backoffice.done.unassigned")
            )
        finally:
            self._refresh(actor, self.page_number)

    @guarded(OFFICE)
    def resolve(self, actor: Actor, task_id: Annotated[int, Id()]):
        """Mark a task done; it moves to the resolved list."""
        try:
            inbox.resolve_task(context(), actor, task_id=task_id)
            self.notice = self._t("backoffice.done.resolved")
        finally:
            self._refresh(actor, self.page_number)

    @guarded(OFFICE)
    def decide(self, actor: Actor, task_id: Annotated[int, Id()], approve: Annotated[bool, Flag()]):
        """Approve (book, confirm to the customer) or decline a booking request."""
        try:
            name = inbox.decide_request(context(), actor, task_id=task_id, approve=approve)
            key = "backoffice.done.approved" if approve else "backoffice.done.declined"
            self.notice = self._t(key, name=name)
        finally:
            self._refresh(actor, self.page_number)
