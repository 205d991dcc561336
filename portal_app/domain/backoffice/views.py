"""A back-office task as the inbox shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portal_app.core.paging import Page
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.appointments.views import AppointmentView
from portal_app.domain.customers.details import CustomerDetails
from portal_app.domain.messaging.views import MessageLine


@dataclass(frozen=True)
class TaskView:
    id: int
    kind: str
    status: str
    reason: str
    message: str
    customer_name: str
    customer_email: str
    customer_phone: str
    service_name: str
    appointment_start: datetime | None
    assigned_staff_id: int | None
    assigned_to: str
    created_at: datetime
    resolved_at: datetime | None
    customer_id: int | None = None
    appointment_id: int | None = None


@dataclass(frozen=True)
class StaffOverview:
    """The back-office start page: who is signed in, this week, the latest activity."""

    staff_name: str
    week: tuple[AppointmentView, ...]
    activity: tuple[ActivityView, ...]


@dataclass(frozen=True)
class InvitationLine:
    """An invitation to plan, as a line on the customer's page."""

    id: int
    service_name: str
    status: str  # open | booked | declined | no_options
    created_at: datetime


@dataclass(frozen=True)
class CustomerRecord:
    """A customer's page for staff: contact details and the first page of each list."""

    id: int
    details: CustomerDetails
    appointments: Page[AppointmentView]
    invitations: Page[InvitationLine]
    tasks: Page[TaskView]
    messages: Page[MessageLine]
