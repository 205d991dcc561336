"""Appointment reminders: each goes out once, N hours before (owner setting)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from portal_app.domain.booking_rules import mail_customer, settings_of
from portal_app.domain.models import Appointment, AppointmentStatus, Business, Customer
from portal_app.infra.clock import Clock


def send_due_reminders(session: Session, clock: Clock, public_url: str) -> int:
    """Queue the reminders that are due now; the database marks each as sent once."""
    now = clock.now()
    sent = 0
    for business in session.exec(select(Business)).all():
        hours = settings_of(session, business.id).reminder_hours
        if hours <= 0:
            continue
        due = session.exec(
            select(Appointment)
            .where(
                Appointment.business_id == business.id,
                col(Appointment.reminder_sent_at).is_(None),
                col(Appointment.status).in_(
                    (AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)
                ),
                Appointment.start_utc > now,
                Appointment.start_utc <= now + timedelta(hours=hours),
            )
            .order_by(Appointment.start_utc)
            .limit(200)
        ).all()
        for appointment in due:
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
            customer = session.get(Customer, appointment.customer_id)
            mail_customer(session, "reminder", customer, appointment, clock, public_url)
            sent += 1
    return sent
