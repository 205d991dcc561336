"""Small read-only views the services hand to the UI (never table rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class BusinessView:
    name: str
    logo_url: str
    timezone: str
    currency: str
    email: str
    phone: str


@dataclass(frozen=True)
class AppointmentView:
    id: int
    service_name: str
    staff_name: str
    customer_name: str
    start_utc: datetime
    duration_minutes: int
    price_cents: int
    status: str
    location: str
    video_url: str


@dataclass(frozen=True)
class ActivityView:
    at: datetime
    action: str
    actor_kind: str
    actor_name: str
    summary: str


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    email: str
    mobile: str
    city: str
    preferred_channel: str
    locale: str
