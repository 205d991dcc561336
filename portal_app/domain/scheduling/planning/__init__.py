"""Options engine: which appointment options to offer for a service request.

Pure Python (dataclasses in, dataclasses out); no Reflex and no database here. The
database side lives in `portal_app.domain.appointments.planning_data`.
See `engine` for the search and the exact ranking rule.
"""

from portal_app.domain.scheduling.planning.engine import (
    PlanningIndex,
    build_index,
    free_slots,
    options,
)
from portal_app.domain.scheduling.planning.inputs import (
    BusyAppointment,
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
    TimeOffSpan,
)
from portal_app.domain.scheduling.planning.service_area import parse_postcode_ranges, serves
from portal_app.domain.scheduling.planning.travel import haversine_km, travel_minutes

__all__ = [
    "BusyAppointment",
    "Location",
    "NoOptionReason",
    "Option",
    "OptionsResult",
    "PlanningConfig",
    "PlanningData",
    "PlanningIndex",
    "PlanningInputError",
    "Request",
    "ServiceSpec",
    "StaffCalendar",
    "TimeOffSpan",
    "build_index",
    "free_slots",
    "haversine_km",
    "options",
    "parse_postcode_ranges",
    "serves",
    "travel_minutes",
]
