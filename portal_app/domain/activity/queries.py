"""The online-activity feed the back-office reads (seed 003), and one appointment's
history of changes."""

from __future__ import annotations

from sqlalchemy import and_
from sqlmodel import Session, col, select

from portal_app.core.actor import ALL_STAFF, Actor, ActorKind, require
from portal_app.core.context import Context
from portal_app.core.paging import Page, PageRequest
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.business.models import StaffMember
from portal_app.domain.customers.models import Customer


def _select(business_id: int):
    """Activity entries of a business with who did it, newest first."""
    return (
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
        .where(ActivityEntry.business_id == business_id)
        .order_by(col(ActivityEntry.at).desc(), col(ActivityEntry.id).desc())
    )


def _views(session: Session, query) -> list[ActivityView]:
    return [
        ActivityView(entry_id, at, action, kind, customer or member or "", summary)
        for entry_id, at, action, kind, customer, member, summary in session.execute(query)
    ]


def recent_activity(ctx: Context, actor: Actor, limit: int = 20) -> list[ActivityView]:
    """Newest activity entries of the business with who did it, in one statement."""
    require(actor, ALL_STAFF)
    query = _select(actor.business_id).limit(max(1, min(limit, 100)))
    with ctx.db.transaction() as session:
        return _views(session, query)


def appointment_history(
    session: Session, business_id: int, appointment_id: int, page: PageRequest
) -> Page[ActivityView]:
    """One page of the changes to an appointment with who made them, newest first, in one
    statement (the caller checked who may see the appointment)."""
    query = (
        _select(business_id)
        .where(ActivityEntry.appointment_id == appointment_id)
        .offset(page.offset)
        .limit(page.fetch)
    )
    return Page.cut(_views(session, query), page)
