"""The options engine: the N best appointment options for a service request.

Search (lazy, day by day in the business time zone; never minute by minute):
for each local day and each eligible staff member, the working intervals of that
weekday are converted to UTC (per day, DST-safe), the busy spans overlapping the day
(appointments incl. their buffers, time off; found with bisect in per-staff sorted
lists) are subtracted, and the free gaps are clipped to [now + min notice, horizon end).
A start t fits a gap when the whole block [t - buffer_before, t + duration +
buffer_after] lies in it; for field service additionally the block starts at least
travel(previous appointment -> customer) after the previous appointment ends and ends
at least travel(customer -> next appointment) before the next one starts (previous and
next = the staff member's neighbouring appointments around the gap, any day; travel
from/to the base is not required to fit). Starts lie on the slot-step grid counted
from local midnight. Closing days have no options; the appointment given as
`ignore_appointment_id` does not block.

Ranking rule (exact):

1. Shop (no customer location), no preferred date: earliest first; days are searched
   in order and the search stops at the first day where N options are complete.
2. Field service, no preferred date: candidates are collected from the first K days
   that have any candidate (K = PlanningConfig.rank_window_days, default 3; more days
   are added while fewer than N options exist). Per staff member and free gap only
   its earliest start is a candidate. Candidates are ranked by least added travel,
   rounded to whole minutes: travel(prev -> new) + travel(new -> next) -
   travel(prev -> next), where prev/next are that staff member's appointments
   directly before/after on the same local day, or their base location when there is
   none that day; then earliest start; then lowest staff_id.
3. With a preferred date: days are searched outward from that local date (d, d-1,
   d+1, d-2, ...); the search stops after the first distance level at which N options
   are complete; ranked by day distance, then added travel (field service), then
   earliest start, then staff_id.

In all cases the result holds distinct start times (the best ranked staff member per
time); with `spread_days` at most one option per local day.

"More options": pass every option shown so far in `Request.exclude`. Those
(staff, start) pairs and their start times are never offered again; for field service
a staff member's gap that contained a shown option is skipped; with `spread_days` the
days already shown are skipped. The search works the same way as the first round, so
the next N costs the same as the first N.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from portal_app.domain.scheduling.planning.availability import (
    StaffIndex,
    blocked_spans,
    build_staff_index,
    free_gaps,
    from_minute,
    local_date,
    local_minute_to_utc,
    neighbours,
    to_minute,
    working_spans,
    zone,
)
from portal_app.domain.scheduling.planning.inputs import (
    Location,
    NoOptionReason,
    Option,
    OptionsResult,
    PlanningConfig,
    PlanningData,
    PlanningInputError,
    Request,
    ServiceSpec,
    StaffCalendar,
)
from portal_app.domain.scheduling.planning.ranking import (
    Candidate,
    added_travel,
    field_key,
    pick,
    preferred_key,
    shop_key,
)
from portal_app.domain.scheduling.planning.service_area import serves
from portal_app.domain.scheduling.planning.travel import travel_minutes_ceil


@dataclass(slots=True)
class PlanningIndex:
    """Search structures for one PlanningData (built once, cached on it).

    A staff member's sorted busy lists are built (and validated) on first use, so a
    request only pays for the staff members it actually searches.
    """

    config: PlanningConfig
    services: dict[int, ServiceSpec]
    calendars: dict[int, StaffCalendar]
    closing_days: frozenset[date]
    built: dict[int, StaffIndex]

    def staff(self, staff_id: int) -> StaffIndex:
        st = self.built.get(staff_id)
        if st is None:
            st = self.built[staff_id] = build_staff_index(self.calendars[staff_id])
        return st


def _validate_config(cfg: PlanningConfig) -> None:
    zone(cfg.timezone)
    if cfg.slot_step_minutes <= 0:
        raise PlanningInputError("Slot step must be a positive number of minutes.")
    if cfg.min_notice_minutes < 0:
        raise PlanningInputError("Minimum notice cannot be negative.")
    if cfg.horizon_days < 0:
        raise PlanningInputError("The booking horizon lies in the past (negative horizon days).")
    if cfg.options_count < 1:
        raise PlanningInputError("The number of options must be at least 1.")
    if cfg.rank_window_days < 1:
        raise PlanningInputError("The ranking window must be at least 1 day.")
    if cfg.travel_speed_kmh <= 0 or cfg.road_factor_percent <= 0:
        raise PlanningInputError("Travel speed and road factor must be positive.")


def _validate_service(svc: ServiceSpec) -> None:
    if svc.duration_minutes <= 0:
        raise PlanningInputError(
            f"Service {svc.service_id} has duration {svc.duration_minutes}; it must be positive."
        )
    if svc.buffer_before_minutes < 0 or svc.buffer_after_minutes < 0:
        raise PlanningInputError(f"Service {svc.service_id} has a negative buffer.")


def build_index(data: PlanningData) -> PlanningIndex:
    """Validate the data and build (once; cached on `data`) the search index."""
    if data._index is not None:
        return data._index  # type: ignore[return-value]
    _validate_config(data.config)
    calendars: dict[int, StaffCalendar] = {}
    for cal in data.staff:
        if cal.staff_id in calendars:
            raise PlanningInputError(f"Staff member {cal.staff_id} appears twice.")
        calendars[cal.staff_id] = cal
    index = PlanningIndex(
        config=data.config,
        services=dict(data.services),
        calendars=calendars,
        closing_days=frozenset(data.closing_days),
        built={},
    )
    data._index = index
    return index


@dataclass(slots=True)
class _Search:
    index: PlanningIndex
    service: ServiceSpec
    staff: list[StaffIndex]
    customer: Location | None
    field: bool
    earliest: int
    horizon_end: int
    ignore_id: int | None
    per_staff_limit: int
    shown_starts: frozenset[int]
    shown_by_staff: dict[int, list[int]]
    shown_days: frozenset[int]


def _service(index: PlanningIndex, service_id: int) -> ServiceSpec:
    svc = index.services.get(service_id)
    if svc is None:
        raise PlanningInputError(f"Unknown service id {service_id}.")
    _validate_service(svc)
    return svc


def _day_candidates(s: _Search, day: date) -> list[Candidate]:
    """All candidates of one local day (see the module docstring for which ones)."""
    index = s.index
    if day in index.closing_days:
        return []
    cfg = index.config
    tz = cfg.timezone
    step = cfg.slot_step_minutes
    svc = s.service
    dur, bb, ba = svc.duration_minutes, svc.buffer_before_minutes, svc.buffer_after_minutes
    ordinal = day.toordinal()
    midnight = local_minute_to_utc(tz, ordinal, 0)
    next_midnight = local_minute_to_utc(tz, ordinal, 1440)
    out: list[Candidate] = []
    for st in s.staff:
        spans = working_spans(st, tz, day)
        if not spans:
            continue
        lo = max(spans[0][0], s.earliest)
        hi = min(spans[-1][1], s.horizon_end)
        if lo >= hi:
            continue
        gaps = free_gaps(spans, blocked_spans(st, lo, hi, s.ignore_id), lo, hi)
        taken = 0
        shown_mine = s.shown_by_staff.get(st.staff_id, ())
        for g0, g1 in gaps:
            first = g0 + bb
            last = g1 - dur - ba
            if first > last:
                continue
            cost = 0
            if s.field:
                prev, nxt = neighbours(st, g0, s.ignore_id)
                cust = s.customer
                for k in prev:
                    tt = travel_minutes_ceil(
                        st.locations[k], cust, cfg.travel_speed_kmh, cfg.road_factor_percent
                    )
                    first = max(first, st.ends[k] + tt + bb)
                for k in nxt:
                    tt = travel_minutes_ceil(
                        cust, st.locations[k], cfg.travel_speed_kmh, cfg.road_factor_percent
                    )
                    last = min(last, st.starts[k] - tt - dur - ba)
                if first > last:
                    continue
                if shown_mine:
                    i = bisect_left(shown_mine, first)
                    if i < len(shown_mine) and shown_mine[i] <= last:
                        continue  # this gap was offered before
                base = st.calendar.base
                p_loc = _first_located(st, prev) if prev and st.ends[prev[0]] > midnight else None
                n_loc = (
                    _first_located(st, nxt) if nxt and st.starts[nxt[0]] < next_midnight else None
                )
                cost = added_travel(
                    p_loc or base,
                    cust,  # type: ignore[arg-type]
                    n_loc or base,
                    cfg.travel_speed_kmh,
                    cfg.road_factor_percent,
                )
            t = first + ((midnight - first) % step)
            while t <= last:
                if t not in s.shown_starts:
                    out.append(Candidate(t, st.staff_id, cost, ordinal))
                    taken += 1
                    if s.field or taken >= s.per_staff_limit:
                        break
                t += step
            if not s.field and taken >= s.per_staff_limit:
                break
    return out


def _first_located(st: StaffIndex, ks: list[int]) -> Location | None:
    for k in ks:
        loc = st.locations[k]
        if loc is not None and loc.has_coordinates:
            return loc
    return None


def options(request: Request, data: PlanningData) -> OptionsResult:
    """The N best options for `request` (N = request.count or config.options_count).

    Returns OptionsResult(options, reason); reason is set only when options is empty.
    Raises PlanningInputError on bad input (unknown service, naive or past times, a
    field-service request without customer coordinates, ...).
    """
    index = build_index(data)
    cfg = index.config
    svc = _service(index, request.service_id)
    count = request.count if request.count is not None else cfg.options_count
    if count < 1:
        raise PlanningInputError("The number of options must be at least 1.")
    now = to_minute(request.now)
    if request.horizon_end is not None:
        horizon_end = to_minute(request.horizon_end)
        if horizon_end <= now:
            raise PlanningInputError("The booking horizon lies in the past.")
    else:
        horizon_end = to_minute(request.now + timedelta(days=cfg.horizon_days))
    field = cfg.field_service
    customer = request.customer
    if field and (customer is None or not customer.has_coordinates):
        raise PlanningInputError(
            "This business visits customers: the customer location needs coordinates."
        )
    if request.staff_id is not None and request.staff_id not in index.calendars:
        raise PlanningInputError(f"Unknown staff member {request.staff_id}.")
    staff_ids = sorted(i for i in svc.staff_ids if i in index.calendars)
    if request.staff_id is not None:
        staff_ids = [i for i in staff_ids if i == request.staff_id]
    if not staff_ids:
        return OptionsResult([], NoOptionReason.NO_QUALIFIED_STAFF)
    if field:
        staff_ids = [i for i in staff_ids if serves(index.calendars[i], customer)]  # type: ignore[arg-type]
        if not staff_ids:
            return OptionsResult([], NoOptionReason.OUTSIDE_SERVICE_AREA)
    staff = [index.staff(i) for i in staff_ids]
    earliest = now + cfg.min_notice_minutes
    if earliest >= horizon_end:
        return OptionsResult([], NoOptionReason.BEYOND_HORIZON)
    tz = cfg.timezone
    first_day = local_date(tz, earliest)
    last_day = local_date(tz, horizon_end - 1)
    if request.preferred_date is not None and request.preferred_date > last_day:
        return OptionsResult([], NoOptionReason.BEYOND_HORIZON)

    shown_by_staff: dict[int, list[int]] = {}
    shown_starts: set[int] = set()
    for sid, start in request.exclude:
        m = to_minute(start)
        shown_starts.add(m)
        shown_by_staff.setdefault(sid, []).append(m)
    for v in shown_by_staff.values():
        v.sort()
    shown_days = (
        frozenset(local_date(tz, m).toordinal() for m in shown_starts)
        if request.spread_days
        else frozenset()
    )
    search = _Search(
        index=index,
        service=svc,
        staff=staff,
        customer=customer if field else None,
        field=field,
        earliest=earliest,
        horizon_end=horizon_end,
        ignore_id=request.ignore_appointment_id,
        per_staff_limit=1 if request.spread_days else count,
        shown_starts=frozenset(shown_starts),
        shown_by_staff=shown_by_staff,
        shown_days=shown_days,
    )

    if request.preferred_date is not None:
        levels = _preferred_levels(request.preferred_date, first_day, last_day)
        key, need_days = preferred_key, 1
    else:
        n_days = (last_day - first_day).days + 1
        levels = ([(first_day + timedelta(days=i), 0)] for i in range(n_days))
        key, need_days = (field_key, cfg.rank_window_days) if field else (shop_key, 1)

    pool: list[Candidate] = []
    days_with = 0
    chosen: list[Candidate] = []
    for level in levels:
        for day, distance in level:
            if day.toordinal() in shown_days:
                continue
            cands = _day_candidates(search, day)
            if cands:
                days_with += 1
                for c in cands:
                    c.distance = distance
                pool.extend(cands)
        if days_with >= need_days and len(pool) >= count:
            chosen = pick(pool, key, count, request.spread_days)
            if len(chosen) >= count:
                break
    else:
        chosen = pick(pool, key, count, request.spread_days)

    if not chosen:
        return OptionsResult([], NoOptionReason.FULLY_BOOKED)
    dur = svc.duration_minutes
    return OptionsResult(
        [
            Option(c.staff_id, from_minute(c.start), from_minute(c.start + dur), c.added_travel)
            for c in chosen
        ],
        None,
    )


def _preferred_levels(preferred: date, first_day: date, last_day: date):
    """Lists of (day, distance) at distance 0, 1, 2, ... from the preferred date."""
    max_dist = max((preferred - first_day).days, (last_day - preferred).days)
    for dist in range(0, max_dist + 1):
        days = (
            [preferred]
            if dist == 0
            else [preferred - timedelta(days=dist), preferred + timedelta(days=dist)]
        )
        yield [(d, dist) for d in days if first_day <= d <= last_day]


def free_slots(
    data: PlanningData,
    service_id: int,
    staff_id: int,
    first_day: date,
    last_day: date,
    *,
    now: datetime | None = None,
    customer: Location | None = None,
    ignore_appointment_id: int | None = None,
) -> list[datetime]:
    """Every free start time (aware UTC) of one staff member for a service, per slot step,
    on the local days first_day..last_day (inclusive), e.g. a month view.

    With `now`, starts before now + min notice are left out; with a customer location
    (field service), travel to/from neighbouring appointments is respected. An
    unqualified staff member has no free slots.
    """
    index = build_index(data)
    svc = _service(index, service_id)
    if staff_id not in index.calendars:
        raise PlanningInputError(f"Unknown staff member {staff_id}.")
    if last_day < first_day:
        raise PlanningInputError("The date range ends before it starts.")
    if staff_id not in svc.staff_ids:
        return []
    cfg = index.config
    field = cfg.field_service and customer is not None
    if field and not customer.has_coordinates:  # type: ignore[union-attr]
        raise PlanningInputError("The customer location needs coordinates.")
    earliest = to_minute(now) + cfg.min_notice_minutes if now is not None else -(2**62)
    search = _Search(
        index=index,
        service=svc,
        staff=[index.staff(staff_id)],
        customer=customer if field else None,
        field=False,
        earliest=earliest,
        horizon_end=2**62,
        ignore_id=ignore_appointment_id,
        per_staff_limit=2**31,
        shown_starts=frozenset(),
        shown_by_staff={},
        shown_days=frozenset(),
    )
    out: list[datetime] = []
    day = first_day
    while day <= last_day:
        if field:
            out.extend(from_minute(t) for t in _field_day_slots(search, day))
        else:
            out.extend(from_minute(c.start) for c in _day_candidates(search, day))
        day += timedelta(days=1)
    return out


def _field_day_slots(s: _Search, day: date) -> list[int]:
    """All grid starts of one day honouring travel (field-service month view)."""
    result: list[int] = []
    index = s.index
    if day in index.closing_days:
        return result
    cfg = index.config
    svc = s.service
    dur, bb, ba = svc.duration_minutes, svc.buffer_before_minutes, svc.buffer_after_minutes
    step = cfg.slot_step_minutes
    midnight = local_minute_to_utc(cfg.timezone, day.toordinal(), 0)
    st = s.staff[0]
    spans = working_spans(st, cfg.timezone, day)
    if not spans:
        return result
    lo = max(spans[0][0], s.earliest)
    hi = min(spans[-1][1], s.horizon_end)
    if lo >= hi:
        return result
    for g0, g1 in free_gaps(spans, blocked_spans(st, lo, hi, s.ignore_id), lo, hi):
        first, last = g0 + bb, g1 - dur - ba
        prev, nxt = neighbours(st, g0, s.ignore_id)
        for k in prev:
            tt = travel_minutes_ceil(
                st.locations[k], s.customer, cfg.travel_speed_kmh, cfg.road_factor_percent
            )
            first = max(first, st.ends[k] + tt + bb)
        for k in nxt:
            tt = travel_minutes_ceil(
                s.customer, st.locations[k], cfg.travel_speed_kmh, cfg.road_factor_percent
            )
            last = min(last, st.starts[k] - tt - dur - ba)
        t = first + ((midnight - first) % step)
        result.extend(range(t, last + 1, step))
    return result
