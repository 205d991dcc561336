"""Appointment reminders, scheduled in the outbox when the appointment is booked.

A reminder is an outbox row due at the start minus the owner's reminder hours, linked to
the appointment and written in the transaction of the booking. Moving the appointment
replaces it (withdrawn, and a new one when its moment is still ahead), cancelling or
finishing it withdraws it, all in the transaction of the change. A booking made after
the reminder moment gets no reminder: the confirmation says it all.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from portal_app.core.context import Context
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.appointments.notices import tell_customer
from portal_app.domain.business.queries import settings_of
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.service import when_reach_changes
from portal_app.domain.messaging.models import MessageStatus, OutboxMessage

REMINDER = "reminder"
# Appointments that are certain to happen; a request is reminded once it is approved.
REMINDED = (AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)


def withdraw_reminder(session: Session, appointment_id: int) -> int:
    """Withdraw the appointment's reminder that has not gone out yet; how many were."""
    result = session.exec(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.appointment_id) == appointment_id,
            col(OutboxMessage.kind) == REMINDER,
            col(OutboxMessage.status) == MessageStatus.PENDING,
        )
        .values(status=MessageStatus.WITHDRAWN)
    )
    return result.rowcount


def plan_reminder(
    session: Session, ctx: Context, appointment: Appointment, customer: Customer
) -> None:
    """(Re)schedule the appointment's reminder: the one not yet sent is withdrawn, and a
    new one is queued for start - reminder hours when the appointment is booked and that
    moment is still ahead (none when the owner set 0 hours)."""
    withdraw_reminder(session, appointment.id)
    if appointment.status not in REMINDED:
        return
    hours = settings_of(session, appointment.business_id).reminder_hours
    due = appointment.start_utc - timedelta(hours=hours)
    if hours <= 0 or due <= ctx.clock.now():
        return
    tell_customer(session, ctx, REMINDER, customer, appointment, send_at=due)


@when_reach_changes
def replan_customer_reminders(session: Session, ctx: Context, customer: Customer) -> int:
    """Schedule the customer's pending reminders again, e.g. after a new e-mail address,
    mobile number, channel or language: each goes to the address in force. Returns how
    many were replaced."""
    appointments = session.exec(
        select(Appointment)
        .join(OutboxMessage, col(OutboxMessage.appointment_id) == Appointment.id)
        .where(
            Appointment.customer_id == customer.id,
            col(OutboxMessage.kind) == REMINDER,
            col(OutboxMessage.status) == MessageStatus.PENDING,
        )
        .distinct()
    ).all()
    for appointment in appointments:
        plan_reminder(session, ctx, appointment, customer)
    return len(appointments)
