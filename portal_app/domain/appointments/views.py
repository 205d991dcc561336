"""Appointments and options as the UI receives them (never table rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from portal_app.core.paging import Page
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.business.views import BusinessView
from portal_app.domain.messaging.views import MessageLine


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
    # The owner's English name of the service ("" when none is given).
    service_name_en: str = ""
    paid: bool = False


@dataclass(frozen=True)
class Booked:
    """A booking just made, and by which channel the customer gets its confirmation."""

    appointment: AppointmentView
    channel: str  # email | sms


@dataclass(frozen=True)
class OptionView:
    """A time that can be booked: who, from when to when, at what price."""

    staff_id: int
    staff_name: str
    start_utc: datetime
    end_utc: datetime
    price_cents: int

    @property
    def key(self) -> str:
        """What a time button sends back: 'staff_id@iso-start' (parsed again on return)."""
        return f"{self.staff_id}@{self.start_utc.isoformat()}"

    @property
    def duration_minutes(self) -> int:
        return int((self.end_utc - self.start_utc).total_seconds() // 60)


@dataclass(frozen=True)
class AppointmentDetail:
    """One appointment with what the customer may still do online, and until when."""

    appointment: AppointmentView
    reschedule_until: datetime | None
    cancel_until: datetime | None
    now: datetime
    business: BusinessView
    # Who is told of a change: the customer by this channel, the business when it has an
    # e-mail address.
    channel: str = "email"
    business_told: bool = True

    @property
    def can_reschedule(self) -> bool:
        return self.reschedule_until is not None and self.now < self.reschedule_until

    @property
    def can_cancel(self) -> bool:
        return self.cancel_until is not None and self.now < self.cancel_until


@dataclass(frozen=True)
class RescheduleScreen:
    """The appointment being moved and the free times of its staff member on one day."""

    current: AppointmentView
    day: date
    times: tuple[OptionView, ...]
    channel: str = "email"
    business_told: bool = True


@dataclass(frozen=True)
class CustomerDashboard:
    """The customer's first page: who they are, what is next, how to reach the business."""

    customer_name: str
    business_name: str
    business_phone: str
    business_email: str
    upcoming: tuple[AppointmentView, ...]


@dataclass(frozen=True)
class DayAvailability:
    """One day of the booking calendar and how many times are free on it."""

    day: date
    free: int


@dataclass(frozen=True)
class StaffAppointmentDetail:
    """One appointment as staff see it: the facts, how the customer is told of a change,
    what may still be done, its history and its messages (a mechanic sees neither the
    customer's contact details nor the messages)."""

    appointment: AppointmentView
    customer_id: int | None  # None for a mechanic: no customer pages
    customer_email: str
    customer_phone: str
    channel: str  # email | sms
    can_change: bool  # move or cancel
    can_finish: bool  # mark done or no-show
    awaits_approval: bool  # a booking request, decided in the inbox
    history: Page[ActivityView]
    messages: Page[MessageLine] | None
