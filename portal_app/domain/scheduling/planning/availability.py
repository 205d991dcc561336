"""Free intervals per staff member per local day, DST-safe.

Times are kept as integer "epoch minutes" (minutes since 1970-01-01 UTC). Working hours
are local wall-clock minutes; each (day, minute) is converted with zoneinfo, so a 09:00
start is 08:00 UTC on the day before the October change and 07:00 UTC after it.
Busy spans are kept per staff member in lists sorted by start and found with bisect.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from portal_app.domain.scheduling.planning.inputs import Location, PlanningInputError, StaffCalendar
from portal_app.domain.scheduling.planning.service_area import parse_postcode_ranges

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_minute(dt: datetime, *, ceil: bool = False) -> int:
    """Aware datetime -> epoch minutes (floor, or ceil for span ends)."""
    if dt.tzinfo is None or (dt.tzinfo is not UTC and dt.utcoffset() is None):
        raise PlanningInputError(f"Datetime {dt.isoformat()} has no time zone; use aware UTC.")
    seconds = dt.timestamp()
    return -int(-seconds // 60) if ceil else int(seconds // 60)


def from_minute(minute: int) -> datetime:
    """Epoch minutes -> aware UTC datetime."""
    return _EPOCH + timedelta(minutes=minute)


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PlanningInputError(f"Unknown time zone {name!r}.") from exc


@lru_cache(maxsize=200_000)
def local_minute_to_utc(tz_name: str, day_ordinal: int, minute: int) -> int:
    """Epoch minute of local wall-clock `minute` (0..1440) on the given local day.

    A wall time that does not exist (spring forward gap) maps like zoneinfo's fold=0,
    i.e. one hour later in wall time; 1440 is the next day's local midnight.
    """
    d = date.fromordinal(day_ordinal)
    local = datetime(d.year, d.month, d.day, tzinfo=zone(tz_name)) + timedelta(minutes=minute)
    return to_minute(local)


def local_date(tz_name: str, minute: int) -> date:
    """The local calendar date of an epoch minute."""
    return from_minute(minute).astimezone(zone(tz_name)).date()


@dataclass(slots=True)
class StaffIndex:
    """Search structures for one staff member (built once per PlanningData)."""

    staff_id: int
    calendar: StaffCalendar
    hours: dict[int, tuple[tuple[int, int], ...]]
    # appointments, sorted by blocked start (start - buffer_before)
    starts: list[int]
    ends: list[int]
    ids: list[int | None]
    locations: list[Location | None]
    max_len: int
    # time off, sorted by start
    off_starts: list[int]
    off_ends: list[int]
    off_max_len: int
    postcode_ranges: tuple[tuple[int, int], ...]


def build_staff_index(cal: StaffCalendar) -> StaffIndex:
    """Validate one calendar and build its sorted busy lists."""
    hours: dict[int, tuple[tuple[int, int], ...]] = {}
    for weekday, intervals in cal.working_hours.items():
        if weekday not in range(7):
            raise PlanningInputError(f"Weekday {weekday} is not 0 (Monday) .. 6 (Sunday).")
        clean = []
        for start, end in intervals:
            if not (0 <= start < end <= 1440):
                raise PlanningInputError(
                    f"Working hours {start}-{end} for staff {cal.staff_id} on weekday "
                    f"{weekday}: end must lie after start, within 0..1440 minutes."
                )
            clean.append((start, end))
        clean.sort()
        if clean:
            hours[weekday] = tuple(clean)
    rows = []
    for appt in cal.appointments:
        if appt.end_utc <= appt.start_utc:
            raise PlanningInputError(
                f"Appointment {appt.appointment_id} of staff {cal.staff_id} ends before it starts."
            )
        if appt.buffer_before_minutes < 0 or appt.buffer_after_minutes < 0:
            raise PlanningInputError(f"Appointment {appt.appointment_id} has a negative buffer.")
        rows.append(
            (
                to_minute(appt.start_utc) - appt.buffer_before_minutes,
                to_minute(appt.end_utc, ceil=True) + appt.buffer_after_minutes,
                appt.appointment_id,
                appt.location,
            )
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    offs = []
    for off in cal.time_off:
        if off.end_utc <= off.start_utc:
            raise PlanningInputError(f"Time off of staff {cal.staff_id} ends before it starts.")
        offs.append((to_minute(off.start_utc), to_minute(off.end_utc, ceil=True)))
    offs.sort()
    return StaffIndex(
        staff_id=cal.staff_id,
        calendar=cal,
        hours=hours,
        starts=[r[0] for r in rows],
        ends=[r[1] for r in rows],
        ids=[r[2] for r in rows],
        locations=[r[3] for r in rows],
        max_len=max((r[1] - r[0] for r in rows), default=0),
        off_starts=[o[0] for o in offs],
        off_ends=[o[1] for o in offs],
        off_max_len=max((o[1] - o[0] for o in offs), default=0),
        postcode_ranges=parse_postcode_ranges(cal.service_postcodes or ""),
    )


def working_spans(staff: StaffIndex, tz_name: str, day: date) -> list[tuple[int, int]]:
    """The staff member's working intervals on a local day, as epoch-minute spans."""
    intervals = staff.hours.get(day.weekday())
    if not intervals:
        return []
    o = day.toordinal()
    return [
        (local_minute_to_utc(tz_name, o, s), local_minute_to_utc(tz_name, o, e))
        for s, e in intervals
    ]


def blocked_spans(
    staff: StaffIndex, lo: int, hi: int, ignore_id: int | None = None
) -> list[tuple[int, int]]:
    """Sorted busy spans (appointments incl. buffers, time off) overlapping [lo, hi)."""
    out: list[tuple[int, int]] = []
    starts, ends, ids = staff.starts, staff.ends, staff.ids
    i = bisect_left(starts, lo - staff.max_len)
    j = bisect_left(starts, hi)
    for k in range(i, j):
        if ends[k] > lo and (ignore_id is None or ids[k] != ignore_id):
            out.append((starts[k], ends[k]))
    if staff.off_starts:
        os_, oe = staff.off_starts, staff.off_ends
        i = bisect_left(os_, lo - staff.off_max_len)
        j = bisect_left(os_, hi)
        for k in range(i, j):
            if oe[k] > lo:
                out.append((os_[k], oe[k]))
        out.sort()
    return out


def free_gaps(
    spans: list[tuple[int, int]], blocked: list[tuple[int, int]], lo: int, hi: int
) -> list[tuple[int, int]]:
    """Working spans minus blocked spans, clipped to [lo, hi); blocked must be sorted."""
    gaps: list[tuple[int, int]] = []
    for w0, w1 in spans:
        cur = max(w0, lo)
        end = min(w1, hi)
        if cur >= end:
            continue
        for b0, b1 in blocked:
            if b1 <= cur:
                continue
            if b0 >= end:
                break
            if b0 > cur:
                gaps.append((cur, b0))
            cur = max(cur, b1)
            if cur >= end:
                break
        if cur < end:
            gaps.append((cur, end))
    return gaps


def neighbours(
    staff: StaffIndex, g0: int, ignore_id: int | None = None
) -> tuple[list[int], list[int]]:
    """Indices of the previous and next appointments around a free gap starting at g0.

    Previous: those with the latest blocked end <= g0 (all ties). Next: those with the
    earliest blocked start >= g0 (all ties). Any time before/after, not only that day.
    """
    starts, ends, ids = staff.starts, staff.ends, staff.ids
    idx = bisect_left(starts, g0)
    prev: list[int] = []
    best_end = None
    k = idx - 1
    while k >= 0:
        if best_end is not None and starts[k] + staff.max_len < best_end:
            break
        if ignore_id is None or ids[k] != ignore_id:
            e = ends[k]
            if best_end is None or e > best_end:
                best_end = e
                prev = [k]
            elif e == best_end:
                prev.append(k)
        k -= 1
    nxt: list[int] = []
    k = idx
    n = len(starts)
    while k < n:
        if ignore_id is not None and ids[k] == ignore_id:
            k += 1
            continue
        if nxt and starts[k] != starts[nxt[0]]:
            break
        nxt.append(k)
        k += 1
    return prev, nxt
