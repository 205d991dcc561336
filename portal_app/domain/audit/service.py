"""Writing the audit log, inside the transaction of what it records (or in its own)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from portal_app.core.actor import Actor
from portal_app.core.context import Context
from portal_app.domain.audit.models import AuditEntry

# Every event the log knows; each has the catalog text "audit.event.<name>".
EVENTS = frozenset(
    {
        "customer_signed_in",
        "customer_code_failed",
        "staff_signed_in",
        "staff_sign_in_failed",
        "staff_sign_in_throttled",
        "two_factor_failed",
        "two_factor_enrolled",
        "recovery_code_used",
        "refused",
        "customer_changed",
        "customer_exported",
        "customer_erased",
        "staff_unlocked",
        "staff_two_factor_changed",
        "privacy_settings_changed",
    }
)


def record(
    session: Session,
    event: str,
    *,
    at: datetime,
    business_id: int | None,
    actor: Actor | None = None,
    subject_kind: str = "",
    subject_id: int | None = None,
    detail: str = "",
    source: str | None = None,
    system: bool = False,
) -> None:
    """Add one audit entry to the caller's transaction."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    session.add(
        AuditEntry(
            business_id=business_id,
            at=at,
            event=event,
            actor_kind="system" if system else (actor.kind.value if actor else "anonymous"),
            actor_id=actor.id if actor else None,
            subject_kind=subject_kind,
            subject_id=subject_id,
            detail=detail[:300],
            source=(source or "")[:100],
        )
    )


def record_customer_change(
    session: Session, ctx: Context, actor: Actor, customer_id: int, what: str
) -> None:
    """A staff member changed a customer's data (in the caller's transaction); a
    customer's own changes go to the activity log instead."""
    if actor.is_staff:
        record(
            session,
            "customer_changed",
            at=ctx.clock.now(),
            business_id=actor.business_id,
            actor=actor,
            subject_kind="customer",
            subject_id=customer_id,
            detail=what,
        )


def record_refusal(ctx: Context, actor: Actor, what: str, source: str | None = None) -> None:
    """A signed-in person was refused something (in its own transaction)."""
    with ctx.db.transaction() as session:
        record(
            session,
            "refused",
            at=ctx.clock.now(),
            business_id=actor.business_id,
            actor=actor,
            detail=what,
            source=source,
        )
