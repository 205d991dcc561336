"""Load the planning engine's input for one request from the database.

Only what the request needs is read, each with an indexed query: the staff members
qualified for the service (optionally one of them), their working hours, the time off
and blocking appointments overlapping the window (staff_id IN (...), start_utc <
window_end, end_utc > window_start; the window is widened by a day on both sides so
buffers and travel from neighbouring appointments are seen) and the business's closing
days within the window's local dates. `load_with_sql` also returns the SQL it ran.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import event
from sqlmodel import Session, select

from portal_app.domain.appointments.models import BLOCKING_STATUSES, Appointment
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.customers.models import Customer
from portal_app.domain.scheduling.models import ClosingDay, TimeOff, WorkingHours
from portal_app.domain.scheduling.planning.availability import zone
from portal_app.domain.scheduling.planning.inputs import (
    BusyAppointment,
    Location,
    PlanningConfig,
    PlanningData,
    PlanningInputError,
    ServiceSpec,
    StaffCalendar,
    TimeOffSpan,
)

MARGIN = timedelta(days=1)


def customer_location(customer: Customer) -> Location:
    """The planner's view of a customer's address."""
    return Location(customer.latitude, customer.longitude, customer.postcode or "")


def load_planning_data(
    session: Session,
    business_id: int,
    service_id: int,
    window_start: datetime,
    window_end: datetime,
    staff_id: int | None = None,
) -> PlanningData:
    """PlanningData holding only `service_id` and the staff/window it needs."""
    if window_end <= window_start:
        raise PlanningInputError("The planning window ends before it starts.")
    business = session.get(Business, business_id)
    if business is None:
        raise PlanningInputError(f"Unknown business id {business_id}.")
    settings = session.get(BusinessSettings, business_id) or BusinessSettings(
        business_id=business_id
    )
    service = session.exec(
        select(Service).where(Service.id == service_id, Service.business_id == business_id)
    ).first()
    if service is None or not service.active:
        raise PlanningInputError(f"Unknown service id {service_id}.")

    staff_q = (
        select(StaffMember)
        .join(ServiceStaff, ServiceStaff.staff_id == StaffMember.id)
        .where(
            ServiceStaff.service_id == service_id,
            StaffMember.business_id == business_id,
            StaffMember.active == True,  # noqa: E712
        )
        .order_by(StaffMember.id)
    )
    if staff_id is not None:
        staff_q = staff_q.where(StaffMember.id == staff_id)
    staff_rows = list(session.exec(staff_q).all())
    ids = [s.id for s in staff_rows]

    hours: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    offs: dict[int, list[TimeOffSpan]] = defaultdict(list)
    appts: dict[int, list[BusyAppointment]] = defaultdict(list)
    closing: frozenset = frozenset()
    lo, hi = window_start - MARGIN, window_end + MARGIN
    if ids:
        for wh in session.exec(select(WorkingHours).where(WorkingHours.staff_id.in_(ids))):
            hours[wh.staff_id][wh.weekday].append((wh.start_minute, wh.end_minute))
        for off in session.exec(
            select(TimeOff).where(
                TimeOff.staff_id.in_(ids), TimeOff.start_utc < hi, TimeOff.end_utc > lo
            )
        ):
            offs[off.staff_id].append(TimeOffSpan(off.start_utc, off.end_utc))
        appt_q = (
            select(
                Appointment.id,
                Appointment.staff_id,
                Appointment.start_utc,
                Appointment.end_utc,
                Customer.latitude,
                Customer.longitude,
                Customer.postcode,
                Service.buffer_before_minutes,
                Service.buffer_after_minutes,
            )
            .join(Customer, Customer.id == Appointment.customer_id, isouter=True)
            .join(Service, Service.id == Appointment.service_id, isouter=True)
            .where(
                Appointment.staff_id.in_(ids),
                Appointment.start_utc < hi,
                Appointment.end_utc > lo,
                Appointment.status.in_([str(s) for s in BLOCKING_STATUSES]),
            )
        )
        for aid, sid, start, end, lat, lon, pc, bb, ba in session.exec(appt_q):
            appts[sid].append(
                BusyAppointment(
                    start,
                    end,
                    Location(lat, lon, pc or ""),
                    aid,
                    bb or 0,
                    ba or 0,
                )
            )
        tz = zone(business.timezone)
        first_day = lo.astimezone(tz).date()
        last_day = hi.astimezone(tz).date()
        closing = frozenset(
            session.exec(
                select(ClosingDay.day).where(
                    ClosingDay.business_id == business_id,
                    ClosingDay.day >= first_day,
                    ClosingDay.day <= last_day,
                )
            ).all()
        )

    calendars = [
        StaffCalendar(
            staff_id=s.id,  # type: ignore[arg-type]
            working_hours={k: tuple(v) for k, v in hours[s.id].items()},
            appointments=tuple(appts[s.id]),
            time_off=tuple(offs[s.id]),
            base=Location(s.base_latitude, s.base_longitude)
            if s.base_latitude is not None
            else None,
            service_radius_km=s.service_radius_km,
            service_postcodes=s.service_postcodes or "",
        )
        for s in staff_rows
    ]
    config = PlanningConfig(
        timezone=business.timezone,
        field_service=business.is_field_service,
        options_count=settings.options_count,
        min_notice_minutes=settings.min_notice_minutes,
        horizon_days=settings.horizon_days,
        slot_step_minutes=settings.slot_step_minutes,
        travel_speed_kmh=settings.travel_speed_kmh,
        road_factor_percent=settings.road_factor_percent,
    )
    spec = ServiceSpec(
        service_id=service_id,
        duration_minutes=service.duration_minutes,
        staff_ids=frozenset(ids),  # type: ignore[arg-type]
        buffer_before_minutes=service.buffer_before_minutes,
        buffer_after_minutes=service.buffer_after_minutes,
    )
    return PlanningData(config, {service_id: spec}, calendars, closing)


@contextmanager
def capture_sql(session: Session) -> Iterator[list[str]]:
    """Collect the SQL statements (with parameters) run on the session's engine."""
    statements: list[str] = []
    engine = session.get_bind()

    def _record(conn, cursor, statement, parameters, context, executemany):
        statements.append(f"{' '.join(statement.split())}  -- params={parameters!r}")

    event.listen(engine, "before_cursor_execute", _record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _record)


def load_with_sql(
    session: Session,
    business_id: int,
    service_id: int,
    window_start: datetime,
    window_end: datetime,
    staff_id: int | None = None,
) -> tuple[PlanningData, list[str]]:
    """`load_planning_data` plus the list of SQL statements it ran."""
    with capture_sql(session) as statements:
        data = load_planning_data(
            session, business_id, service_id, window_start, window_end, staff_id
        )
    return data, statements
