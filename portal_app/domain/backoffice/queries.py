"""The back-office inbox as staff read it: one page of tasks in one statement."""

from __future__ import annotations

from sqlalchemy import bindparam, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from portal_app.core.actor import ALL_STAFF, OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.paging import FIRST_PAGE, Page, PageRequest
from portal_app.domain.activity.queries import recent_activity
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.queries import staff_week
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.backoffice.views import StaffOverview, TaskView
from portal_app.domain.business.models import Service, StaffMember
from portal_app.domain.business.queries import office_staff
from portal_app.domain.business.views import Choice
from portal_app.domain.customers.models import Customer
from portal_app.domain.invitations.models import Invitation

STATUSES = ("open", "resolved")


_INVITED = aliased(Service)
_BOOKED = aliased(Service)
# Tasks of a business with their customer, appointment, service and assignee, newest
# first. Built once, with every value as a parameter: building a select with aliases
# costs more than running it.
_TASKS = (
    select(
        BackofficeTask.id,
        BackofficeTask.kind,
        BackofficeTask.status,
        BackofficeTask.reason,
        BackofficeTask.message,
        BackofficeTask.assigned_staff_id,
        BackofficeTask.created_at,
        BackofficeTask.resolved_at,
        BackofficeTask.customer_id,
        BackofficeTask.appointment_id,
        Customer.name,
        Customer.email,
        Customer.mobile,
        Appointment.start_utc,
        func.coalesce(_BOOKED.name, _INVITED.name),
        StaffMember.name,
    )
    .join(Customer, Customer.id == BackofficeTask.customer_id, isouter=True)
    .join(Appointment, Appointment.id == BackofficeTask.appointment_id, isouter=True)
    .join(_BOOKED, _BOOKED.id == Appointment.service_id, isouter=True)
    .join(Invitation, Invitation.id == BackofficeTask.invitation_id, isouter=True)
    .join(_INVITED, _INVITED.id == Invitation.service_id, isouter=True)
    .join(StaffMember, StaffMember.id == BackofficeTask.assigned_staff_id, isouter=True)
    .where(BackofficeTask.business_id == bindparam("business"))
    .order_by(col(BackofficeTask.created_at).desc(), col(BackofficeTask.id).desc())
)
_BY_STATUS = (
    _TASKS.where(BackofficeTask.status == bindparam("status"))
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)
_OF_CUSTOMER = (
    _TASKS.where(BackofficeTask.customer_id == bindparam("customer"))
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)


def _task_page(session: Session, query, params: dict, page: PageRequest) -> Page[TaskView]:
    """One page of `query` (`_BY_STATUS` or `_OF_CUSTOMER`), in one statement."""
    rows = session.connection().execute(
        query, {**params, "offset": page.offset, "limit": page.fetch}
    )
    views = [
        TaskView(
            id=row[0],
            kind=row[1],
            status=row[2],
            reason=row[3],
            message=row[4],
            assigned_staff_id=row[5],
            created_at=row[6],
            resolved_at=row[7],
            customer_id=row[8],
            appointment_id=row[9],
            customer_name=row[10] or "",
            customer_email=row[11] or "",
            customer_phone=row[12] or "",
            appointment_start=row[13],
            service_name=row[14] or "",
            assigned_to=row[15] or "",
        )
        for row in rows
    ]
    return Page.cut(views, page)


def list_tasks(
    ctx: Context, actor: Actor, status: str = "open", page: PageRequest = FIRST_PAGE
) -> Page[TaskView]:
    """Open (or resolved) tasks of the business, newest first, one page."""
    require(actor, OFFICE)
    status = status if status in STATUSES else "open"
    params = {"business": actor.business_id, "status": status}
    with ctx.db.transaction() as session:
        return _task_page(session, _BY_STATUS, params, page)


def customer_task_page(
    session: Session, business_id: int, customer_id: int, page: PageRequest
) -> Page[TaskView]:
    """One page of a customer's tasks, open and resolved, newest first."""
    params = {"business": business_id, "customer": customer_id}
    return _task_page(session, _OF_CUSTOMER, params, page)


def assignable_staff(ctx: Context, actor: Actor) -> list[Choice]:
    """Who a task can be given to."""
    require(actor, OFFICE)
    with ctx.db.transaction() as session:
        return office_staff(session, actor.business_id)


def overview(ctx: Context, actor: Actor) -> StaffOverview:
    """This week's appointments (a mechanic: their own) and the newest online activity."""
    require(actor, ALL_STAFF)
    with ctx.db.transaction() as session:
        member = session.get(StaffMember, actor.id)
        week = staff_week(ctx, actor)
        activity = recent_activity(ctx, actor)
    return StaffOverview(member.name if member else "", tuple(week), tuple(activity))
