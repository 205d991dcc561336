"""Every table, imported in one place so SQLModel.metadata (and alembic) sees them all."""

from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.customers.models import ContactChange, Customer, Vehicle
from portal_app.domain.identity.models import AccessToken, LoginCode, RateLimitEvent, UserSession
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import MessageTemplate, OutboxMessage
from portal_app.domain.scheduling.models import ClosingDay, TimeOff, WorkingHours
from portal_app.infra.locks import JobLock

TABLES = (
    AccessToken,
    ActivityEntry,
    Appointment,
    BackofficeTask,
    Business,
    BusinessSettings,
    ClosingDay,
    ContactChange,
    Customer,
    Invitation,
    JobLock,
    LoginCode,
    MessageTemplate,
    OutboxMessage,
    RateLimitEvent,
    Service,
    ServiceStaff,
    StaffMember,
    TimeOff,
    UserSession,
    Vehicle,
    WorkingHours,
)
