"""Unit tests for the options engine: reasons, rounds, preferred date, staff, errors, DST."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from planning_helpers import (
    WEEKDAYS_9_TO_17,
    BusyAppointment,
    Location,
    StaffCalendar,
    TimeOffSpan,
    check_option,
    local,
    simple_data,
    utc,
)

from portal_app.core.errors import InvalidInput
from portal_app.domain.scheduling.planning import (
    NoOptionReason,
    PlanningData,
    PlanningInputError,
    Request,
    ServiceSpec,
    free_slots,
    options,
)

MON = local(2025, 6, 2, 8, 0)  # Monday 08:00 local, before work starts
AMSTERDAM = Location(52.3676, 4.9041, "1012 AB")
UTRECHT = Location(52.0907, 5.1214, "3511 AA")
GRONINGEN = Location(53.2194, 6.5665, "9711 AA")


def field_staff(staff_id: int, base: Location, **kw) -> StaffCalendar:
    kw.setdefault("service_postcodes", "1000-1999,3000-3999")
    return StaffCalendar(staff_id, WEEKDAYS_9_TO_17, base=base, **kw)


# --- basics -----------------------------------------------------------------------------


def test_earliest_first_for_shop() -> None:
    res = options(Request(10, MON), simple_data())
    assert res.reason is None
    assert [o.start_utc for o in res.options] == [
        local(2025, 6, 2, 9, 0),
        local(2025, 6, 2, 9, 15),
        local(2025, 6, 2, 9, 30),
    ]
    assert all(o.end_utc - o.start_utc == timedelta(hours=1) for o in res.options)


def test_count_is_configurable() -> None:
    assert len(options(Request(10, MON), simple_data(options_count=5)).options) == 5
    assert len(options(Request(10, MON, count=1), simple_data()).options) == 1


def test_buffers_and_min_notice() -> None:
    appt = BusyAppointment(local(2025, 6, 2, 10, 0), local(2025, 6, 2, 11, 0), appointment_id=1)
    data = simple_data([StaffCalendar(1, WEEKDAYS_9_TO_17, appointments=[appt])], bb=15, ba=15)
    res = options(Request(10, MON, count=2), data)
    # 09:15 would end 10:15 + 15 buffer: overlap. Next free block starts 11:00 -> 11:15.
    assert [o.start_utc for o in res.options] == [
        local(2025, 6, 2, 11, 15),
        local(2025, 6, 2, 11, 30),
    ]
    data2 = simple_data(min_notice_minutes=240)
    assert options(Request(10, MON), data2).options[0].start_utc == local(2025, 6, 2, 12, 0)


def test_spread_days_one_per_day() -> None:
    res = options(Request(10, MON, spread_days=True), simple_data())
    days = [o.start_utc.astimezone(local(2025, 1, 1).tzinfo).date() for o in res.options]
    assert len(set(o.start_utc.date() for o in res.options)) == 3
    assert days == sorted(days)


def test_several_intervals_a_day_and_closing_day() -> None:
    hours = {0: ((9 * 60, 10 * 60), (14 * 60, 15 * 60)), 1: ((9 * 60, 17 * 60),)}
    data = simple_data([StaffCalendar(1, hours)], closing=frozenset({date(2025, 6, 3)}))
    res = options(Request(10, MON, count=3), data)
    assert [o.start_utc for o in res.options] == [
        local(2025, 6, 2, 9, 0),
        local(2025, 6, 2, 14, 0),
        local(2025, 6, 9, 9, 0),  # Tuesday 3 June is a closing day
    ]


# --- reason codes -----------------------------------------------------------------------


def test_reason_no_qualified_staff() -> None:
    res = options(Request(10, MON), simple_data(staff_ids=frozenset()))
    assert res == type(res)([], NoOptionReason.NO_QUALIFIED_STAFF)
    two = simple_data([StaffCalendar(1, WEEKDAYS_9_TO_17), StaffCalendar(2, WEEKDAYS_9_TO_17)])
    two.services[10] = ServiceSpec(10, 60, frozenset({1}))
    assert options(Request(10, MON, staff_id=2), two).reason == NoOptionReason.NO_QUALIFIED_STAFF


def test_reason_outside_service_area() -> None:
    data = simple_data([field_staff(1, AMSTERDAM, service_radius_km=20)], field_service=True)
    res = options(Request(10, MON, customer=GRONINGEN), data)
    assert res.options == [] and res.reason == NoOptionReason.OUTSIDE_SERVICE_AREA


def test_reason_beyond_horizon() -> None:
    data = simple_data(min_notice_minutes=3 * 24 * 60, horizon_days=2)
    assert options(Request(10, MON), data).reason == NoOptionReason.BEYOND_HORIZON
    res = options(Request(10, MON, preferred_date=date(2025, 12, 1)), simple_data())
    assert res.reason == NoOptionReason.BEYOND_HORIZON


def test_reason_fully_booked() -> None:
    off = TimeOffSpan(utc(2025, 1, 1), utc(2026, 1, 1))
    data = simple_data([StaffCalendar(1, WEEKDAYS_9_TO_17, time_off=[off])])
    res = options(Request(10, MON), data)
    assert res.options == [] and res.reason == NoOptionReason.FULLY_BOOKED
    no_hours = simple_data([StaffCalendar(1, {})])
    assert options(Request(10, MON), no_hours).reason == NoOptionReason.FULLY_BOOKED


# --- more options -------------------------------------------------------------------------


@pytest.mark.parametrize("field", [False, True])
def test_more_options_never_repeats(field: bool) -> None:
    staff = [field_staff(1, AMSTERDAM), field_staff(2, UTRECHT)]
    data = simple_data(staff, field_service=field)
    shown = []
    for _ in range(6):
        req = Request(10, MON, customer=UTRECHT, exclude=frozenset(o.key for o in shown))
        res = options(req, data)
        assert len(res.options) == 3
        for o in res.options:
            assert o.key not in {s.key for s in shown}
            assert o.start_utc not in {s.start_utc for s in shown}
            assert check_option(data, o, customer=UTRECHT if field else None) == []
        shown.extend(res.options)
    assert len({o.key for o in shown}) == 18


def test_more_options_with_spread_days_moves_to_new_days() -> None:
    data = simple_data()
    first = options(Request(10, MON, spread_days=True), data).options
    second = options(
        Request(10, MON, spread_days=True, exclude=frozenset(o.key for o in first)), data
    ).options
    assert not {o.start_utc.date() for o in first} & {o.start_utc.date() for o in second}


# --- preferred date, fixed staff ----------------------------------------------------------


def test_preferred_date_closest() -> None:
    data = simple_data()
    res = options(Request(10, MON, preferred_date=date(2025, 6, 11)), data)
    assert {o.start_utc.astimezone(local(2025, 1, 1).tzinfo).date() for o in res.options} == {
        date(2025, 6, 11)
    }
    closed = simple_data(closing=frozenset({date(2025, 6, 11)}))
    res = options(Request(10, MON, preferred_date=date(2025, 6, 11), spread_days=True), closed)
    # the 10th and 12th are one day away; then the 9th or 13th (the 13th, Friday; 9th earlier)
    got = [o.start_utc.date() for o in res.options]
    assert got == [date(2025, 6, 10), date(2025, 6, 12), date(2025, 6, 9)]


def test_preferred_date_in_the_past_gives_earliest() -> None:
    res = options(Request(10, MON, preferred_date=date(2025, 5, 1)), simple_data())
    assert res.options[0].start_utc == local(2025, 6, 2, 9, 0)


def test_fixed_staff_and_ignore_own_appointment() -> None:
    mine = BusyAppointment(local(2025, 6, 2, 9, 0), local(2025, 6, 2, 10, 0), appointment_id=7)
    busy = BusyAppointment(local(2025, 6, 2, 9, 0), local(2025, 6, 2, 17, 0), appointment_id=8)
    staff = [
        StaffCalendar(1, WEEKDAYS_9_TO_17, appointments=[busy]),
        StaffCalendar(2, WEEKDAYS_9_TO_17, appointments=[mine]),
    ]
    data = simple_data(staff)
    res = options(Request(10, MON, staff_id=2), data)
    assert {o.staff_id for o in res.options} == {2}
    assert res.options[0].start_utc == local(2025, 6, 2, 10, 0)
    res = options(Request(10, MON, staff_id=2, ignore_appointment_id=7), data)
    assert res.options[0].start_utc == local(2025, 6, 2, 9, 0)
    res = options(Request(10, MON, staff_id=1), data)
    assert res.options[0].start_utc == local(2025, 6, 3, 9, 0)


# --- field service ranking ----------------------------------------------------------------


def test_ranking_by_least_added_travel() -> None:
    # Staff 1 is based in Amsterdam but has a visit next door to the customer in Utrecht
    # on Tuesday; staff 2 is based in Amsterdam with an empty calendar.
    near = Location(52.0910, 5.1200, "3511 AB")
    visit = BusyAppointment(
        local(2025, 6, 3, 9, 0), local(2025, 6, 3, 10, 0), location=near, appointment_id=1
    )
    staff = [field_staff(1, AMSTERDAM, appointments=[visit]), field_staff(2, AMSTERDAM)]
    data = simple_data(staff, field_service=True)
    res = options(Request(10, MON, customer=UTRECHT), data)
    best = res.options[0]
    assert best.staff_id == 1
    assert best.start_utc.date() == date(2025, 6, 3)
    assert best.start_utc >= local(2025, 6, 3, 10, 1)  # after travelling from the visit
    assert best.added_travel_minutes < res.options[-1].added_travel_minutes
    costs = [o.added_travel_minutes for o in res.options]
    assert costs == sorted(costs)
    for o in res.options:
        assert check_option(data, o, customer=UTRECHT) == []


def test_travel_time_between_visits_is_respected() -> None:
    far = BusyAppointment(
        local(2025, 6, 2, 9, 0), local(2025, 6, 2, 10, 0), location=GRONINGEN, appointment_id=1
    )
    staff = [field_staff(1, AMSTERDAM, service_postcodes="", appointments=[far])]
    data = simple_data(staff, field_service=True)
    res = options(Request(10, MON, customer=AMSTERDAM, count=1), data)
    # Groningen -> Amsterdam ~ 145 km * 1.3 / 50 km/h ~ 3h47m; first grid slot after that.
    opt = res.options[0]
    assert opt.start_utc >= local(2025, 6, 2, 13, 45)
    assert check_option(data, opt, customer=AMSTERDAM) == []


# --- free slots ---------------------------------------------------------------------------


def test_free_slots_for_a_month() -> None:
    appt = BusyAppointment(local(2025, 6, 2, 9, 0), local(2025, 6, 2, 12, 0), appointment_id=1)
    data = simple_data([StaffCalendar(1, WEEKDAYS_9_TO_17, appointments=[appt])])
    slots = free_slots(data, 10, 1, date(2025, 6, 1), date(2025, 6, 30))
    assert slots[0] == local(2025, 6, 2, 12, 0)
    assert slots == sorted(slots)
    per_day = 29  # 09:00..16:00 every 15 minutes
    assert len(slots) == 21 * per_day - 12
    assert free_slots(data, 10, 1, date(2025, 6, 2), date(2025, 6, 2), now=MON)[0] == local(
        2025, 6, 2, 12, 0
    )


# --- DST ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected_utc_hour"),
    [
        (date(2025, 3, 29), 8),  # Saturday before the March change: CET, UTC+1
        (date(2025, 3, 30), 7),  # the change day itself: CEST from 03:00
        (date(2025, 3, 31), 7),  # Monday after: CEST, UTC+2
        (date(2025, 10, 25), 7),  # Saturday before the October change: CEST
        (date(2025, 10, 26), 8),  # the change day: CET from 03:00 (02:00-03:00 twice)
        (date(2025, 10, 27), 8),  # Monday after: CET, UTC+1
    ],
)
def test_dst_working_day_start(day: date, expected_utc_hour: int) -> None:
    data = simple_data([StaffCalendar(1, {d: ((9 * 60, 17 * 60),) for d in range(7)})])
    slots = free_slots(data, 10, 1, day, day)
    assert slots[0] == utc(day.year, day.month, day.day, expected_utc_hour, 0)
    assert slots[-1] == utc(day.year, day.month, day.day, expected_utc_hour + 7, 0)


def test_dst_night_shift_lengths() -> None:
    # 01:00-04:00 local lasts 2 real hours in March and 4 in October.
    hours = {6: ((60, 240),)}
    data = simple_data([StaffCalendar(1, hours)], duration=60, slot_step_minutes=60)
    march = free_slots(data, 10, 1, date(2025, 3, 30), date(2025, 3, 30))
    october = free_slots(data, 10, 1, date(2025, 10, 26), date(2025, 10, 26))
    assert march == [utc(2025, 3, 30, 0), utc(2025, 3, 30, 1)]
    assert october == [
        utc(2025, 10, 25, 23),
        utc(2025, 10, 26, 0),
        utc(2025, 10, 26, 1),
        utc(2025, 10, 26, 2),
    ]


# --- bad input ----------------------------------------------------------------------------


def test_bad_input_errors() -> None:
    data = simple_data()
    with pytest.raises(PlanningInputError, match="Unknown service id 99"):
        options(Request(99, MON), data)
    bad = BusyAppointment(local(2025, 6, 2, 10), local(2025, 6, 2, 9), appointment_id=3)
    with pytest.raises(PlanningInputError, match="ends before it starts"):
        options(
            Request(10, MON), simple_data([StaffCalendar(1, WEEKDAYS_9_TO_17, appointments=[bad])])
        )
    with pytest.raises(PlanningInputError, match="duration"):
        options(Request(10, MON), simple_data(duration=-5))
    field = simple_data([field_staff(1, AMSTERDAM)], field_service=True)
    with pytest.raises(PlanningInputError, match="coordinates"):
        options(Request(10, MON, customer=Location(postcode="1012 AB")), field)
    with pytest.raises(PlanningInputError, match="coordinates"):
        options(Request(10, MON), field)
    with pytest.raises(PlanningInputError, match="horizon lies in the past"):
        options(Request(10, MON, horizon_end=MON - timedelta(days=1)), data)
    with pytest.raises(PlanningInputError, match="horizon lies in the past"):
        options(Request(10, MON), simple_data(horizon_days=-1))
    with pytest.raises(PlanningInputError, match="time zone"):
        options(Request(10, MON.replace(tzinfo=None)), data)
    with pytest.raises(PlanningInputError, match="Unknown staff"):
        options(Request(10, MON, staff_id=42), data)
    with pytest.raises(PlanningInputError, match="end must lie after start"):
        options(Request(10, MON), simple_data([StaffCalendar(1, {0: ((600, 540),)})]))
    with pytest.raises(PlanningInputError, match="ends before it starts"):
        free_slots(data, 10, 1, date(2025, 6, 30), date(2025, 6, 1))
    with pytest.raises(PlanningInputError, match="Unknown time zone"):
        options(Request(10, MON), simple_data(timezone="Mars/Olympus"))


def test_planning_error_is_a_domain_error() -> None:
    err = PlanningInputError("x")
    assert isinstance(err, InvalidInput)
    assert err.code == "error.planning_input"


def test_deterministic_and_index_reused() -> None:
    data: PlanningData = simple_data([StaffCalendar(i, WEEKDAYS_9_TO_17) for i in (3, 1, 2)])
    a = options(Request(10, MON, count=5), data)
    b = options(Request(10, MON, count=5), data)
    assert a == b
    assert [o.staff_id for o in a.options] == [1, 1, 1, 1, 1]


def test_field_free_slots_respect_travel_and_preferred_date_ranking() -> None:
    far = BusyAppointment(
        local(2025, 6, 2, 9, 0), local(2025, 6, 2, 10, 0), location=GRONINGEN, appointment_id=1
    )
    staff = [field_staff(1, AMSTERDAM, service_postcodes="", appointments=[far])]
    data = simple_data(staff, field_service=True)
    slots = free_slots(data, 10, 1, date(2025, 6, 2), date(2025, 6, 2), customer=AMSTERDAM)
    assert slots[0] >= local(2025, 6, 2, 13, 45)
    assert free_slots(data, 10, 1, date(2025, 6, 2), date(2025, 6, 2))[0] == local(2025, 6, 2, 10)
    res = options(Request(10, MON, customer=AMSTERDAM, preferred_date=date(2025, 6, 4)), data)
    # field service: one option per free gap (one gap a day here), then the next days
    assert [o.start_utc.date() for o in res.options] == [
        date(2025, 6, 4),
        date(2025, 6, 3),
        date(2025, 6, 5),
    ]


def test_option_key_and_exclude_accepts_any_iterable() -> None:
    data = simple_data()
    first = options(Request(10, MON), data).options
    assert first[0].key == (1, first[0].start_utc)
    again = options(Request(10, MON, exclude=[o.key for o in first]), data).options  # type: ignore[arg-type]
    assert not {o.key for o in first} & {o.key for o in again}
