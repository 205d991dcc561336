"""Everything the portal holds about a customer, for them to read and download (GDPR
art. 15 and 20): one document, a fixed number of statements whatever its size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from portal_app.core.actor import CUSTOMERS, Actor, ActorKind, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.audit.service import record
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.customers.models import Customer, Vehicle
from portal_app.domain.identity.models import UserSession
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.privacy.models import Consent

SECTIONS = (
    "profile",
    "vehicles",
    "appointments",
    "invitations",
    "messages",
    "activity",
    "consents",
    "sessions",
)


@dataclass(frozen=True)
class DataRow:
    label: str
    value: str


@dataclass(frozen=True)
class DataSection:
    key: str  # one of SECTIONS; the page's heading is "privacy.section.<key>"
    rows: tuple[DataRow, ...]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def _row(model, fields: tuple[str, ...]) -> dict:
    return {name: _plain(getattr(model, name)) for name in fields}


def export_document(ctx: Context, actor: Actor) -> dict:
    """The customer's data as one JSON-ready document (and an audit entry that it was
    handed out)."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        found = session.exec(
            select(Customer, Business)
            .join(Business, Business.id == Customer.business_id)
            .where(Customer.id == actor.id, Customer.business_id == actor.business_id)
        ).first()
        if found is None:
            raise NotFound("no such customer")
        person, business = found
        vehicles = session.exec(select(Vehicle).where(Vehicle.customer_id == person.id)).all()
        appointments = session.exec(
            select(Appointment, Service.name, StaffMember.name)
            .join(Service, Service.id == Appointment.service_id)
            .join(StaffMember, StaffMember.id == Appointment.staff_id)
            .where(Appointment.customer_id == person.id)
            .order_by(Appointment.start_utc)
        ).all()
        invitations = session.exec(
            select(Invitation, Service.name)
            .join(Service, Service.id == Invitation.service_id)
            .where(Invitation.customer_id == person.id)
            .order_by(Invitation.created_at)
        ).all()
        addresses = [a for a in (person.email, person.mobile) if a]
        messages = session.exec(
            select(OutboxMessage)
            .where(col(OutboxMessage.recipient).in_(addresses))
            .order_by(OutboxMessage.created_at)
        ).all()
        activity = session.exec(
            select(ActivityEntry)
            .where(
                ActivityEntry.actor_kind == ActorKind.CUSTOMER.value,
                ActivityEntry.actor_id == person.id,
            )
            .order_by(ActivityEntry.at)
        ).all()
        consents = session.exec(
            select(Consent).where(Consent.customer_id == person.id).order_by(Consent.at)
        ).all()
        sessions = session.exec(
            select(UserSession)
            .where(
                UserSession.actor_kind == ActorKind.CUSTOMER.value,
                UserSession.actor_id == person.id,
            )
            .order_by(UserSession.created_at)
        ).all()
        record(
            session,
            "customer_exported",
            at=ctx.clock.now(),
            business_id=person.business_id,
            actor=actor,
            subject_kind="customer",
            subject_id=person.id,
        )
    return {
        "business": business.name,
        "exported_at": ctx.clock.now().isoformat(),
        "profile": _row(
            person,
            (
                "name",
                "email",
                "mobile",
                "preferred_channel",
                "locale",
                "street",
                "postcode",
                "city",
            ),
        ),
        "vehicles": [_row(v, ("plate", "make", "model", "mileage_km")) for v in vehicles],
        "appointments": [
            {
                "service": service,
                "staff": staff,
                **_row(a, ("status", "start_utc", "end_utc", "price_cents", "location", "notes")),
            }
            for a, service, staff in appointments
        ],
        "invitations": [
            {"service": service, **_row(i, ("status", "created_at"))} for i, service in invitations
        ],
        "messages": [
            _row(m, ("created_at", "channel", "recipient", "subject", "body", "status"))
            for m in messages
        ],
        "activity": [_row(e, ("at", "action", "summary")) for e in activity],
        "consents": [_row(c, ("kind", "version", "at")) for c in consents],
        "sessions": [_row(s, ("created_at", "last_seen_at", "expires_at")) for s in sessions],
    }


def readable(document: dict) -> list[DataSection]:
    """The document as sections of label/value rows for a page."""
    sections = [
        DataSection(
            "profile",
            tuple(
                DataRow(k, str(v)) for k, v in document["profile"].items() if v not in ("", None)
            ),
        )
    ]
    for key in SECTIONS[1:]:
        rows = tuple(
            DataRow(
                str(index + 1),
                " · ".join(f"{k}: {v}" for k, v in item.items() if v not in ("", None)),
            )
            for index, item in enumerate(document[key])
        )
        sections.append(DataSection(key, rows))
    return sections
