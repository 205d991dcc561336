"""The back-office inbox: assign and resolve tasks, approve or decline booking requests."""

from __future__ import annotations

from sqlmodel import Session

from portal_app.core.actor import OFFICE, Actor, require
from portal_app.core.context import APPOINTMENTS, Change, Context
from portal_app.core.errors import NotAllowed, NotFound
from portal_app.core.parsing import parse_id, parse_optional_id
from portal_app.domain.activity.service import record
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.appointments.notices import tell_customer
from portal_app.domain.appointments.reminders import plan_reminder
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.business.models import Service, StaffMember
from portal_app.domain.customers.models import Customer


def _task(session: Session, actor: Actor, task_id: object) -> BackofficeTask:
    require(actor, OFFICE)
    task = session.get(BackofficeTask, parse_id(task_id))
    if task is None or task.business_id != actor.business_id:
        raise NotFound("no such task")
    return task


def assign_task(ctx: Context, actor: Actor, *, task_id: object, staff_id: object) -> str:
    """Give a task to a colleague (or to nobody); returns the colleague's name ('' for
    nobody)."""
    require(actor, OFFICE)
    staff = parse_optional_id(staff_id)
    with ctx.db.transaction() as session:
        task = _task(session, actor, task_id)
        name = ""
        if staff is not None:
            member = session.get(StaffMember, staff)
            if member is None or member.business_id != actor.business_id:
                raise NotFound("no such staff member")
            name = member.name
        task.assigned_staff_id = staff
        session.add(task)
        return name


def resolve_task(ctx: Context, actor: Actor, *, task_id: object) -> None:
    """Mark a task done."""
    with ctx.db.transaction() as session:
        _resolve(session, ctx, _task(session, actor, task_id))


def _resolve(session: Session, ctx: Context, task: BackofficeTask) -> None:
    task.status = "resolved"
    task.resolved_at = ctx.clock.now()
    session.add(task)


def decide_request(ctx: Context, actor: Actor, *, task_id: object, approve: bool) -> str:
    """Approve (book) or decline (cancel) a customer's booking request and resolve the
    task; the customer is told either way. Returns the customer's name."""
    with ctx.db.transaction(write_lock=True) as session:
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
            tell_customer(session, ctx, "booking_confirmation", customer, appointment, True)
            plan_reminder(session, ctx, appointment, customer)
        else:
            appointment.status = AppointmentStatus.CANCELLED
            session.add(appointment)
            tell_customer(session, ctx, "cancelled", customer, appointment)
        service = session.get(Service, appointment.service_id)
        record(
            session,
            actor,
            "booked" if approve else "cancelled",
            business_id=appointment.business_id,
            at=ctx.clock.now(),
            summary=service.name,
            appointment_id=appointment.id,
        )
        _resolve(session, ctx, task)
        ctx.changed(Change(APPOINTMENTS, appointment.business_id, customer.id))
        return customer.name
