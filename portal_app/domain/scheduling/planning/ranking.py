"""Ranking of candidate starts and the final pick of N options.

Sort keys (smaller is better; staff_id last only to make ties deterministic):

- shop, no preferred date:   (start, staff_id)
- field, no preferred date:  (added_travel, start, staff_id)
- with a preferred date:     (|local day - preferred day|, added_travel or 0, start, staff_id)

After sorting, options are taken in order, skipping a start time already taken (two
staff members free at the same moment show as one option: the best ranked one) and,
with `spread_days`, a local day already used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal_app.domain.scheduling.planning.inputs import Location
from portal_app.domain.scheduling.planning.travel import travel_minutes


@dataclass(slots=True)
class Candidate:
    start: int  # epoch minute
    staff_id: int
    added_travel: int
    day: int  # local date ordinal
    distance: int = 0  # days from the preferred date


def shop_key(c: Candidate) -> tuple:
    return (c.start, c.staff_id)


def field_key(c: Candidate) -> tuple:
    return (c.added_travel, c.start, c.staff_id)


def preferred_key(c: Candidate) -> tuple:
    return (c.distance, c.added_travel, c.start, c.staff_id)


def added_travel(
    prev: Location | None,
    new: Location,
    nxt: Location | None,
    speed_kmh: float,
    road_factor_percent: float,
) -> int:
    """travel(prev->new) + travel(new->next) - travel(prev->next), rounded minutes (>= 0)."""
    added = (
        travel_minutes(prev, new, speed_kmh, road_factor_percent)
        + travel_minutes(new, nxt, speed_kmh, road_factor_percent)
        - travel_minutes(prev, nxt, speed_kmh, road_factor_percent)
    )
    return max(0, round(added))


def pick(
    pool: list[Candidate],
    key: Callable[[Candidate], tuple],
    count: int,
    spread_days: bool,
) -> list[Candidate]:
    """The best `count` candidates: distinct start times, one per day when spreading."""
    pool.sort(key=key)
    out: list[Candidate] = []
    starts: set[int] = set()
    days: set[int] = set()
    for c in pool:
        if c.start in starts or (spread_days and c.day in days):
            continue
        out.append(c)
        starts.add(c.start)
        days.add(c.day)
        if len(out) >= count:
            break
    return out
