"""Travel estimate, postcode ranges and service areas."""

from __future__ import annotations

import pytest

from portal_app.domain.scheduling.planning import (
    Location,
    PlanningInputError,
    StaffCalendar,
    haversine_km,
    parse_postcode_ranges,
    serves,
    travel_minutes,
)
from portal_app.domain.scheduling.planning.ranking import added_travel
from portal_app.domain.scheduling.planning.service_area import postcode_number

AMSTERDAM = Location(52.3676, 4.9041)
UTRECHT = Location(52.0907, 5.1214)


def test_haversine_known_distance() -> None:
    assert haversine_km(52.3676, 4.9041, 52.0907, 5.1214) == pytest.approx(34.1, abs=0.5)
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(52.0, 5.0, 52.0, 5.0) == 0


def test_travel_minutes_road_factor_and_speed() -> None:
    km = haversine_km(52.3676, 4.9041, 52.0907, 5.1214)
    assert travel_minutes(AMSTERDAM, UTRECHT) == pytest.approx(km * 1.3 / 50 * 60)
    assert travel_minutes(AMSTERDAM, UTRECHT, 100, 100) == pytest.approx(km / 100 * 60)
    assert travel_minutes(AMSTERDAM, None) == 0
    assert travel_minutes(Location(postcode="1000"), UTRECHT) == 0
    with pytest.raises(PlanningInputError):
        travel_minutes(AMSTERDAM, UTRECHT, 0, 130)


def test_added_travel_detour() -> None:
    # Going via Utrecht between two Amsterdam visits costs the round trip.
    there_and_back = 2 * travel_minutes(AMSTERDAM, UTRECHT)
    assert added_travel(AMSTERDAM, UTRECHT, AMSTERDAM, 50, 130) == round(there_and_back)
    # On the way: no detour.
    mid = Location(52.2291, 5.0127)
    assert added_travel(AMSTERDAM, mid, UTRECHT, 50, 130) <= 1
    assert added_travel(None, UTRECHT, None, 50, 130) == 0


def test_postcode_range_parsing() -> None:
    assert parse_postcode_ranges("1000-1099,1200-1299") == ((1000, 1099), (1200, 1299))
    assert parse_postcode_ranges(" 3511 , 1000 - 1099 ,") == ((1000, 1099), (3511, 3511))
    assert parse_postcode_ranges("") == ()
    for bad in ("1099-1000", "12-13", "abc", "1000-", "10000-10001"):
        with pytest.raises(PlanningInputError):
            parse_postcode_ranges(bad)
    assert postcode_number("1234 AB") == 1234
    assert postcode_number("1234AB") == 1234
    assert postcode_number("AB") is None


def test_service_area_postcodes_radius_or_everywhere() -> None:
    by_pc = StaffCalendar(1, {}, service_postcodes="1000-1099,1200-1299")
    assert serves(by_pc, Location(1, 1, "1050 XY"))
    assert serves(by_pc, Location(1, 1, "1299"))
    assert not serves(by_pc, Location(1, 1, "1100 AA"))
    by_radius = StaffCalendar(2, {}, base=AMSTERDAM, service_radius_km=40)
    assert serves(by_radius, UTRECHT)
    assert not serves(StaffCalendar(3, {}, base=AMSTERDAM, service_radius_km=20), UTRECHT)
    both = StaffCalendar(4, {}, base=AMSTERDAM, service_radius_km=20, service_postcodes="3500-3599")
    assert serves(both, Location(52.09, 5.12, "3511 AA"))  # postcode matches, radius not
    assert serves(both, Location(52.37, 4.90, "9999 ZZ"))  # radius matches, postcode not
    assert serves(StaffCalendar(5, {}), UTRECHT)  # no area configured: everywhere
