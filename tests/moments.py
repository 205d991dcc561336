"""The moments the suite can run at (`pytest --clock=...`) and dates relative to them.

The demo business works Monday to Friday 08:30-12:30 and 13:00-17:30 (Daan Jansen also
Saturday 09:00-13:00), books at least 120 minutes ahead and at most 60 days ahead, in
Europe/Amsterdam. Tests pick their days with these helpers instead of the wall clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Europe/Amsterdam")

# Local times in Europe/Amsterdam.
MOMENTS = {
    "monday": datetime(2026, 11, 23, 8, 0),
    "friday": datetime(2026, 11, 27, 17, 55),
    "saturday": datetime(2026, 11, 28, 12, 0),
    # the last Sundays of October and March: summer time ends / starts that night
    "dst-end": datetime(2026, 10, 25, 1, 30),
    "dst-start": datetime(2027, 3, 28, 1, 30),
}


def parse_moment(value: str, now: datetime) -> datetime:
    """A named moment, `now` (the given real time) or an ISO timestamp, as aware UTC."""
    if value == "now":
        return now.astimezone(UTC).replace(microsecond=0)
    if value in MOMENTS:
        return MOMENTS[value].replace(tzinfo=BUSINESS_TZ).astimezone(UTC)
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"--clock={value!r}: use one of {', '.join(MOMENTS)}, now, "
            "or an ISO 8601 timestamp such as 2026-11-23T08:00+01:00"
        ) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=BUSINESS_TZ)
    return at.astimezone(UTC)


def local_today(moment: datetime) -> date:
    """The business's calendar day at `moment`."""
    return moment.astimezone(BUSINESS_TZ).date()


def weekday_ahead(moment: datetime, days: int) -> date:
    """The day `days` after the moment's local day, moved on to a Monday-Friday."""
    day = local_today(moment) + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def local_time(day: date, at: time) -> datetime:
    """An aware datetime at a local wall-clock time of the business on `day`."""
    return datetime.combine(day, at, tzinfo=BUSINESS_TZ)
