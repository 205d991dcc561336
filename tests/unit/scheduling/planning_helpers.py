"""Shared builders and an independent checker for the planning tests."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from portal_app.domain.scheduling.planning import (
    BusyAppointment,
    Location,
    Option,
    PlanningConfig,
    PlanningData,
    ServiceSpec,
    StaffCalendar,
    TimeOffSpan,
    haversine_km,
)

AMS = ZoneInfo("Europe/Amsterdam")
WEEKDAYS_9_TO_17 = {d: ((9 * 60, 17 * 60),) for d in range(5)}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS).astimezone(UTC)


def simple_data(
    staff: list[StaffCalendar] | None = None,
    *,
    duration: int = 60,
    bb: int = 0,
    ba: int = 0,
    staff_ids: frozenset[int] | None = None,
    closing: frozenset[date] = frozenset(),
    **cfg,
) -> PlanningData:
    staff = staff if staff is not None else [StaffCalendar(1, WEEKDAYS_9_TO_17)]
    ids = staff_ids if staff_ids is not None else frozenset(s.staff_id for s in staff)
    cfg.setdefault("min_notice_minutes", 0)
    return PlanningData(
        PlanningConfig(**cfg), {10: ServiceSpec(10, duration, ids, bb, ba)}, staff, closing
    )


def wall_to_utc(day: date, minute: int, tz: ZoneInfo = AMS) -> datetime:
    return (
        datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(minutes=minute)
    ).astimezone(UTC)


def travel_ceil(a: Location | None, b: Location | None, cfg: PlanningConfig) -> int:
    if a is None or b is None or not a.has_coordinates or not b.has_coordinates:
        return 0
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
    return math.ceil(km * cfg.road_factor_percent / 100 / cfg.travel_speed_kmh * 60 - 1e-9)


def violations(
    data: PlanningData,
    staff_id: int,
    start: datetime,
    *,
    customer: Location | None = None,
    ignore_id: int | None = None,
) -> list[str]:
    """Why a start for service 10 would be invalid (empty list: valid). Independent check."""
    cfg = data.config
    tz = ZoneInfo(cfg.timezone)
    svc = data.services[10]
    cal = next(s for s in data.staff if s.staff_id == staff_id)
    b0 = start - timedelta(minutes=svc.buffer_before_minutes)
    b1 = start + timedelta(minutes=svc.duration_minutes + svc.buffer_after_minutes)
    out = []
    if staff_id not in svc.staff_ids:
        out.append("unqualified")
    inside = False
    for day in {b0.astimezone(tz).date() + timedelta(days=k) for k in (-1, 0)}:
        for s, e in cal.working_hours.get(day.weekday(), ()):
            if wall_to_utc(day, s, tz) <= b0 and b1 <= wall_to_utc(day, e, tz):
                inside = True
                if day in data.closing_days:
                    out.append("closing day")
    if not inside:
        out.append("outside working hours")
    for off in cal.time_off:
        if off.start_utc < b1 and b0 < off.end_utc:
            out.append("time off")
    prev_end = None
    next_start = None
    for a in cal.appointments:
        if ignore_id is not None and a.appointment_id == ignore_id:
            continue
        a0 = a.start_utc - timedelta(minutes=a.buffer_before_minutes)
        a1 = a.end_utc + timedelta(minutes=a.buffer_after_minutes)
        if a0 < b1 and b0 < a1:
            out.append(f"overlaps appointment {a.appointment_id}")
        if a1 <= b0 and (prev_end is None or a1 > prev_end):
            prev_end = a1
        if a0 >= b1 and (next_start is None or a0 < next_start):
            next_start = a0
    if cfg.field_service and customer is not None:
        for a in cal.appointments:
            if ignore_id is not None and a.appointment_id == ignore_id:
                continue
            a0 = a.start_utc - timedelta(minutes=a.buffer_before_minutes)
            a1 = a.end_utc + timedelta(minutes=a.buffer_after_minutes)
            if (
                a1 == prev_end
                and a1 + timedelta(minutes=travel_ceil(a.location, customer, cfg)) > b0
            ):
                out.append(f"no travel time from {a.appointment_id}")
            if (
                a0 == next_start
                and b1 + timedelta(minutes=travel_ceil(customer, a.location, cfg)) > a0
            ):
                out.append(f"no travel time to {a.appointment_id}")
    return out


def check_option(data: PlanningData, opt: Option, **kw) -> list[str]:
    svc = data.services[10]
    problems = violations(data, opt.staff_id, opt.start_utc, **kw)
    if opt.end_utc - opt.start_utc != timedelta(minutes=svc.duration_minutes):
        problems.append("wrong end")
    if opt.start_utc.utcoffset() != timedelta(0):
        problems.append("not UTC")
    return problems


__all__ = [
    "AMS",
    "BusyAppointment",
    "Location",
    "StaffCalendar",
    "TimeOffSpan",
    "WEEKDAYS_9_TO_17",
    "check_option",
    "local",
    "simple_data",
    "utc",
    "violations",
    "wall_to_utc",
]
