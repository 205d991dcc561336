"""What staff may do with an appointment: which ones they see, when it may still change."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from portal_app.core.actor import ALL_STAFF, Actor, Role, require
from portal_app.core.errors import NotFound
from portal_app.domain.appointments.errors import StaffCannotChange, StaffCannotFinish
from portal_app.domain.appointments.models import Appointment, AppointmentStatus

# Booked appointments; a request is approved or declined in the inbox first.
LIVE = (AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)


def staff_appointment_row(session: Session, actor: Actor, appointment_id: int) -> Appointment:
    """An appointment of the staff member's business (a mechanic: only their own);
    anything else is 'not found'."""
    require(actor, ALL_STAFF)
    appointment = session.get(Appointment, appointment_id)
    if (
        appointment is None
        or appointment.business_id != actor.business_id
        or (actor.role == Role.MECHANIC and appointment.staff_id != actor.id)
    ):
        raise NotFound("no such appointment")
    return appointment


def may_change(appointment: Appointment, now: datetime) -> bool:
    """Whether staff may still move or cancel it: booked and not started."""
    return appointment.status in LIVE and appointment.start_utc > now


def may_finish(appointment: Appointment, now: datetime) -> bool:
    """Whether it may be marked done or no-show: booked and started."""
    return appointment.status in LIVE and appointment.start_utc <= now


def check_may_change(appointment: Appointment, now: datetime) -> None:
    """Refuse a move or cancel of a started, finished or cancelled appointment."""
    if not may_change(appointment, now):
        raise StaffCannotChange("not changeable")


def check_may_finish(appointment: Appointment, now: datetime) -> None:
    """Refuse done/no-show before the start or for a finished or cancelled one."""
    if not may_finish(appointment, now):
        raise StaffCannotFinish("not finishable")
