"""Customers book, reschedule and cancel (seeds 000, 001, 003).

Each command takes the session's actor, loads what it changes itself and owns its
transaction. Writes take the write lock first: on SQLite the lock is held before the
availability check; on PostgreSQL an exclusion constraint refuses any overlap per staff
member, which surfaces here as SlotTaken.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from portal_app.core.actor import CUSTOMERS, Actor, require
from portal_app.core.context import APPOINTMENTS, Change, Context
from portal_app.core.parsing import parse_datetime, parse_id
from portal_app.domain.activity.service import record
from portal_app.domain.appointments.claims import claim_time, flush_or_taken
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.appointments.notices import tell_business, tell_customer
from portal_app.domain.appointments.queries import appointment_view
from portal_app.domain.appointments.reminders import plan_reminder, withdraw_reminder
from portal_app.domain.appointments.rules import (
    check_cancel_allowed,
    check_reschedule_allowed,
    own_appointment,
)
from portal_app.domain.appointments.views import AppointmentView, Booked
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.business.models import Business, Service
from portal_app.domain.business.queries import active_service, settings_of
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import own_row
from portal_app.domain.messaging.outbox import customer_channel


def _address(customer: Customer) -> str:
    return ", ".join(part for part in (customer.street, customer.postcode, customer.city) if part)


def _record(
    session: Session,
    actor: Actor,
    action: str,
    appointment: Appointment,
    service: Service,
    now: datetime,
) -> None:
    """The activity line of a change to an appointment."""
    record(
        session,
        actor,
        action,
        business_id=appointment.business_id,
        at=now,
        summary=service.name,
        appointment_id=appointment.id,
    )


def book(
    ctx: Context, actor: Actor, *, service_id: object, staff_id: object, start: object
) -> Booked:
    """Book (or, in request mode, request) a time; SlotTaken when it is gone."""
    require(actor, CUSTOMERS)
    staff = parse_id(staff_id)
    begin = parse_datetime(start)
    now = ctx.clock.now()
    with ctx.db.transaction(write_lock=True) as session:
        customer = own_row(session, actor)
        service = active_service(session, customer.business_id, parse_id(service_id))
        end = begin + timedelta(minutes=service.duration_minutes)
        claim_time(session, customer, service, staff, begin, end, now)
        requested = settings_of(session, customer.business_id).booking_mode == "request"
        business = session.get(Business, customer.business_id)
        appointment = Appointment(
            business_id=customer.business_id,
            customer_id=customer.id,
            staff_id=staff,
            service_id=service.id,
            status=AppointmentStatus.REQUESTED if requested else AppointmentStatus.BOOKED,
            start_utc=begin,
            end_utc=end,
            price_cents=service.price_cents,
            location=_address(customer) if business.is_field_service else "",
            created_at=now,
        )
        session.add(appointment)
        flush_or_taken(session)
        action = "requested" if requested else "booked"
        _record(session, actor, action, appointment, service, now)
        if requested:
            session.add(
                BackofficeTask(
                    business_id=customer.business_id,
                    kind=TaskKind.APPROVE_REQUEST,
                    customer_id=customer.id,
                    appointment_id=appointment.id,
                    created_at=now,
                )
            )
            tell_customer(session, ctx, "booking_requested", customer, appointment)
        else:
            tell_customer(session, ctx, "booking_confirmation", customer, appointment, True)
            plan_reminder(session, ctx, appointment, customer)
        tell_business(session, ctx, action, customer, appointment)
        ctx.changed(Change(APPOINTMENTS, customer.business_id, customer.id))
        channel, _recipient = customer_channel(customer)
        return Booked(appointment_view(session, appointment.id), channel)


def reschedule(
    ctx: Context, actor: Actor, *, appointment_id: object, start: object
) -> AppointmentView:
    """Move the customer's own future appointment to another time of the same staff member."""
    require(actor, CUSTOMERS)
    begin = parse_datetime(start)
    now = ctx.clock.now()
    with ctx.db.transaction(write_lock=True) as session:
        appointment = own_appointment(session, actor, parse_id(appointment_id))
        customer = own_row(session, actor)
        check_reschedule_allowed(settings_of(session, appointment.business_id), appointment, now)
        service = session.get(Service, appointment.service_id)
        end = begin + (appointment.end_utc - appointment.start_utc)
        claim_time(
            session, customer, service, appointment.staff_id, begin, end, now, appointment.id
        )
        appointment.start_utc, appointment.end_utc = begin, end
        if appointment.status != AppointmentStatus.REQUESTED:
            appointment.status = AppointmentStatus.RESCHEDULED
        appointment.sequence = (appointment.sequence or 0) + 1
        session.add(appointment)
        flush_or_taken(session)
        _record(session, actor, "rescheduled", appointment, service, now)
        tell_customer(session, ctx, "rescheduled", customer, appointment, True)
        plan_reminder(session, ctx, appointment, customer)
        tell_business(session, ctx, "rescheduled", customer, appointment)
        ctx.changed(Change(APPOINTMENTS, appointment.business_id, customer.id))
        return appointment_view(session, appointment.id)


def cancel(ctx: Context, actor: Actor, *, appointment_id: object) -> AppointmentView:
    """Cancel the customer's own appointment; a paid one also becomes a credit task."""
    require(actor, CUSTOMERS)
    now = ctx.clock.now()
    with ctx.db.transaction(write_lock=True) as session:
        appointment = own_appointment(session, actor, parse_id(appointment_id))
        customer = own_row(session, actor)
        check_cancel_allowed(settings_of(session, appointment.business_id), appointment, now)
        service = session.get(Service, appointment.service_id)
        appointment.status = AppointmentStatus.CANCELLED
        appointment.sequence = (appointment.sequence or 0) + 1
        session.add(appointment)
        _record(session, actor, "cancelled", appointment, service, now)
        if appointment.paid:
            session.add(
                BackofficeTask(
                    business_id=appointment.business_id,
                    kind=TaskKind.CREDIT_INVOICE,
                    customer_id=customer.id,
                    appointment_id=appointment.id,
                    created_at=now,
                )
            )
        tell_customer(session, ctx, "cancelled", customer, appointment, True)
        withdraw_reminder(session, appointment.id)
        tell_business(session, ctx, "cancelled", customer, appointment)
        ctx.changed(Change(APPOINTMENTS, appointment.business_id, customer.id))
        session.flush()
        return appointment_view(session, appointment.id)
