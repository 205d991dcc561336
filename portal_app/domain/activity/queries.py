"""The online-activity feed the back-office reads (seed 003)."""

from __future__ import annotations

from sqlalchemy import and_
from sqlmodel import col, select

from portal_app.core.actor import ALL_STAFF, Actor, ActorKind, require
from portal_app.core.context import Context
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.business.models import StaffMember
from portal_app.domain.customers.models import Customer


def recent_activity(ctx: Context, actor: Actor, limit: int = 20) -> list[ActivityView]:
    """Newest activity entries of the business with who did it, in one statement."""
    require(actor, ALL_STAFF)
    query = (
        select(
            ActivityEntry.id,
            ActivityEntry.at,
            ActivityEntry.action,
            ActivityEntry.actor_kind,
            Customer.name,
            StaffMember.name,
            ActivityEntry.summary,
        )
        .join(
            Customer,
            and_(
                Customer.id == ActivityEntry.actor_id,
                ActivityEntry.actor_kind == ActorKind.CUSTOMER.value,
            ),
            isouter=True,
        )
        .join(
            StaffMember,
            and_(
                StaffMember.id == ActivityEntry.actor_id,
                ActivityEntry.actor_kind == ActorKind.STAFF.value,
            ),
            isouter=True,
        )
        .where(ActivityEntry.business_id == actor.business_id)
        .order_by(col(ActivityEntry.at).desc(), col(ActivityEntry.id).desc())
        .limit(max(1, min(limit, 100)))
    )
    with ctx.db.transaction() as session:
        rows = session.execute(query).all()
    return [
        ActivityView(entry_id, at, action, kind, customer or member or "", summary)
        for entry_id, at, action, kind, customer, member, summary in rows
    ]
