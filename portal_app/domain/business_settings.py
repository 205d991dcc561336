"""The owner's booking policies."""

from __future__ import annotations

from sqlmodel import Session

from portal_app.domain.actor import Actor, StaffRole
from portal_app.domain.errors import NotAllowed
from portal_app.domain.models import BusinessSettings


def read_settings(session: Session, actor: Actor) -> BusinessSettings:
    """The business's settings; only its owner may read them here."""
    if not actor.is_staff or actor.role != StaffRole.OWNER:
        raise NotAllowed("owner only")
    current = session.get(BusinessSettings, actor.business_id)
    if current is None:
        current = BusinessSettings(business_id=actor.business_id)
    return current
