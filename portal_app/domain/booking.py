"""Customers book, reschedule and cancel; options come from the planning engine.

Every function takes the session's actor and loads what it changes itself. Writes
must run in `session_scope(write_lock=True)`: on SQLite the write lock is taken
before the availability check; on PostgreSQL an exclusion constraint refuses any
overlap per staff member, which surfaces here as SlotTaken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from portal_app.domain.actor import Actor
from portal_app.domain.booking_rules import (
    SlotTaken,
    TooLate,
    business_service,
    clash_exists,
    mail_customer,
    notify_business,
    own_appointment,
    parse_day,
    parse_id,
    parse_optional_id,
    parse_start,
    record_activity,
    require_customer,
    settings_of,
)
from portal_app.domain.errors import NotAllowed
from portal_app.domain.models import (
    Appointment,
    AppointmentStatus,
    BackofficeTask,
    Business,
    Customer,
    Service,
    ServiceStaff,
    StaffMember,
    TaskKind,
)
from portal_app.domain.planning import OptionsResult, Request, free_slots, options
from portal_app.domain.planning.loader import customer_location, load_planning_data
from portal_app.infra.clock import Clock

CHANGEABLE = (AppointmentStatus.REQUESTED, AppointmentStatus.BOOKED, AppointmentStatus.RESCHEDULED)


class RescheduleDisabled(NotAllowed):
    code = "booking.reschedule_disabled"


class NotChangeable(NotAllowed):
    code = "booking.not_changeable"


@dataclass(frozen=True)
class ServiceChoice:
    id: int
    name: str
    duration_minutes: int
    price_cents: int
    staff: tuple[tuple[int, str], ...]


def _location(session: Session, customer: Customer):
    business = session.get(Business, customer.business_id)
    return customer_location(customer) if business.is_field_service else None


def _window(session: Session, business_id: int, now: datetime) -> tuple[datetime, datetime]:
    settings = settings_of(session, business_id)
    return now, now + timedelta(days=settings.horizon_days, hours=1)


def find_options(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    service_id: object,
    staff_id: object = None,
    preferred_date: object = None,
    exclude: frozenset = frozenset(),
    ignore_appointment_id: int | None = None,
    count: int | None = None,
) -> OptionsResult:
    """The best options for the acting customer (optionally one staff member / near a date)."""
    customer = require_customer(session, actor)
    service = business_service(session, customer.business_id, service_id)
    staff = parse_optional_id(staff_id)
    day = parse_day(preferred_date) if preferred_date not in (None, "") else None
    now = clock.now()
    start, end = _window(session, customer.business_id, now)
    data = load_planning_data(session, customer.business_id, service.id, start, end, staff)
    return options(
        Request(
            service_id=service.id,
            now=now,
            customer=_location(session, customer),
            count=count,
            staff_id=staff,
            ignore_appointment_id=ignore_appointment_id,
            preferred_date=day,
            exclude=exclude,
        ),
        data,
    )


def is_free(
    session: Session,
    customer: Customer,
    service: Service,
    staff_id: int,
    start: datetime,
    now: datetime,
    ignore_appointment_id: int | None = None,
) -> bool:
    """Whether `start` is a bookable slot of the staff member for the service right now."""
    business = session.get(Business, customer.business_id)
    local_day = start.astimezone(ZoneInfo(business.timezone)).date()
    window_start = max(now, start - timedelta(days=1))
    window_end = start + timedelta(days=2)
    if window_end <= window_start:
        return False
    data = load_planning_data(
        session, customer.business_id, service.id, window_start, window_end, staff_id
    )
    if staff_id not in {c.staff_id for c in data.staff}:
        return False
    slots = free_slots(
        data,
        service.id,
        staff_id,
        local_day,
        local_day,
        now=now,
        customer=_location(session, customer),
        ignore_appointment_id=ignore_appointment_id,
    )
    return start in set(slots)


def book(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    service_id: object,
    staff_id: object,
    start: object,
    public_url: str,
) -> Appointment:
    """Book (or, in request mode, request) an option; SlotTaken when it is gone."""
    customer = require_customer(session, actor)
    service = business_service(session, customer.business_id, service_id)
    staff = parse_id(staff_id)
    begin = parse_start(start)
    now = clock.now()
    end = begin + timedelta(minutes=service.duration_minutes)
    if not is_free(session, customer, service, staff, begin, now):
        raise SlotTaken("not free")
    if clash_exists(session, staff, begin, end):
        raise SlotTaken("overlap")
    settings = settings_of(session, customer.business_id)
    requested = settings.booking_mode == "request"
    business = session.get(Business, customer.business_id)
    appointment = Appointment(
        business_id=customer.business_id,
        customer_id=customer.id,
        staff_id=staff,
        service_id=service.id,
        status=AppointmentStatus.REQUESTED if requested else AppointmentStatus.BOOKED,
        start_utc=begin,
        end_utc=end,
        price_cents=service.price_cents,
        location=_address(customer) if business.is_field_service else "",
        created_at=now,
    )
    session.add(appointment)
    try:
        session.flush()
    except IntegrityError:
        raise SlotTaken("exclusion constraint") from None
    action = "requested" if requested else "booked"
    record_activity(session, actor, action, appointment, service.name, now)
    if requested:
        session.add(
            BackofficeTask(
                business_id=customer.business_id,
                kind=TaskKind.APPROVE_REQUEST,
                customer_id=customer.id,
                appointment_id=appointment.id,
                created_at=now,
            )
        )
        mail_customer(session, "booking_requested", customer, appointment, clock, public_url)
    else:
        mail_customer(
            session, "booking_confirmation", customer, appointment, clock, public_url, True
        )
    notify_business(session, action, customer, appointment, clock)
    return appointment


def _address(customer: Customer) -> str:
    return ", ".join(part for part in (customer.street, customer.postcode, customer.city) if part)


def reschedule(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    appointment_id: object,
    start: object,
    public_url: str,
) -> Appointment:
    """Move the customer's own future appointment to another time of the same staff member."""
    appointment = own_appointment(session, actor, appointment_id)
    customer = require_customer(session, actor)
    check_reschedule_allowed(session, appointment, clock.now())
    service = session.get(Service, appointment.service_id)
    begin = parse_start(start)
    now = clock.now()
    end = begin + (appointment.end_utc - appointment.start_utc)
    if not is_free(session, customer, service, appointment.staff_id, begin, now, appointment.id):
        raise SlotTaken("not free")
    if clash_exists(session, appointment.staff_id, begin, end, appointment.id):
        raise SlotTaken("overlap")
    appointment.start_utc, appointment.end_utc = begin, end
    if appointment.status != AppointmentStatus.REQUESTED:
        appointment.status = AppointmentStatus.RESCHEDULED
    appointment.reminder_sent_at = None
    session.add(appointment)
    try:
        session.flush()
    except IntegrityError:
        raise SlotTaken("exclusion constraint") from None
    record_activity(session, actor, "rescheduled", appointment, service.name, now)
    mail_customer(session, "rescheduled", customer, appointment, clock, public_url, True)
    notify_business(session, "rescheduled", customer, appointment, clock)
    return appointment


def check_reschedule_allowed(session: Session, appointment: Appointment, now: datetime) -> None:
    """Refuse when the owner disabled it, it is past/cancelled, or too close to the start."""
    settings = settings_of(session, appointment.business_id)
    if not settings.allow_reschedule:
        raise RescheduleDisabled("disabled")
    if appointment.status not in CHANGEABLE or appointment.start_utc <= now:
        raise NotChangeable("past or cancelled")
    hours = settings.reschedule_min_hours
    if hours and appointment.start_utc - now < timedelta(hours=hours):
        raise TooLate("too late to reschedule", code="booking.too_late_reschedule")


def check_cancel_allowed(session: Session, appointment: Appointment, now: datetime) -> None:
    """Refuse when it is past/cancelled or closer to the start than the owner allows."""
    settings = settings_of(session, appointment.business_id)
    if appointment.status not in CHANGEABLE or appointment.start_utc <= now:
        raise NotChangeable("past or cancelled")
    hours = settings.cancel_min_hours
    if hours and appointment.start_utc - now < timedelta(hours=hours):
        raise TooLate("too late to cancel", code="booking.too_late_cancel")


def cancel(
    session: Session, actor: Actor, clock: Clock, *, appointment_id: object, public_url: str
) -> Appointment:
    """Cancel the customer's own appointment; a paid one also becomes a credit task."""
    appointment = own_appointment(session, actor, appointment_id)
    customer = require_customer(session, actor)
    now = clock.now()
    check_cancel_allowed(session, appointment, now)
    service = session.get(Service, appointment.service_id)
    appointment.status = AppointmentStatus.CANCELLED
    session.add(appointment)
    record_activity(session, actor, "cancelled", appointment, service.name, now)
    if appointment.paid:
        session.add(
            BackofficeTask(
                business_id=appointment.business_id,
                kind=TaskKind.CREDIT_INVOICE,
                customer_id=customer.id,
                appointment_id=appointment.id,
                created_at=now,
            )
        )
    mail_customer(session, "cancelled", customer, appointment, clock, public_url)
    notify_business(session, "cancelled", customer, appointment, clock)
    return appointment


def bookable_services(session: Session, actor: Actor) -> list[ServiceChoice]:
    """Services the customer can book, each with the staff who perform it."""
    customer = require_customer(session, actor)
    services = session.exec(
        select(Service)
        .where(Service.business_id == customer.business_id, col(Service.active).is_(True))
        .order_by(Service.name)
    ).all()
    links = session.exec(
        select(ServiceStaff.service_id, StaffMember.id, StaffMember.name)
        .join(StaffMember, StaffMember.id == ServiceStaff.staff_id)
        .where(col(StaffMember.active).is_(True), StaffMember.business_id == customer.business_id)
        .order_by(StaffMember.name)
    ).all()
    by_service: dict[int, list[tuple[int, str]]] = {}
    for service_id, staff_id, name in links:
        by_service.setdefault(service_id, []).append((staff_id, name))
    return [
        ServiceChoice(s.id, s.name, s.duration_minutes, s.price_cents, tuple(by_service[s.id]))
        for s in services
        if by_service.get(s.id)
    ]


def day_slots(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    service_id: object,
    staff_id: object,
    day: object,
    ignore_appointment_id: int | None = None,
) -> list[tuple[int, datetime]]:
    """Free (staff_id, start) pairs on one local day; 'anyone' merges all qualified staff.

    `ignore_appointment_id` (the customer's own appointment being moved) does not block.
    """
    customer = require_customer(session, actor)
    service = business_service(session, customer.business_id, service_id)
    staff = parse_optional_id(staff_id)
    local_day: date = parse_day(day)
    now = clock.now()
    start, end = _window(session, customer.business_id, now)
    data = load_planning_data(session, customer.business_id, service.id, start, end, staff)
    location = _location(session, customer)
    by_start: dict[datetime, int] = {}
    for calendar in sorted(data.staff, key=lambda c: c.staff_id):
        if staff is not None and calendar.staff_id != staff:
            continue
        for slot in free_slots(
            data,
            service.id,
            calendar.staff_id,
            local_day,
            local_day,
            now=now,
            customer=location,
            ignore_appointment_id=ignore_appointment_id,
        ):
            if slot < end:
                by_start.setdefault(slot, calendar.staff_id)
    return sorted(((staff_id, start) for start, staff_id in by_start.items()), key=lambda p: p[1])
