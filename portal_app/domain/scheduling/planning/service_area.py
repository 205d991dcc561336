"""Service areas: postcode ranges ("1000-1099,1200-1299") and/or a radius around a base."""

from __future__ import annotations

import re
from functools import lru_cache

from portal_app.domain.scheduling.planning.inputs import Location, PlanningInputError, StaffCalendar
from portal_app.domain.scheduling.planning.travel import haversine_km

_RANGE = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$")
_POSTCODE = re.compile(r"^\s*(\d{4})")


@lru_cache(maxsize=1024)
def parse_postcode_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Parse "1000-1099, 1200-1299, 3511" into ((1000, 1099), (1200, 1299), (3511, 3511)).

    Raises PlanningInputError on anything else (e.g. "1099-1000", "12-13", "abc").
    """
    ranges: list[tuple[int, int]] = []
    for part in text.split(","):
        if not part.strip():
            continue
        m = _RANGE.match(part)
        if not m:
            raise PlanningInputError(
                f"Postcode range {part.strip()!r} is not of the form 1000-1099 or 1000."
            )
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if hi < lo:
            raise PlanningInputError(f"Postcode range {part.strip()!r} ends before it starts.")
        ranges.append((lo, hi))
    return tuple(sorted(ranges))


def postcode_number(postcode: str) -> int | None:
    """The 4-digit numeric part of a Dutch postcode ("1234 AB" -> 1234), or None."""
    m = _POSTCODE.match(postcode or "")
    return int(m.group(1)) if m else None


def in_postcode_ranges(postcode: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    number = postcode_number(postcode)
    if number is None:
        return False
    return any(lo <= number <= hi for lo, hi in ranges)


def serves(staff: StaffCalendar, customer: Location) -> bool:
    """Whether the customer lies in the staff member's area (postcodes OR radius).

    A staff member without postcode ranges and without a radius serves everywhere.
    """
    ranges = parse_postcode_ranges(staff.service_postcodes or "")
    radius = staff.service_radius_km
    if not ranges and radius is None:
        return True
    if ranges and in_postcode_ranges(customer.postcode, ranges):
        return True
    if (
        radius is not None
        and staff.base is not None
        and staff.base.has_coordinates
        and customer.has_coordinates
    ):
        km = haversine_km(
            staff.base.latitude,  # type: ignore[arg-type]
            staff.base.longitude,  # type: ignore[arg-type]
            customer.latitude,  # type: ignore[arg-type]
            customer.longitude,  # type: ignore[arg-type]
        )
        return km <= radius
    return False
