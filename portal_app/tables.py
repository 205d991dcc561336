"""Every table, imported in one place so SQLModel.metadata (and alembic) sees them all."""

from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.audit.models import AuditEntry
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.customers.models import ContactChange, Customer, Vehicle
from portal_app.domain.identity.models import (
    AccessToken,
    LoginCode,
    RateLimitEvent,
    RecoveryCode,
    StaffTwoFactor,
    TwoFactorChallenge,
    UserSession,
)
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import MessageTemplate, OutboxMessage
from portal_app.domain.privacy.models import Consent, Erasure, PrivacyPolicy
from portal_app.domain.scheduling.models import ClosingDay, TimeOff, WorkingHours
from portal_app.infra.locks import JobLock

TABLES = (
    AccessToken,
    ActivityEntry,
    Appointment,
    AuditEntry,
    BackofficeTask,
    Business,
    BusinessSettings,
    ClosingDay,
    Consent,
    ContactChange,
    Customer,
    Erasure,
    Invitation,
    JobLock,
    LoginCode,
    MessageTemplate,
    OutboxMessage,
    PrivacyPolicy,
    RateLimitEvent,
    RecoveryCode,
    Service,
    ServiceStaff,
    StaffMember,
    StaffTwoFactor,
    TimeOff,
    TwoFactorChallenge,
    UserSession,
    Vehicle,
    WorkingHours,
)
