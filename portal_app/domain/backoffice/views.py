"""A back-office task as the inbox shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portal_app.domain.activity.views import ActivityView
from portal_app.domain.appointments.views import AppointmentView


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


@dataclass(frozen=True)
class StaffOverview:
    """The back-office start page: who is signed in, this week, the latest activity."""

    staff_name: str
    week: tuple[AppointmentView, ...]
    activity: tuple[ActivityView, ...]
