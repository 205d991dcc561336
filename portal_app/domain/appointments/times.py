"""Free times as customers see them: for self-booking, and to move an appointment."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from portal_app.core.actor import CUSTOMERS, Actor, require
from portal_app.core.context import Context
from portal_app.core.locale import local_date
from portal_app.core.parsing import parse_date, parse_id, parse_optional_id
from portal_app.domain.appointments.availability import find_options, free_times
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.queries import appointment_view
from portal_app.domain.appointments.rules import check_reschedule_allowed, own_appointment
from portal_app.domain.appointments.views import DayAvailability, OptionView, RescheduleScreen
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.business.queries import active_service, bookable_services, settings_of
from portal_app.domain.business.views import BookableService
from portal_app.domain.customers.queries import own_row
from portal_app.domain.messaging.outbox import customer_channel

RESCHEDULE_FALLBACK = 8
WEEK = 7


def services_for_booking(ctx: Context, actor: Actor) -> list[BookableService]:
    """The services the acting customer can book, each with who performs it."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        return bookable_services(session, actor.business_id, actor.locale)


def _names(session: Session, staff_ids: set[int]) -> dict[int, str]:
    if not staff_ids:
        return {}
    rows = session.exec(
        select(StaffMember.id, StaffMember.name).where(col(StaffMember.id).in_(staff_ids))
    ).all()
    return dict(rows)


def option_views(
    session: Session, service: Service, pairs: list[tuple[int, datetime]]
) -> list[OptionView]:
    names = _names(session, {staff for staff, _start in pairs})
    length = timedelta(minutes=service.duration_minutes)
    return [
        OptionView(staff, names.get(staff, ""), start, start + length, service.price_cents)
        for staff, start in pairs
    ]


def _free_for_booking(
    session: Session, ctx: Context, actor: Actor, service_id: object, staff_id: object, days
) -> tuple[Service, list[tuple[int, datetime]]]:
    """The acting customer's service and its free (staff, start) pairs on `days`."""
    customer = own_row(session, actor)
    service = active_service(session, customer.business_id, parse_id(service_id))
    pairs = free_times(
        session,
        customer,
        service,
        ctx.clock.now(),
        days[0],
        days[-1],
        staff_id=parse_optional_id(staff_id),
    )
    return service, pairs


def booking_times(
    ctx: Context, actor: Actor, *, service_id: object, staff_id: object, day: object
) -> list[OptionView]:
    """Free times on one day for a service, with one staff member or anyone."""
    require(actor, CUSTOMERS)
    wanted_day = parse_date(day)
    with ctx.db.transaction() as session:
        service, pairs = _free_for_booking(session, ctx, actor, service_id, staff_id, [wanted_day])
        return option_views(session, service, pairs)


def booking_week(
    ctx: Context, actor: Actor, *, service_id: object, staff_id: object, first_day: object
) -> list[DayAvailability]:
    """Seven days from `first_day` (not before today), each with how many times are free."""
    require(actor, CUSTOMERS)
    today = local_date(ctx.clock.now(), actor.timezone)
    start = max(parse_date(first_day), today)
    days = [start + timedelta(days=offset) for offset in range(WEEK)]
    with ctx.db.transaction() as session:
        _service, pairs = _free_for_booking(session, ctx, actor, service_id, staff_id, days)
    counts = Counter(local_date(begin, actor.timezone) for _staff, begin in pairs)
    return [DayAvailability(day, counts.get(day, 0)) for day in days]


def reschedule_screen(
    ctx: Context, actor: Actor, *, appointment_id: object, day: object = None
) -> RescheduleScreen:
    """The appointment to move and every free time of the same staff member on `day`
    (default: its own day, or tomorrow); when that day is full, the nearest options
    around it. Refused with the reason when it may not be moved (any more)."""
    require(actor, CUSTOMERS)
    wanted = parse_id(appointment_id)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        appointment = own_appointment(session, actor, wanted)
        check_reschedule_allowed(settings_of(session, appointment.business_id), appointment, now)
        customer = own_row(session, actor)
        service = session.get(Service, appointment.service_id)
        business = session.get(Business, appointment.business_id)
        tz = ZoneInfo(business.timezone)
        chosen = _reschedule_day(day, appointment, now, tz)
        pairs = free_times(
            session,
            customer,
            service,
            now,
            chosen,
            chosen,
            staff_id=appointment.staff_id,
            ignore_appointment_id=appointment.id,
        )
        if not [p for p in pairs if p[1] != appointment.start_utc]:
            result = find_options(
                session,
                customer,
                service,
                now,
                staff_id=appointment.staff_id,
                ignore_appointment_id=appointment.id,
                preferred_date=chosen,
                count=RESCHEDULE_FALLBACK,
            )
            pairs = sorted((o.staff_id, o.start_utc) for o in result.options)
        pairs = [p for p in pairs if p[1] != appointment.start_utc]
        times = option_views(session, service, sorted(pairs, key=lambda p: p[1]))
        return RescheduleScreen(
            current=appointment_view(session, appointment.id),
            day=chosen,
            times=tuple(times),
            channel=customer_channel(customer)[0],
            business_told=bool(business.email),
        )


def _reschedule_day(day: object, appointment: Appointment, now: datetime, tz: ZoneInfo) -> date:
    if day not in (None, ""):
        return parse_date(day)
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    return max(tomorrow, appointment.start_utc.astimezone(tz).date())
