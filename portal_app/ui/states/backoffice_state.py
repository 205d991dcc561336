"""The back-office inbox (tasks to assign, resolve, approve) and staff invitations.

Every handler re-reads the actor from the session cookie; ids from the browser are
only passed on to the domain, which checks the business and the role.
"""

from __future__ import annotations

import reflex as rx

from portal_app.domain import backoffice, invitations, staff_queries
from portal_app.domain.appointment_queries import business_view
from portal_app.domain.errors import DomainError, NotAllowed
from portal_app.infra.database import session_scope
from portal_app.ui.states.staff_state import StaffState
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import format_when
from portal_app.web.runtime import clock, settings

KINDS = ("options_declined", "no_options", "credit_invoice", "approve_request")
REASONS = ("fully_booked", "outside_service_area", "no_qualified_staff", "beyond_horizon")
NOBODY = "none"


def _id_arg(value: object) -> str:
    """An id as the browser sent it (int, digits, or {"id"/"value": ...}) -> short string."""
    if isinstance(value, dict):
        value = value.get("id", value.get("value", ""))
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        value = value.strip()[:12]
        return value if value.isdigit() else ""
    return ""


def _staff_arg(value: object) -> str | None:
    """A staff id, or None for 'nobody'."""
    if isinstance(value, dict):
        value = value.get("id", value.get("value", ""))
    if value in (None, "", NOBODY):
        return None
    return _id_arg(value) or "0"  # "0" is refused by the domain as not found


def _attempt(action):
    """Run `action(session)` in one transaction; a refusal rolls back and is returned."""
    try:
        with session_scope() as session:
            return action(session), None
    except DomainError as error:
        return None, error


class BackofficeState(StaffState):
    view: str = "open"  # open | resolved
    refused: bool = False
    tasks: list[dict[str, str]] = []
    assignees: list[dict[str, str]] = []
    inbox_notice: str = ""
    inbox_error: str = ""

    invite_open: bool = False
    invite_customers: list[dict[str, str]] = []
    invite_services: list[dict[str, str]] = []
    invite_customer: str = ""
    invite_service: str = ""
    invite_notice: str = ""
    invite_error: str = ""

    # -- inbox -------------------------------------------------------------------------

    @rx.event
    def load_inbox(self):
        """Open tasks of the business; mechanics get a refusal, customers the log-in."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        self.view = "open"
        self.inbox_notice, self.inbox_error = "", ""
        self.invite_open = False
        self._refresh(actor)
        return None

    @rx.event
    def show_view(self, value: object):
        """Switch between open and resolved tasks."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        self.view = "resolved" if value == "resolved" else "open"
        self.inbox_notice, self.inbox_error = "", ""
        self._refresh(actor)
        return None

    def _refresh(self, actor) -> None:
        try:
            with session_scope() as session:
                business = business_view(session, actor.business_id)
                views = backoffice.list_tasks(session, actor, self.view)
                staff = backoffice.office_staff(session, actor)
                extras = staff_queries.task_extras(session, actor, [v.id for v in views])
        except NotAllowed:
            self.refused = True
            self.tasks, self.assignees = [], []
            return
        self.refused = False
        self.assignees = [{"id": str(i), "name": n} for i, n in staff]
        self.tasks = [
            self._task_data(v, *extras.get(v.id, (None, None)), business.timezone) for v in views
        ]

    def _task_data(self, task, assignee_id, resolved_at, timezone: str) -> dict[str, str]:
        loc = self.locale
        kind = task.kind if task.kind in KINDS else "no_options"
        reason = ""
        if task.kind == "no_options" or task.reason:
            key = task.reason if task.reason in REASONS else "unknown"
            reason = text(f"backoffice.reason.{key}", loc)
        when = ""
        if task.appointment_start is not None:
            when = format_when(task.appointment_start, timezone, loc)
        return {
            "id": str(task.id),
            "kind": kind,
            "kind_label": text(f"backoffice.kind.{kind}", loc),
            "hint": text(f"backoffice.hint.{kind}", loc),
            "customer": task.customer_name or "—",
            "email": task.customer_email,
            "service": task.service_name or "—",
            "when": when,
            "created": format_when(task.created_at, timezone, loc),
            "resolved": format_when(resolved_at, timezone, loc) if resolved_at else "",
            "reason": reason,
            "message": task.message,
            "assigned": task.assigned_to or text("backoffice.nobody", loc),
            "assignee_id": str(assignee_id) if assignee_id else NOBODY,
            "is_request": "yes" if task.kind == "approve_request" else "",
            "is_open": "yes" if task.status == "open" else "",
        }

    def _task_customer(self, task_id: str) -> str:
        return next((t["customer"] for t in self.tasks if t["id"] == task_id), "")

    def _done(self, actor, error: DomainError | None, notice: str) -> None:
        if error is not None:
            self.inbox_notice, self.inbox_error = "", text(error.code, self.locale)
        else:
            self.inbox_notice, self.inbox_error = notice, ""
        self._refresh(actor)

    @rx.event
    def assign(self, task_id: object, staff_id: object):
        """Give a task to a colleague, or to nobody."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        task, staff = _id_arg(task_id), _staff_arg(staff_id)
        _, error = _attempt(
            lambda s: backoffice.assign_task(s, actor, task_id=task, staff_id=staff)
        )
        name = next((a["name"] for a in self.assignees if a["id"] == staff), "")
        if staff is None or not name:
            notice = text("backoffice.done.unassigned", self.locale)
        else:
            notice = text("backoffice.done.assigned", self.locale, name=name)
        self._done(actor, error, notice)
        return None

    @rx.event
    def resolve(self, task_id: object):
        """Mark a task done; it moves to the resolved list."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        task = _id_arg(task_id)
        _, error = _attempt(lambda s: backoffice.resolve_task(s, actor, clock(), task_id=task))
        self._done(actor, error, text("backoffice.done.resolved", self.locale))
        return None

    @rx.event
    def decide(self, task_id: object, approve: object):
        """Approve (book, mail a confirmation) or decline a booking request."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        task = _id_arg(task_id)
        yes = approve is True or approve == "approve"
        name = self._task_customer(task)
        _, error = _attempt(
            lambda s: backoffice.decide_request(
                s,
                actor,
                clock(),
                task_id=task,
                approve=yes,
                public_url=settings().public_url,
            )
        )
        key = "backoffice.done.approved" if yes else "backoffice.done.declined"
        self._done(actor, error, text(key, self.locale, name=name))
        return None

    # -- invitations -------------------------------------------------------------------

    @rx.event
    def start_invite(self, email: object = ""):
        """Open the invitation dialog, with the customer of a list row chosen already."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        self.invite_notice, self.invite_error = "", ""
        self.invite_customer, self.invite_service = "", ""
        try:
            with session_scope() as session:
                customers = staff_queries.list_customers(session, actor)
                services = staff_queries.office_services(session, actor)
        except NotAllowed:
            self.invite_customers, self.invite_services = [], []
            self.invite_error = text("error.not_allowed", self.locale)
            self.invite_open = True
            return None
        self.invite_customers = [
            {"id": str(c.id), "label": f"{c.name} · {c.email}", "name": c.name, "email": c.email}
            for c in customers
        ]
        self.invite_services = [{"id": str(i), "label": n} for i, n in services]
        wanted = email.strip().lower() if isinstance(email, str) else ""
        if wanted:
            self.invite_customer = next(
                (c["id"] for c in self.invite_customers if c["email"].lower() == wanted), ""
            )
        self.invite_open = True
        return None

    @rx.event
    def set_invite_open(self, value: object):
        """The dialog's own open/close (Escape, overlay click)."""
        self.invite_open = value is True

    @rx.event
    def close_invite(self):
        self.invite_open = False

    @rx.event
    def choose_invite_customer(self, value: object):
        self.invite_customer = _id_arg(value)
        self.invite_notice = ""

    @rx.event
    def choose_invite_service(self, value: object):
        self.invite_service = _id_arg(value)
        self.invite_notice = ""

    @rx.event
    def send_invite(self):
        """Invite the chosen customer for the chosen service; the mail holds the link."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        customer, service = self.invite_customer, self.invite_service
        if not customer or not service:
            self.invite_notice = ""
            self.invite_error = text("backoffice.invite.choose_both", self.locale)
            return None
        _, error = _attempt(
            lambda s: invitations.invite(
                s,
                actor,
                clock(),
                customer_id=customer,
                service_id=service,
                public_url=settings().public_url,
            )
        )
        if error is not None:
            self.invite_notice, self.invite_error = "", text(error.code, self.locale)
            return None
        chosen = next((c for c in self.invite_customers if c["id"] == customer), None)
        name, email = (chosen["name"], chosen["email"]) if chosen else ("", "")
        self.invite_error = ""
        self.invite_notice = text("backoffice.invite.sent", self.locale, name=name, email=email)
        self.invite_service = ""
        return None
