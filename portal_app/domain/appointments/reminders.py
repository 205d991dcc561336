"""Appointment reminders: each goes out once, N hours before the start (owner setting)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import col, select

from portal_app.core.context import Context
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.appointments.notices import tell_customer
from portal_app.domain.business.models import Business, BusinessSettings
from portal_app.domain.customers.models import Customer

BATCH = 200


def send_due_reminders(ctx: Context) -> int:
    """Queue the reminders that are due now; the database marks each as sent once."""
    now = ctx.clock.now()
    sent = 0
    with ctx.db.transaction() as session:
        businesses = session.exec(
            select(Business.id, BusinessSettings.reminder_hours).join(
                BusinessSettings, BusinessSettings.business_id == Business.id, isouter=True
            )
        ).all()
        for business_id, stored_hours in businesses:
            hours = 24 if stored_hours is None else stored_hours
            if hours <= 0:
                continue
            due = session.exec(
                select(Appointment, Customer)
                .join(Customer, Customer.id == Appointment.customer_id)
                .where(
                    Appointment.business_id == business_id,
                    col(Appointment.reminder_sent_at).is_(None),
                    col(Appointment.status).in_(
                        (AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)
                    ),
                    Appointment.start_utc > now,
                    Appointment.start_utc <= now + timedelta(hours=hours),
                )
                .order_by(Appointment.start_utc)
                .limit(BATCH)
            ).all()
            for appointment, customer in due:
                claimed = session.exec(
                    update(Appointment)
                    .where(
                        col(Appointment.id) == appointment.id,
                        col(Appointment.reminder_sent_at).is_(None),
                    )
                    .values(reminder_sent_at=now)
                )
                if claimed.rowcount != 1:
                    continue
                tell_customer(session, ctx, "reminder", customer, appointment)
                sent += 1
    return sent
