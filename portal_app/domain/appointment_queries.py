"""Read models of appointments, always filtered by the acting person."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from portal_app.domain.actor import Actor
from portal_app.domain.booking_rules import parse_id
from portal_app.domain.errors import NotAllowed, NotFound
from portal_app.domain.models import Appointment, Business, Customer, Service, StaffMember
from portal_app.domain.models.appointments import BLOCKING_STATUSES
from portal_app.domain.views import AppointmentView, BusinessView


def business_view(session: Session, business_id: int) -> BusinessView:
    """Header data of a business."""
    business = session.get(Business, business_id)
    if business is None:
        raise NotAllowed("unknown business")
    return BusinessView(
        name=business.name,
        logo_url=business.logo_url,
        timezone=business.timezone,
        currency=business.currency,
        email=business.email,
        phone=business.phone,
    )


def _views(session: Session, query) -> list[AppointmentView]:
    rows = session.exec(
        query.join(Service, Service.id == Appointment.service_id)
        .join(StaffMember, StaffMember.id == Appointment.staff_id)
        .join(Customer, Customer.id == Appointment.customer_id)
    ).all()
    return [
        AppointmentView(
            id=appointment.id,
            service_name=service.name,
            staff_name=staff.name,
            customer_name=customer.name,
            start_utc=appointment.start_utc,
            duration_minutes=int(
                (appointment.end_utc - appointment.start_utc).total_seconds() // 60
            ),
            price_cents=appointment.price_cents,
            status=appointment.status,
            location=appointment.location,
            video_url=appointment.video_url,
        )
        for appointment, service, staff, customer in rows
    ]


def _base():
    return select(Appointment, Service, StaffMember, Customer)


def customer_upcoming(session: Session, actor: Actor, now: datetime) -> list[AppointmentView]:
    """The acting customer's future appointments that still hold a place, soonest first."""
    _require_customer(actor)
    return _views(
        session,
        _base()
        .where(Appointment.customer_id == actor.id, Appointment.start_utc >= now)
        .where(col(Appointment.status).in_(BLOCKING_STATUSES))
        .order_by(Appointment.start_utc),
    )


def customer_history(session: Session, actor: Actor, now: datetime) -> list[AppointmentView]:
    """The acting customer's past and cancelled appointments, newest first."""
    _require_customer(actor)
    return _views(
        session,
        _base()
        .where(Appointment.customer_id == actor.id)
        .where((Appointment.start_utc < now) | ~col(Appointment.status).in_(BLOCKING_STATUSES))
        .order_by(col(Appointment.start_utc).desc()),
    )


def customer_appointment(session: Session, actor: Actor, appointment_id: object) -> AppointmentView:
    """One of the acting customer's own appointments; anyone else's id is NotFound."""
    _require_customer(actor)
    views = _views(
        session,
        _base().where(
            Appointment.id == parse_id(appointment_id),
            Appointment.customer_id == actor.id,
            Appointment.business_id == actor.business_id,
        ),
    )
    if not views:
        raise NotFound("no such appointment")
    return views[0]


def staff_day(
    session: Session, actor: Actor, now: datetime, days: int = 7
) -> list[AppointmentView]:
    """The business's appointments from the start of today (business time) for `days` days.

    Mechanics see only their own appointments.
    """
    _require_staff(actor)
    business = session.get(Business, actor.business_id)
    tz = ZoneInfo(business.timezone)
    local_midnight = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    start = local_midnight
    end = local_midnight + timedelta(days=days)
    query = (
        _base()
        .where(Appointment.business_id == actor.business_id)
        .where(Appointment.start_utc >= start, Appointment.start_utc < end)
        .where(col(Appointment.status).in_(BLOCKING_STATUSES))
        .order_by(Appointment.start_utc)
    )
    if actor.role == "mechanic":
        query = query.where(Appointment.staff_id == actor.id)
    return _views(session, query)


def _require_customer(actor: Actor) -> None:
    if not actor.is_customer:
        raise NotAllowed("customers only")


def _require_staff(actor: Actor) -> None:
    if not actor.is_staff:
        raise NotAllowed("staff only")
