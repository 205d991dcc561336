"""Read models of appointments and free times, always filtered by the acting person.

Each read is a fixed number of statements, whatever the number of appointments.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam
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
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.business.queries import (
    business_view,
    settings_of,
)
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import own_row
from portal_app.domain.messaging.outbox import customer_channel

UPCOMING_LIMIT = 50
DASHBOARD_LIMIT = 5
WEEK_LIMIT = 200


def _select():
    """Plain columns of appointments with their service, staff member and customer."""
    return (
        select(
            Appointment.id,
            Service.name,
            StaffMember.name,
            Customer.name,
            Appointment.start_utc,
            Appointment.end_utc,
            Appointment.price_cents,
            Appointment.status,
            Appointment.location,
            Appointment.video_url,
            Service.name_en,
            Appointment.paid,
        )
        .join(Service, Service.id == Appointment.service_id)
        .join(StaffMember, StaffMember.id == Appointment.staff_id)
        .join(Customer, Customer.id == Appointment.customer_id)
    )


def _views(session: Session, query, params: dict | None = None) -> list[AppointmentView]:
    return [
        AppointmentView(
            id=row[0],
            service_name=row[1],
            staff_name=row[2],
            customer_name=row[3],
            start_utc=row[4],
            duration_minutes=int((row[5] - row[4]).total_seconds() // 60),
            price_cents=row[6],
            status=str(row[7]),
            location=row[8],
            video_url=row[9],
            service_name_en=row[10],
            paid=row[11],
        )
        # Plain columns: executed on the connection, without the ORM's result machinery.
        for row in session.connection().execute(query, params or {})
    ]


# The lists every page load reads are built once, with their values as parameters.
_LIVE = col(Appointment.status).in_(BLOCKING_STATUSES)
_ONE = _select().where(Appointment.id == bindparam("appointment"))
_UPCOMING = (
    _select()
    .where(
        Appointment.customer_id == bindparam("customer"), Appointment.start_utc >= bindparam("now")
    )
    .where(_LIVE)
    .order_by(Appointment.start_utc, Appointment.id)
    .limit(bindparam("limit"))
)
_HISTORY = (
    _select()
    .where(Appointment.customer_id == bindparam("customer"))
    .where((Appointment.start_utc < bindparam("now")) | ~_LIVE)
    .order_by(col(Appointment.start_utc).desc(), col(Appointment.id).desc())
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)
_WEEK = (
    _select()
    .where(
        Appointment.business_id == bindparam("business"),
        Appointment.start_utc >= bindparam("start"),
        Appointment.start_utc < bindparam("end"),
    )
    .where(_LIVE)
    .order_by(Appointment.start_utc, Appointment.id)
    .limit(WEEK_LIMIT)
)
_OWN_WEEK = _WEEK.where(Appointment.staff_id == bindparam("staff"))
_GREETING = (
    select(Customer.name, Business.name, Business.phone, Business.email)
    .join(Business, Business.id == Customer.business_id)
    .where(Customer.id == bindparam("customer"), Customer.business_id == bindparam("business"))
)


def appointment_view(session: Session, appointment_id: int) -> AppointmentView:
    """The view of one appointment, in the caller's transaction."""
    views = _views(session, _ONE, {"appointment": appointment_id})
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
        greeting = (
            session.connection()
            .execute(_GREETING, {"customer": actor.id, "business": actor.business_id})
            .first()
        )
        if greeting is None:
            raise NotFound("no such customer")
        upcoming = _upcoming(session, actor, ctx.clock.now(), DASHBOARD_LIMIT)
    name, business, phone, email = greeting
    return CustomerDashboard(name, business, phone, email, tuple(upcoming))


def _upcoming(session: Session, actor: Actor, now: datetime, limit: int) -> list[AppointmentView]:
    return _views(session, _UPCOMING, {"customer": actor.id, "now": now, "limit": limit})


def customer_history(
    ctx: Context, actor: Actor, page: PageRequest = FIRST_PAGE
) -> Page[AppointmentView]:
    """One page of the acting customer's past and cancelled appointments, newest first."""
    require(actor, CUSTOMERS)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        rows = _views(
            session,
            _HISTORY,
            {"customer": actor.id, "now": now, "offset": page.offset, "limit": page.fetch},
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
    params = {"business": actor.business_id, "start": start, "end": end, "staff": actor.id}
    query = _OWN_WEEK if actor.role == Role.MECHANIC else _WEEK
    with ctx.db.transaction() as session:
        return _views(session, query, params)


def calendar_file(ctx: Context, actor: Actor, appointment_id: object) -> CalendarFile:
    """The .ics of one of the acting customer's appointments (METHOD:CANCEL once it is
    cancelled); NotFound for anyone else's."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        appointment = own_appointment(session, actor, parse_id(appointment_id))
        return ics_for(session, appointment, ctx)


def customer_appointment_page(
    session: Session, business_id: int, customer_id: int, page: PageRequest
) -> Page[AppointmentView]:
    """One page of a customer's appointments, latest start first, in one statement, for
    staff (the caller checked the customer is of their business)."""
    rows = _views(
        session,
        _select()
        .where(Appointment.business_id == business_id, Appointment.customer_id == customer_id)
        .order_by(col(Appointment.start_utc).desc(), col(Appointment.id).desc())
        .offset(page.offset)
        .limit(page.fetch),
    )
    return Page.cut(rows, page)
