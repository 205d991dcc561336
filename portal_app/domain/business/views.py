"""Small read-only views of the business handed to the UI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BusinessView:
    id: int
    name: str
    logo_url: str
    timezone: str
    currency: str
    email: str
    phone: str


@dataclass(frozen=True)
class Choice:
    """Something to pick from a list: a staff member, a service."""

    id: int
    name: str


@dataclass(frozen=True)
class BookableService:
    """A service a customer can book, with the staff members who perform it."""

    id: int
    name: str
    duration_minutes: int
    price_cents: int
    staff: tuple[Choice, ...]
    description: str = ""


@dataclass(frozen=True)
class BookingRules:
    """The owner's booking policies as they are in force."""

    booking_mode: str
    allow_reschedule: bool
    reschedule_min_hours: int
    cancel_min_hours: int
    reminder_hours: int
    options_count: int
    more_options_enabled: bool
    preferred_date_enabled: bool


@dataclass(frozen=True)
class ServiceWording:
    """A service's Dutch and English name and description, as the owner edits them."""

    id: int
    name: str
    name_en: str
    description: str
    description_en: str
