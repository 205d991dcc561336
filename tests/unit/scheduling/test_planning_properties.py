"""Property-based tests: every option is valid, results are deterministic, DST-safe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from planning_helpers import AMS, check_option, violations

from portal_app.domain.scheduling.planning import (
    BusyAppointment,
    Location,
    PlanningConfig,
    PlanningData,
    Request,
    ServiceSpec,
    StaffCalendar,
    TimeOffSpan,
    free_slots,
    options,
)

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
# Around the last Sundays of March and October 2025 (30 March, 26 October).
ANCHORS = [datetime(2025, 3, 27, tzinfo=UTC), datetime(2025, 10, 23, tzinfo=UTC)]

locations = st.one_of(
    st.none(),
    st.builds(
        Location,
        st.floats(51.5, 53.2),
        st.floats(4.0, 6.5),
        st.sampled_from(["1012 AB", "3511 AA", "9711 AA", ""]),
    ),
)


@st.composite
def day_hours(draw):
    n = draw(st.integers(0, 2))
    points = sorted(
        draw(st.lists(st.integers(0, 288), min_size=2 * n, max_size=2 * n, unique=True))
    )
    return tuple((points[2 * i] * 5, points[2 * i + 1] * 5) for i in range(n))


@st.composite
def scenarios(draw):
    anchor = draw(st.sampled_from(ANCHORS))
    now = anchor + timedelta(minutes=draw(st.integers(0, 6 * 24 * 60)))
    field = draw(st.booleans())
    n_staff = draw(st.integers(1, 3))
    staff = []
    appt_id = 0
    for sid in range(1, n_staff + 1):
        hours = {wd: draw(day_hours()) for wd in range(7)}
        appts = []
        for _ in range(draw(st.integers(0, 12))):
            appt_id += 1
            start = now + timedelta(minutes=5 * draw(st.integers(-100, 9 * 288)))
            length = timedelta(minutes=5 * draw(st.integers(1, 36)))
            appts.append(
                BusyAppointment(
                    start,
                    start + length,
                    draw(locations),
                    appt_id,
                    draw(st.sampled_from([0, 5, 15])),
                    draw(st.sampled_from([0, 10, 30])),
                )
            )
        offs = []
        for _ in range(draw(st.integers(0, 2))):
            start = now + timedelta(minutes=15 * draw(st.integers(0, 900)))
            offs.append(
                TimeOffSpan(start, start + timedelta(minutes=15 * draw(st.integers(1, 96))))
            )
        staff.append(
            StaffCalendar(
                sid,
                hours,
                appts,
                offs,
                base=draw(locations),
                service_radius_km=draw(st.sampled_from([None, 60.0, 150.0])),
                service_postcodes=draw(st.sampled_from(["", "1000-1999", "3000-3999,9000-9999"])),
            )
        )
    cfg = PlanningConfig(
        field_service=field,
        options_count=draw(st.integers(1, 4)),
        min_notice_minutes=draw(st.sampled_from([0, 60, 120, 600])),
        horizon_days=draw(st.integers(1, 8)),
        slot_step_minutes=draw(st.sampled_from([5, 15, 30, 60])),
        rank_window_days=draw(st.integers(1, 3)),
    )
    qualified = frozenset(draw(st.sets(st.integers(1, n_staff), min_size=1)))
    svc = ServiceSpec(
        10,
        draw(st.sampled_from([15, 30, 60, 90])),
        qualified,
        draw(st.sampled_from([0, 10])),
        draw(st.sampled_from([0, 15])),
    )
    closing = frozenset(
        (now + timedelta(days=d)).astimezone(AMS).date()
        for d in draw(st.sets(st.integers(0, 8), max_size=2))
    )
    customer = draw(
        st.builds(
            Location,
            st.floats(51.5, 53.2),
            st.floats(4.0, 6.5),
            st.sampled_from(["1012 AB", "3511 AA", "9711 AA"]),
        )
    )
    data = PlanningData(cfg, {10: svc}, staff, closing)
    all_ids = [a.appointment_id for s in staff for a in s.appointments]
    ignore = draw(st.one_of(st.none(), st.sampled_from(all_ids))) if all_ids else None
    request = Request(
        10,
        now,
        customer=customer,
        staff_id=draw(st.one_of(st.none(), st.integers(1, n_staff))),
        ignore_appointment_id=ignore,
        preferred_date=draw(
            st.one_of(
                st.none(),
                st.integers(-2, 9).map(lambda d: now.astimezone(AMS).date() + timedelta(days=d)),
            )
        ),
        spread_days=draw(st.booleans()),
    )
    return data, request


def _fresh(data: PlanningData) -> PlanningData:
    return PlanningData(data.config, data.services, data.staff, data.closing_days)


@SETTINGS
@given(scenarios())
def test_every_option_is_valid(scenario) -> None:
    data, request = scenario
    res = options(request, data)
    customer = request.customer if data.config.field_service else None
    assert (res.reason is None) == bool(res.options)
    count = data.config.options_count
    assert len(res.options) <= count
    earliest = request.now + timedelta(minutes=data.config.min_notice_minutes)
    horizon = request.now + timedelta(days=data.config.horizon_days)
    for opt in res.options:
        assert (
            check_option(data, opt, customer=customer, ignore_id=request.ignore_appointment_id)
            == []
        )
        assert earliest <= opt.start_utc and opt.end_utc <= horizon
        if request.staff_id is not None:
            assert opt.staff_id == request.staff_id
    assert len({o.start_utc for o in res.options}) == len(res.options)
    if request.spread_days:
        days = [o.start_utc.astimezone(AMS).date() for o in res.options]
        assert len(set(days)) == len(days)

    # Deterministic: same input, fresh index, same answer.
    assert options(request, _fresh(data)) == res

    # "More options" never repeats and is valid too.
    more = options(
        Request(**{**_asdict(request), "exclude": frozenset(o.key for o in res.options)}), data
    )
    shown = {o.start_utc for o in res.options}
    for opt in more.options:
        assert opt.start_utc not in shown
        assert (
            check_option(data, opt, customer=customer, ignore_id=request.ignore_appointment_id)
            == []
        )


def _asdict(r: Request) -> dict:
    return {f: getattr(r, f) for f in r.__slots__}


@SETTINGS
@given(scenarios())
def test_shop_first_option_is_the_earliest_valid_start(scenario) -> None:
    data, request = scenario
    cfg = PlanningConfig(**{**_cfg_dict(data.config), "field_service": False})
    data = PlanningData(cfg, data.services, data.staff, data.closing_days)
    request = Request(10, request.now, ignore_appointment_id=request.ignore_appointment_id)
    res = options(request, data)
    # Brute force over the local wall-clock grid.
    step = cfg.slot_step_minutes
    t = request.now + timedelta(minutes=cfg.min_notice_minutes)
    t = t.replace(second=0, microsecond=0) + timedelta(minutes=(-t.minute) % step)
    end = request.now + timedelta(days=cfg.horizon_days)
    svc = data.services[10]
    first = None
    while t + timedelta(minutes=svc.duration_minutes) <= end and first is None:
        for sid in sorted(svc.staff_ids):
            b0 = t - timedelta(minutes=svc.buffer_before_minutes)
            if b0 < request.now + timedelta(minutes=cfg.min_notice_minutes):
                continue
            if t + timedelta(minutes=svc.duration_minutes + svc.buffer_after_minutes) > end:
                continue
            if not violations(data, sid, t, ignore_id=request.ignore_appointment_id):
                first = (sid, t)
                break
        t += timedelta(minutes=step)
    if first is None:
        assert res.options == []
    else:
        assert (res.options[0].staff_id, res.options[0].start_utc) == first


def _cfg_dict(cfg: PlanningConfig) -> dict:
    return {f: getattr(cfg, f) for f in cfg.__slots__}


@SETTINGS
@given(scenarios(), st.integers(0, 1))
def test_free_slots_are_valid_and_match_options(scenario, which) -> None:
    data, request = scenario
    sid = sorted(data.services[10].staff_ids)[which % len(data.services[10].staff_ids)]
    day = request.now.astimezone(AMS).date()
    customer = request.customer if data.config.field_service else None
    slots = free_slots(data, 10, sid, day, day + timedelta(days=6), customer=customer)
    assert slots == sorted(slots)
    for s in slots:
        assert violations(data, sid, s, customer=customer) == [], s
        local = s.astimezone(AMS)
        assert (local.hour * 60 + local.minute) % data.config.slot_step_minutes == 0
