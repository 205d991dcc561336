"""Travel-time estimate: great-circle distance times a road factor over an average speed."""

from __future__ import annotations

import math

from portal_app.domain.scheduling.planning.inputs import Location, PlanningInputError

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points (degrees)."""
    p1 = math.radians(lat1)
    p2 = math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def travel_minutes(
    a: Location | None,
    b: Location | None,
    speed_kmh: float = 50,
    road_factor_percent: float = 130,
) -> float:
    """Estimated driving minutes from a to b (0 when either has no coordinates)."""
    if a is None or b is None or not a.has_coordinates or not b.has_coordinates:
        return 0.0
    if speed_kmh <= 0:
        raise PlanningInputError("Travel speed must be positive.")
    if road_factor_percent <= 0:
        raise PlanningInputError("Road factor must be positive.")
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    return km * (road_factor_percent / 100.0) / speed_kmh * 60.0


def travel_minutes_ceil(
    a: Location | None, b: Location | None, speed_kmh: float, road_factor_percent: float
) -> int:
    """Travel minutes rounded up, as used for the feasibility check."""
    return math.ceil(travel_minutes(a, b, speed_kmh, road_factor_percent) - 1e-9)
