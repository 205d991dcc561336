"""Free times from the planning engine, for one customer (in the caller's transaction)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session

from portal_app.core.locale import local_date
from portal_app.domain.appointments.planning_data import customer_location, load_planning_data
from portal_app.domain.business.models import Business, Service
from portal_app.domain.business.queries import settings_of
from portal_app.domain.customers.models import Customer
from portal_app.domain.scheduling.planning import OptionsResult, Request, free_slots, options


def _location(business: Business, customer: Customer):
    return customer_location(customer) if business.is_field_service else None


def horizon(session: Session, business_id: int, now: datetime) -> tuple[datetime, datetime]:
    """The window options may come from: now until the owner's horizon."""
    settings = settings_of(session, business_id)
    return now, now + timedelta(days=settings.horizon_days, hours=1)


def find_options(
    session: Session,
    customer: Customer,
    service: Service,
    now: datetime,
    *,
    staff_id: int | None = None,
    preferred_date: date | None = None,
    exclude: frozenset = frozenset(),
    ignore_appointment_id: int | None = None,
    count: int | None = None,
) -> OptionsResult:
    """The engine's best options for the customer (optionally one staff member / a date)."""
    business = session.get(Business, customer.business_id)
    start, end = horizon(session, business.id, now)
    data = load_planning_data(session, business.id, service.id, start, end, staff_id)
    return options(
        Request(
            service_id=service.id,
            now=now,
            customer=_location(business, customer),
            count=count,
            staff_id=staff_id,
            ignore_appointment_id=ignore_appointment_id,
            preferred_date=preferred_date,
            exclude=exclude,
        ),
        data,
    )


def free_times(
    session: Session,
    customer: Customer,
    service: Service,
    now: datetime,
    first_day: date,
    last_day: date,
    *,
    staff_id: int | None = None,
    ignore_appointment_id: int | None = None,
) -> list[tuple[int, datetime]]:
    """Free (staff_id, start) pairs on the local days first_day..last_day, by time;
    'anyone' (staff_id None) merges all qualified staff, the lowest staff id winning a
    shared time. One planning load, whatever the number of days."""
    business = session.get(Business, customer.business_id)
    start, end = horizon(session, business.id, now)
    data = load_planning_data(session, business.id, service.id, start, end, staff_id)
    location = _location(business, customer)
    by_start: dict[datetime, int] = {}
    for calendar in sorted(data.staff, key=lambda c: c.staff_id):
        if staff_id is not None and calendar.staff_id != staff_id:
            continue
        for slot in free_slots(
            data,
            service.id,
            calendar.staff_id,
            first_day,
            last_day,
            now=now,
            customer=location,
            ignore_appointment_id=ignore_appointment_id,
        ):
            if slot < end:
                by_start.setdefault(slot, calendar.staff_id)
    return sorted(((staff, begin) for begin, staff in by_start.items()), key=lambda p: p[1])


def is_free(
    session: Session,
    customer: Customer,
    service: Service,
    staff_id: int,
    start: datetime,
    now: datetime,
    ignore_appointment_id: int | None = None,
) -> bool:
    """Whether `start` is a bookable time of the staff member for the service right now."""
    business = session.get(Business, customer.business_id)
    window_start = max(now, start - timedelta(days=1))
    window_end = start + timedelta(days=2)
    if window_end <= window_start:
        return False
    data = load_planning_data(session, business.id, service.id, window_start, window_end, staff_id)
    if staff_id not in {c.staff_id for c in data.staff}:
        return False
    day = local_date(start, business.timezone)
    slots = free_slots(
        data,
        service.id,
        staff_id,
        day,
        day,
        now=now,
        customer=_location(business, customer),
        ignore_appointment_id=ignore_appointment_id,
    )
    return start in set(slots)
