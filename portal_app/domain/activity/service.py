"""The activity log: written in the transaction of the change it describes."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from portal_app.core.actor import Actor
from portal_app.domain.activity.models import ActivityEntry


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    business_id: int,
    at: datetime,
    summary: str = "",
    appointment_id: int | None = None,
) -> None:
    """Add one activity entry to the caller's transaction."""
    session.add(
        ActivityEntry(
            business_id=business_id,
            at=at,
            actor_kind=actor.kind.value,
            actor_id=actor.id,
            action=action,
            appointment_id=appointment_id,
            summary=summary[:500],
        )
    )
