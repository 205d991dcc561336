"""Staff change an appointment: move, cancel, mark done or no-show (issue 9, item 10).

Each command checks the role and the appointment's state, writes the change, its
activity line, the message to the customer (by their preferred channel) and the
reminder's new plan in one transaction, and returns the appointment's page as it is now.
"""

from __future__ import annotations

from sqlmodel import Session

from portal_app.core.actor import ALL_STAFF, OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.parsing import parse_datetime, parse_id
from portal_app.domain.activity.service import record
from portal_app.domain.appointments.claims import claim_time, flush_or_taken
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.appointments.notices import tell_customer
from portal_app.domain.appointments.reminders import plan_reminder, withdraw_reminder
from portal_app.domain.appointments.staff_queries import detail_of
from portal_app.domain.appointments.staff_rules import (
    check_may_change,
    check_may_finish,
    staff_appointment_row,
)
from portal_app.domain.appointments.views import StaffAppointmentDetail
from portal_app.domain.audit.service import record_customer_change
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.business.models import Service
from portal_app.domain.customers.models import Customer


def _record(
    session: Session, ctx: Context, actor: Actor, action: str, appointment: Appointment
) -> None:
    # Every staff change is one the customer's calendar must take over.
    appointment.sequence = (appointment.sequence or 0) + 1
    session.add(appointment)
    service = session.get(Service, appointment.service_id)
    record(
        session,
        actor,
        action,
        business_id=appointment.business_id,
        at=ctx.clock.now(),
        summary=service.name,
        appointment_id=appointment.id,
    )
    record_customer_change(
        session, ctx, actor, appointment.customer_id, f"appointment {appointment.id}: {action}"
    )


def move(
    ctx: Context, actor: Actor, *, appointment_id: object, start: object
) -> StaffAppointmentDetail:
    """Move a booked appointment to another free time of the same staff member; the
    customer gets the new time (with the calendar file by e-mail), the reminder follows."""
    require(actor, OFFICE)
    begin = parse_datetime(start)
    wanted = parse_id(appointment_id)
    now = ctx.clock.now()
    with ctx.db.transaction(write_lock=True) as session:
        appointment = staff_appointment_row(session, actor, wanted)
        check_may_change(appointment, now)
        customer = session.get(Customer, appointment.customer_id)
        service = session.get(Service, appointment.service_id)
        end = begin + (appointment.end_utc - appointment.start_utc)
        claim_time(
            session, customer, service, appointment.staff_id, begin, end, now, appointment.id
        )
        appointment.start_utc, appointment.end_utc = begin, end
        appointment.status = AppointmentStatus.RESCHEDULED
        session.add(appointment)
        flush_or_taken(session)
        _record(session, ctx, actor, "rescheduled", appointment)
        tell_customer(session, ctx, "rescheduled", customer, appointment, True)
        plan_reminder(session, ctx, appointment, customer)
        session.flush()
        return detail_of(session, ctx, actor, appointment.id)


def cancel(ctx: Context, actor: Actor, *, appointment_id: object) -> StaffAppointmentDetail:
    """Cancel a booked appointment that has not started; the customer is told, the
    reminder withdrawn, and a paid one becomes a credit-invoice task."""
    require(actor, OFFICE)
    wanted = parse_id(appointment_id)
    with ctx.db.transaction(write_lock=True) as session:
        appointment = staff_appointment_row(session, actor, wanted)
        check_may_change(appointment, ctx.clock.now())
        appointment.status = AppointmentStatus.CANCELLED
        session.add(appointment)
        _record(session, ctx, actor, "cancelled", appointment)
        if appointment.paid:
            session.add(
                BackofficeTask(
                    business_id=appointment.business_id,
                    kind=TaskKind.CREDIT_INVOICE,
                    customer_id=appointment.customer_id,
                    appointment_id=appointment.id,
                    created_at=ctx.clock.now(),
                )
            )
        _tell(session, ctx, "cancelled", appointment, with_ics=True)
        session.flush()
        return detail_of(session, ctx, actor, appointment.id)


def _finish(
    ctx: Context, actor: Actor, appointment_id: object, status: AppointmentStatus
) -> StaffAppointmentDetail:
    require(actor, ALL_STAFF)
    wanted = parse_id(appointment_id)
    with ctx.db.transaction(write_lock=True) as session:
        appointment = staff_appointment_row(session, actor, wanted)
        check_may_finish(appointment, ctx.clock.now())
        appointment.status = status
        session.add(appointment)
        _record(session, ctx, actor, status.value, appointment)
        _tell(session, ctx, status.value, appointment)
        session.flush()
        return detail_of(session, ctx, actor, appointment.id)


def _tell(
    session: Session, ctx: Context, kind: str, appointment: Appointment, with_ics: bool = False
) -> None:
    """The customer hears of the change (a cancellation by e-mail carries the file that
    takes it out of their calendar); a reminder not sent yet is withdrawn."""
    customer = session.get(Customer, appointment.customer_id)
    tell_customer(session, ctx, kind, customer, appointment, with_ics)
    withdraw_reminder(session, appointment.id)


def mark_done(ctx: Context, actor: Actor, *, appointment_id: object) -> StaffAppointmentDetail:
    """The appointment took place (from its start on); the customer gets a thank-you.
    Mechanics may mark their own."""
    return _finish(ctx, actor, appointment_id, AppointmentStatus.COMPLETED)


def mark_no_show(ctx: Context, actor: Actor, *, appointment_id: object) -> StaffAppointmentDetail:
    """The customer did not come (from the start on); they are told how to book again."""
    return _finish(ctx, actor, appointment_id, AppointmentStatus.NO_SHOW)
