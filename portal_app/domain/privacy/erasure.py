"""Erasing a customer's personal data, and the rule for what must stay.

The customer row is never deleted but pseudonymised, so rows the business must keep can
still point at it. What stays, and why:

- Invoices (billing, when it lands) stay for the legal seven years (Dutch fiscal
  retention, art. 52 AWR): billing keeps its invoice rows with the name and address as
  printed on them, and registers an eraser (`register_eraser`) that pseudonymises only
  invoices older than `INVOICE_RETENTION_YEARS`; the erasure tick runs the erasers
  again for erased customers, so old invoices follow once their time is up.
- Appointments stay as business records (date, service, price, status) without notes,
  address or video link; the audit log keeps who did what, without the person's details.

Everything else that names or reaches the person goes: contact details, address,
vehicles' plates, sign-in secrets and sessions, pending messages, the text of sent
messages, free text in back-office tasks and activity summaries.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from portal_app.core.actor import ActorKind
from portal_app.core.context import Context
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.audit.service import record
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.customers.models import Customer, Vehicle
from portal_app.domain.identity.models import AccessToken, LoginCode, UserSession
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.privacy.models import Erasure

INVOICE_RETENTION_YEARS = 7
ERASED_NAME = "—"

# Steps other areas add for their own tables: fn(session, ctx, customer_id).
Eraser = Callable[[Session, Context, int], None]
_ERASERS: list[Eraser] = []


def register_eraser(step: Eraser) -> Eraser:
    """Add an area's own erasure step (e.g. billing's, which keeps invoices 7 years)."""
    if step not in _ERASERS:
        _ERASERS.append(step)
    return step


def erased_address(customer_id: int) -> str:
    """The placeholder e-mail address of an erased customer (never deliverable)."""
    return f"erased-{customer_id}@erased.invalid"


def erase_customer(session: Session, ctx: Context, person: Customer, reason: str) -> None:
    """Erase one customer's personal data in the caller's transaction."""
    addresses = [a for a in (person.email, person.mobile) if a]
    customer_id, now = person.id, ctx.clock.now()
    person.name, person.email, person.mobile = ERASED_NAME, erased_address(customer_id), ""
    person.street = person.postcode = person.city = ""
    person.latitude = person.longitude = None
    session.add(person)
    session.exec(
        update(Vehicle)
        .where(col(Vehicle.customer_id) == customer_id)
        .values(plate="", make="", model="", mileage_km=None)
    )
    session.exec(
        update(Appointment)
        .where(col(Appointment.customer_id) == customer_id)
        .values(notes="", location="", video_url="")
    )
    appointments = select(Appointment.id).where(Appointment.customer_id == customer_id)
    session.exec(
        update(ActivityEntry)
        .where(
            or_(
                (col(ActivityEntry.actor_kind) == ActorKind.CUSTOMER.value)
                & (col(ActivityEntry.actor_id) == customer_id),
                col(ActivityEntry.appointment_id).in_(appointments),
            )
        )
        .values(summary="")
    )
    session.exec(
        update(BackofficeTask)
        .where(col(BackofficeTask.customer_id) == customer_id)
        .values(message="")
    )
    if addresses:
        mine = col(OutboxMessage.recipient).in_(addresses)
        session.exec(delete(OutboxMessage).where(mine, col(OutboxMessage.status) == "pending"))
        session.exec(
            update(OutboxMessage)
            .where(mine)
            .values(recipient="erased", subject="", body="", attachment_content="")
        )
    session.exec(delete(LoginCode).where(col(LoginCode.customer_id) == customer_id))
    for table in (AccessToken, UserSession):
        session.exec(
            delete(table).where(
                col(table.actor_kind) == ActorKind.CUSTOMER.value,
                col(table.actor_id) == customer_id,
            )
        )
    for step in _ERASERS:
        step(session, ctx, customer_id)
    session.add(
        Erasure(customer_id=customer_id, business_id=person.business_id, reason=reason, at=now)
    )
    record(
        session,
        "customer_erased",
        at=now,
        business_id=person.business_id,
        system=True,
        subject_kind="customer",
        subject_id=customer_id,
        detail=reason,
    )
