"""All tables, imported here so SQLModel.metadata (and alembic) sees every one."""

from portal_app.domain.models.activity import ActivityEntry
from portal_app.domain.models.appointments import Appointment, AppointmentStatus
from portal_app.domain.models.auth import AccessToken, LoginCode, RateLimitEvent, UserSession
from portal_app.domain.models.backoffice import BackofficeTask, TaskKind
from portal_app.domain.models.business import Business, BusinessSettings
from portal_app.domain.models.catalog import Service, ServiceStaff
from portal_app.domain.models.customers import Customer, Vehicle
from portal_app.domain.models.invitations import Invitation
from portal_app.domain.models.locks import JobLock
from portal_app.domain.models.outbox import OutboxMessage
from portal_app.domain.models.scheduling import ClosingDay, TimeOff, WorkingHours
from portal_app.domain.models.staff import StaffMember
from portal_app.domain.models.templates import MessageTemplate

__all__ = [
    "AccessToken",
    "LoginCode",
    "RateLimitEvent",
    "ActivityEntry",
    "Appointment",
    "AppointmentStatus",
    "BackofficeTask",
    "Business",
    "BusinessSettings",
    "ClosingDay",
    "Customer",
    "Invitation",
    "JobLock",
    "MessageTemplate",
    "OutboxMessage",
    "Service",
    "ServiceStaff",
    "StaffMember",
    "TaskKind",
    "TimeOff",
    "UserSession",
    "Vehicle",
    "WorkingHours",
]
