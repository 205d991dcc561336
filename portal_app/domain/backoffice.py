"""The back-office inbox: tasks to assign and resolve, booking requests to approve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from portal_app.domain.actor import Actor, StaffRole
from portal_app.domain.booking_rules import (
    mail_customer,
    parse_id,
    parse_optional_id,
    record_activity,
)
from portal_app.domain.errors import NotAllowed, NotFound
from portal_app.domain.models import (
    Appointment,
    AppointmentStatus,
    BackofficeTask,
    Customer,
    Invitation,
    Service,
    StaffMember,
    TaskKind,
)
from portal_app.infra.clock import Clock


@dataclass(frozen=True)
class TaskView:
    id: int
    kind: str
    status: str
    reason: str
    message: str
    customer_name: str
    customer_email: str
    service_name: str
    appointment_start: datetime | None
    assigned_to: str
    created_at: datetime


def _require_office(actor: Actor) -> None:
    if not actor.is_staff or actor.role == StaffRole.MECHANIC:
        raise NotAllowed("owners and staff only")


def _task(session: Session, actor: Actor, task_id: object) -> BackofficeTask:
    _require_office(actor)
    task = session.get(BackofficeTask, parse_id(task_id))
    if task is None or task.business_id != actor.business_id:
        raise NotFound("no such task")
    return task


def list_tasks(session: Session, actor: Actor, status: str = "open") -> list[TaskView]:
    """Open (or resolved) tasks of the business, newest first."""
    _require_office(actor)
    status = "resolved" if status == "resolved" else "open"
    tasks = session.exec(
        select(BackofficeTask)
        .where(BackofficeTask.business_id == actor.business_id, BackofficeTask.status == status)
        .order_by(col(BackofficeTask.created_at).desc())
        .limit(200)
    ).all()
    views = []
    for task in tasks:
        customer = session.get(Customer, task.customer_id) if task.customer_id else None
        appointment = session.get(Appointment, task.appointment_id) if task.appointment_id else None
        service = None
        if appointment is not None:
            service = session.get(Service, appointment.service_id)
        elif task.invitation_id:
            invitation = session.get(Invitation, task.invitation_id)
            service = session.get(Service, invitation.service_id) if invitation else None
        assignee = (
            session.get(StaffMember, task.assigned_staff_id) if task.assigned_staff_id else None
        )
        views.append(
            TaskView(
                id=task.id,
                kind=task.kind,
                status=task.status,
                reason=task.reason,
                message=task.message,
                customer_name=customer.name if customer else "",
                customer_email=customer.email if customer else "",
                service_name=service.name if service else "",
                appointment_start=appointment.start_utc if appointment else None,
                assigned_to=assignee.name if assignee else "",
                created_at=task.created_at,
            )
        )
    return views


def office_staff(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """Who a task can be assigned to."""
    _require_office(actor)
    rows = session.exec(
        select(StaffMember)
        .where(StaffMember.business_id == actor.business_id, col(StaffMember.active).is_(True))
        .where(StaffMember.role != StaffRole.MECHANIC.value)
        .order_by(StaffMember.name)
    ).all()
    return [(m.id, m.name) for m in rows]


def assign_task(session: Session, actor: Actor, *, task_id: object, staff_id: object) -> None:
    """Give a task to a colleague (or to nobody)."""
    task = _task(session, actor, task_id)
    staff = parse_optional_id(staff_id)
    if staff is not None:
        member = session.get(StaffMember, staff)
        if member is None or member.business_id != actor.business_id:
            raise NotFound("no such staff member")
    task.assigned_staff_id = staff
    session.add(task)


def resolve_task(session: Session, actor: Actor, clock: Clock, *, task_id: object) -> None:
    """Mark a task done."""
    task = _task(session, actor, task_id)
    task.status = "resolved"
    task.resolved_at = clock.now()
    session.add(task)


def decide_request(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    task_id: object,
    approve: bool,
    public_url: str,
) -> None:
    """Approve (book) or decline (cancel) a customer's booking request; resolves the task."""
    task = _task(session, actor, task_id)
    if task.kind != TaskKind.APPROVE_REQUEST or task.status != "open":
        raise NotAllowed("not an open booking request")
    appointment = session.get(Appointment, task.appointment_id)
    if appointment is None or appointment.status != AppointmentStatus.REQUESTED:
        raise NotAllowed("request no longer open")
    customer = session.get(Customer, appointment.customer_id)
    if approve:
        appointment.status = AppointmentStatus.BOOKED
        session.add(appointment)
        mail_customer(
            session, "booking_confirmation", customer, appointment, clock, public_url, True
        )
    else:
        appointment.status = AppointmentStatus.CANCELLED
        session.add(appointment)
        mail_customer(session, "cancelled", customer, appointment, clock, public_url)
    service = session.get(Service, appointment.service_id)
    record_activity(
        session,
        actor,
        "booked" if approve else "cancelled",
        appointment,
        service.name,
        clock.now(),
    )
    resolve_task(session, actor, clock, task_id=task.id)
