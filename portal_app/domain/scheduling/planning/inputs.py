"""Plain dataclasses the options engine takes in and gives back (no database, no Reflex)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from portal_app.core.errors import InvalidInput


class PlanningInputError(InvalidInput):
    """Input the planner cannot work with; the message says what is wrong."""

    code = "error.planning_input"


class NoOptionReason(StrEnum):
    """Why an options result is empty."""

    FULLY_BOOKED = "fully_booked"
    OUTSIDE_SERVICE_AREA = "outside_service_area"
    NO_QUALIFIED_STAFF = "no_qualified_staff"
    BEYOND_HORIZON = "beyond_horizon"


@dataclass(frozen=True, slots=True)
class Location:
    """A point (WGS84 degrees) and/or a postcode such as "1234 AB"."""

    latitude: float | None = None
    longitude: float | None = None
    postcode: str = ""

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class BusyAppointment:
    """An existing appointment that blocks its staff member's calendar.

    The buffers are those of the appointment's own service; the blocked span is
    [start - buffer_before, end + buffer_after]. `location` is where it takes place
    (field service), used for travel time to and from a new visit.
    """

    start_utc: datetime
    end_utc: datetime
    location: Location | None = None
    appointment_id: int | None = None
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0


@dataclass(frozen=True, slots=True)
class TimeOffSpan:
    start_utc: datetime
    end_utc: datetime


@dataclass(frozen=True, slots=True)
class StaffCalendar:
    """One staff member: weekly hours, absences, appointments and service area.

    `working_hours` maps weekday (0 = Monday) to local (start_minute, end_minute)
    intervals since local midnight; several per day are allowed. `service_postcodes`
    is e.g. "1000-1099,1200-1299"; with neither postcodes nor a radius set the staff
    member serves everywhere.
    """

    staff_id: int
    working_hours: Mapping[int, Sequence[tuple[int, int]]]
    appointments: Sequence[BusyAppointment] = ()
    time_off: Sequence[TimeOffSpan] = ()
    base: Location | None = None
    service_radius_km: float | None = None
    service_postcodes: str = ""


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    service_id: int
    duration_minutes: int
    staff_ids: frozenset[int]
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0


@dataclass(frozen=True, slots=True)
class PlanningConfig:
    """Business policies; defaults mirror BusinessSettings.

    `rank_window_days` is K in the ranking rule (see engine module docstring).
    """

    timezone: str = "Europe/Amsterdam"
    field_service: bool = False
    options_count: int = 3
    min_notice_minutes: int = 120
    horizon_days: int = 60
    slot_step_minutes: int = 15
    travel_speed_kmh: float = 50
    road_factor_percent: float = 130
    rank_window_days: int = 3


@dataclass(slots=True)
class PlanningData:
    """Everything the engine knows about one business. Treat as immutable once built:

    the engine caches its search index on the instance (see `engine.build_index`).
    """

    config: PlanningConfig
    services: Mapping[int, ServiceSpec]
    staff: Sequence[StaffCalendar]
    closing_days: frozenset[date] = frozenset()
    _index: object | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Request:
    """One question: "which options do you have for this service?".

    - `now`: aware datetime; options start no earlier than now + min notice.
    - `customer`: required with coordinates when the business is field service.
    - `staff_id`: only this staff member (rescheduling with the same person).
    - `ignore_appointment_id`: that appointment does not block (the one being moved).
    - `preferred_date`: local date; the options closest to it are returned.
    - `exclude`: (staff_id, start_utc) pairs already shown; "more options" passes the
      options of earlier rounds here and never sees them (or their start times) again.
    - `spread_days`: at most one option per local day.
    - `horizon_end`: overrides now + horizon_days (must lie after now).
    """

    service_id: int
    now: datetime
    customer: Location | None = None
    count: int | None = None
    staff_id: int | None = None
    ignore_appointment_id: int | None = None
    preferred_date: date | None = None
    exclude: frozenset[tuple[int, datetime]] = frozenset()
    spread_days: bool = False
    horizon_end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Option:
    staff_id: int
    start_utc: datetime
    end_utc: datetime
    added_travel_minutes: int = 0

    @property
    def key(self) -> tuple[int, datetime]:
        """The pair to put in `Request.exclude` once this option was shown."""
        return (self.staff_id, self.start_utc)


@dataclass(frozen=True, slots=True)
class OptionsResult:
    options: list[Option]
    reason: NoOptionReason | None = None
