"""Privacy commands: consent, the customer's own data, erasure, the owner's policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from portal_app.core.actor import CUSTOMERS, OWNERS, Actor, require
from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput, NotFound
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.audit.service import record
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.models import UserSession
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.privacy.erasure import erase_customer
from portal_app.domain.privacy.models import Consent, Erasure, PrivacyPolicy

# The versions customers agree to; raise one when its text changes.
TERMS_VERSION = "2026-11"
PRIVACY_VERSION = "2026-11"
MAX_MONTHS = 120
ERASE_BATCH = 100


@dataclass(frozen=True)
class ConsentView:
    terms_version: str
    privacy_version: str
    agreed_at: datetime | None  # None: not (yet) agreed to the current versions


def consent_status(ctx: Context, actor: Actor) -> ConsentView:
    """Whether the customer agreed to the current terms and privacy statement, and when."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(Consent.kind, Consent.version, func.max(Consent.at))
            .where(Consent.customer_id == actor.id)
            .group_by(Consent.kind, Consent.version)
        ).all()
    agreed = {(kind, version): at for kind, version, at in rows}
    terms, privacy = agreed.get(("terms", TERMS_VERSION)), agreed.get(("privacy", PRIVACY_VERSION))
    at = max(terms, privacy) if terms and privacy else None
    return ConsentView(TERMS_VERSION, PRIVACY_VERSION, at)


def give_consent(ctx: Context, actor: Actor) -> ConsentView:
    """Record agreement to the current terms and privacy statement, with the time."""
    require(actor, CUSTOMERS)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        session.add_all(
            [
                Consent(customer_id=actor.id, kind="terms", version=TERMS_VERSION, at=now),
                Consent(customer_id=actor.id, kind="privacy", version=PRIVACY_VERSION, at=now),
            ]
        )
    return ConsentView(TERMS_VERSION, PRIVACY_VERSION, now)


def request_erasure(ctx: Context, actor: Actor, *, confirm_email: object) -> None:
    """Erase the signed-in customer's personal data now; they type their e-mail address
    to confirm. Their sessions end with it."""
    require(actor, CUSTOMERS)
    typed = confirm_email.strip().lower() if isinstance(confirm_email, str) else ""
    with ctx.db.transaction(write_lock=True) as session:
        person = session.get(Customer, actor.id)
        if person is None or person.business_id != actor.business_id:
            raise NotFound("no such customer")
        if typed != person.email.lower():
            raise InvalidInput("confirmation does not match", code="privacy.confirm_mismatch")
        erase_customer(session, ctx, person, "request")


def _policy(session: Session, business_id: int) -> PrivacyPolicy:
    return session.get(PrivacyPolicy, business_id) or PrivacyPolicy(business_id=business_id)


def erase_after_months(ctx: Context, actor: Actor) -> int:
    """The owner's setting: erase customers inactive for this many months (0: never)."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        return _policy(session, actor.business_id).erase_inactive_months


def set_erase_after_months(ctx: Context, actor: Actor, *, months: object) -> int:
    """Set automatic erasure after N months without activity (0 turns it off)."""
    require(actor, OWNERS)
    if not isinstance(months, int) or isinstance(months, bool) or not 0 <= months <= MAX_MONTHS:
        raise InvalidInput("months out of range", code="privacy.months_invalid")
    with ctx.db.transaction() as session:
        policy = _policy(session, actor.business_id)
        policy.erase_inactive_months, policy.changed_at = months, ctx.clock.now()
        session.add(policy)
        record(
            session,
            "privacy_settings_changed",
            at=ctx.clock.now(),
            business_id=actor.business_id,
            actor=actor,
            detail=f"erase after {months} months" if months else "no automatic erasure",
        )
    return months


def erase_inactive_customers(ctx: Context) -> int:
    """Tick job: erase customers of businesses that ask for it, when they have had no
    appointment, sign-in, invitation or message for the chosen months (and the setting
    has held that long). A fixed number of statements per
    batch of at most 100 customers; returns how many were erased."""
    now = ctx.clock.now()
    erased = 0
    with ctx.db.transaction(write_lock=True) as session:
        policies = session.exec(
            select(PrivacyPolicy).where(col(PrivacyPolicy.erase_inactive_months) > 0)
        ).all()
        for policy in policies:
            cutoff = now - timedelta(days=30 * policy.erase_inactive_months)
            if policy.changed_at is None or policy.changed_at > cutoff:
                continue  # the setting has not held N months yet
            for person in _inactive(session, policy.business_id, cutoff):
                erase_customer(session, ctx, person, "inactive")
                erased += 1
    return erased


def _inactive(session: Session, business_id: int, cutoff: datetime) -> list[Customer]:
    recent_appointment = select(Appointment.customer_id).where(
        Appointment.business_id == business_id, Appointment.end_utc > cutoff
    )
    recent_visit = select(UserSession.actor_id).where(
        UserSession.actor_kind == "customer", UserSession.last_seen_at > cutoff
    )
    recent_invitation = select(Invitation.customer_id).where(
        Invitation.business_id == business_id, Invitation.created_at > cutoff
    )
    recent_message = select(OutboxMessage.recipient).where(
        OutboxMessage.business_id == business_id, OutboxMessage.created_at > cutoff
    )
    already = select(Erasure.customer_id).where(Erasure.business_id == business_id)
    return list(
        session.exec(
            select(Customer)
            .where(
                Customer.business_id == business_id,
                col(Customer.id).not_in(recent_appointment),
                col(Customer.id).not_in(recent_visit),
                col(Customer.id).not_in(recent_invitation),
                col(Customer.email).not_in(recent_message),
                col(Customer.id).not_in(already),
            )
            .order_by(Customer.id)
            .limit(ERASE_BATCH)
        ).all()
    )
