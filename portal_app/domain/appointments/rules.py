"""The rules every booking change checks: ownership, overlap, how late a change may be."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from portal_app.core.actor import Actor
from portal_app.core.errors import NotFound
from portal_app.domain.appointments.errors import NotChangeable, RescheduleDisabled, TooLate
from portal_app.domain.appointments.models import BLOCKING_STATUSES, Appointment, AppointmentStatus
from portal_app.domain.business.models import BusinessSettings

CHANGEABLE = (AppointmentStatus.REQUESTED, AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)


def own_appointment(session: Session, actor: Actor, appointment_id: int) -> Appointment:
    """The customer's own appointment; someone else's id is 'not found', never shown."""
    appointment = session.get(Appointment, appointment_id)
    if appointment is None or not actor.is_customer or appointment.customer_id != actor.id:
        raise NotFound("no such appointment")
    return appointment


def clash_exists(
    session: Session, staff_id: int, start: datetime, end: datetime, ignore_id: int | None = None
) -> bool:
    """Whether another live appointment of the staff member overlaps [start, end)."""
    query = select(Appointment.id).where(
        Appointment.staff_id == staff_id,
        Appointment.start_utc < end,
        Appointment.end_utc > start,
        col(Appointment.status).in_(BLOCKING_STATUSES),
    )
    if ignore_id is not None:
        query = query.where(Appointment.id != ignore_id)
    return session.exec(query).first() is not None


def check_reschedule_allowed(
    settings: BusinessSettings, appointment: Appointment, now: datetime
) -> None:
    """Refuse when the owner disabled it, it is past/cancelled, or too close to the start."""
    if not settings.allow_reschedule:
        raise RescheduleDisabled("disabled")
    if appointment.status not in CHANGEABLE or appointment.start_utc <= now:
        raise NotChangeable("past or cancelled")
    hours = settings.reschedule_min_hours
    if hours and appointment.start_utc - now < timedelta(hours=hours):
        raise TooLate("too late to reschedule", code="booking.too_late_reschedule")


def check_cancel_allowed(
    settings: BusinessSettings, appointment: Appointment, now: datetime
) -> None:
    """Refuse when it is past/cancelled or closer to the start than the owner allows."""
    if appointment.status not in CHANGEABLE or appointment.start_utc <= now:
        raise NotChangeable("past or cancelled")
    hours = settings.cancel_min_hours
    if hours and appointment.start_utc - now < timedelta(hours=hours):
        raise TooLate("too late to cancel", code="booking.too_late_cancel")


def change_deadline(start: datetime, min_hours: int) -> datetime:
    """Until when a change may be made online (0 hours: until the start)."""
    return start - timedelta(hours=min_hours)
