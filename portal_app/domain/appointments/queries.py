"""Read models of appointments and free times, always filtered by the acting person.

Each read is a fixed number of statements, whatever the number of appointments.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from portal_app.core.actor import ALL_STAFF, CUSTOMERS, Actor, Role, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.core.paging import FIRST_PAGE, Page, PageRequest
from portal_app.core.parsing import parse_id
from portal_app.domain.appointments.calendar import CalendarFile
from portal_app.domain.appointments.models import BLOCKING_STATUSES, Appointment
from portal_app.domain.appointments.notices import ics_for
from portal_app.domain.appointments.rules import (
    CHANGEABLE,
    change_deadline,
    own_appointment,
)
from portal_app.domain.appointments.views import (
    AppointmentDetail,
    AppointmentView,
    CustomerDashboard,
)
from portal_app.domain.business.models import Service, StaffMember
from portal_app.domain.business.queries import (
    business_view,
    settings_of,
)
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import own_row
from portal_app.domain.messaging.outbox import customer_channel

UPCOMING_LIMIT = 50
DASHBOARD_LIMIT = 5


def _select():
    return (
        select(Appointment, Service.name, StaffMember.name, Customer.name, Service.name_en)
        .join(Service, Service.id == Appointment.service_id)
        .join(StaffMember, StaffMember.id == Appointment.staff_id)
        .join(Customer, Customer.id == Appointment.customer_id)
    )


def _views(session: Session, query) -> list[AppointmentView]:
    return [
        AppointmentView(
            id=appointment.id,
            service_name=service,
            staff_name=staff,
            customer_name=customer,
            start_utc=appointment.start_utc,
            duration_minutes=int(
                (appointment.end_utc - appointment.start_utc).total_seconds() // 60
            ),
            price_cents=appointment.price_cents,
            status=str(appointment.status),
            location=appointment.location,
            video_url=appointment.video_url,
            service_name_en=service_en,
            paid=appointment.paid,
        )
        for appointment, service, staff, customer, service_en in session.exec(query).all()
    ]


def appointment_view(session: Session, appointment_id: int) -> AppointmentView:
    """The view of one appointment, in the caller's transaction."""
    views = _views(session, _select().where(Appointment.id == appointment_id))
    if not views:
        raise NotFound("no such appointment")
    return views[0]


def customer_upcoming(ctx: Context, actor: Actor) -> list[AppointmentView]:
    """The acting customer's future appointments that still hold a place, soonest first."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        return _upcoming(session, actor, ctx.clock.now(), UPCOMING_LIMIT)


def dashboard(ctx: Context, actor: Actor) -> CustomerDashboard:
    """What the customer sees first: their name, the next appointments, how to reach us."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        customer = own_row(session, actor)
        business = business_view(session, actor.business_id)
        upcoming = _upcoming(session, actor, ctx.clock.now(), DASHBOARD_LIMIT)
    return CustomerDashboard(customer.name, business, tuple(upcoming))


def _upcoming(session: Session, actor: Actor, now: datetime, limit: int) -> list[AppointmentView]:
    return _views(
        session,
        _select()
        .where(Appointment.customer_id == actor.id, Appointment.start_utc >= now)
        .where(col(Appointment.status).in_(BLOCKING_STATUSES))
        .order_by(Appointment.start_utc, Appointment.id)
        .limit(limit),
    )


def customer_history(
    ctx: Context, actor: Actor, page: PageRequest = FIRST_PAGE
) -> Page[AppointmentView]:
    """One page of the acting customer's past and cancelled appointments, newest first."""
    require(actor, CUSTOMERS)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        rows = _views(
            session,
            _select()
            .where(Appointment.customer_id == actor.id)
            .where((Appointment.start_utc < now) | ~col(Appointment.status).in_(BLOCKING_STATUSES))
            .order_by(col(Appointment.start_utc).desc(), col(Appointment.id).desc())
            .offset(page.offset)
            .limit(page.fetch),
        )
    return Page.cut(rows, page)


def customer_appointment(ctx: Context, actor: Actor, appointment_id: object) -> AppointmentDetail:
    """One of the acting customer's own appointments, with what may still change and until
    when; anyone else's id is NotFound."""
    require(actor, CUSTOMERS)
    wanted = parse_id(appointment_id)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        appointment = own_appointment(session, actor, wanted)
        view = appointment_view(session, appointment.id)
        settings = settings_of(session, appointment.business_id)
        business = business_view(session, appointment.business_id)
        channel, _recipient = customer_channel(own_row(session, actor))
    live = appointment.status in CHANGEABLE and appointment.start_utc > now
    reschedule_until = cancel_until = None
    if live and settings.allow_reschedule:
        reschedule_until = change_deadline(appointment.start_utc, settings.reschedule_min_hours)
    if live:
        cancel_until = change_deadline(appointment.start_utc, settings.cancel_min_hours)
    return AppointmentDetail(
        appointment=view,
        reschedule_until=reschedule_until,
        cancel_until=cancel_until,
        now=now,
        business=business,
        channel=channel,
        business_told=bool(business.email),
    )


def staff_week(ctx: Context, actor: Actor) -> list[AppointmentView]:
    """This calendar week's appointments (Monday to Sunday, business time) that hold a
    place; mechanics see only their own."""
    require(actor, ALL_STAFF)
    tz = ZoneInfo(actor.timezone)
    today = ctx.clock.now().astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=tz)
    query = (
        _select()
        .where(Appointment.business_id == actor.business_id)
        .where(Appointment.start_utc >= start, Appointment.start_utc < end)
        .where(col(Appointment.status).in_(BLOCKING_STATUSES))
        .order_by(Appointment.start_utc, Appointment.id)
        .limit(200)
    )
    if actor.role == Role.MECHANIC:
        query = query.where(Appointment.staff_id == actor.id)
    with ctx.db.transaction() as session:
        return _views(session, query)


def calendar_file(ctx: Context, actor: Actor, appointment_id: object) -> CalendarFile:
    """The .ics of one of the acting customer's appointments (METHOD:CANCEL once it is
    cancelled); NotFound for anyone else's."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        appointment = own_appointment(session, actor, parse_id(appointment_id))
        return ics_for(session, appointment, ctx)
