"""The audit log for the owner: newest first, one page in one statement."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from portal_app.core.actor import OWNERS, Actor, require
from portal_app.core.context import Context
from portal_app.core.paging import FIRST_PAGE, Page, PageRequest
from portal_app.domain.audit.models import AuditEntry
from portal_app.domain.audit.views import AuditView
from portal_app.domain.business.models import StaffMember
from portal_app.domain.customers.models import Customer


def audit_page(ctx: Context, actor: Actor, page: PageRequest = FIRST_PAGE) -> Page[AuditView]:
    """One page of the business's audit log (and of sign-ins to unknown accounts)."""
    require(actor, OWNERS)
    actor_customer, actor_staff = aliased(Customer), aliased(StaffMember)
    subject_customer, subject_staff = aliased(Customer), aliased(StaffMember)

    def person(alias, kind_column, id_column, kind):
        return and_(alias.id == id_column, kind_column == kind)

    query = (
        select(
            AuditEntry,
            actor_customer.name,
            actor_staff.name,
            subject_customer.name,
            subject_staff.name,
        )
        .join(
            actor_customer,
            person(actor_customer, AuditEntry.actor_kind, AuditEntry.actor_id, "customer"),
            isouter=True,
        )
        .join(
            actor_staff,
            person(actor_staff, AuditEntry.actor_kind, AuditEntry.actor_id, "staff"),
            isouter=True,
        )
        .join(
            subject_customer,
            person(subject_customer, AuditEntry.subject_kind, AuditEntry.subject_id, "customer"),
            isouter=True,
        )
        .join(
            subject_staff,
            person(subject_staff, AuditEntry.subject_kind, AuditEntry.subject_id, "staff"),
            isouter=True,
        )
        .where(
            or_(
                AuditEntry.business_id == actor.business_id,
                col(AuditEntry.business_id).is_(None),
            )
        )
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
        .offset(page.offset)
        .limit(page.fetch)
    )
    with ctx.db.transaction() as session:
        rows = session.exec(query).all()
    views = [
        AuditView(
            id=entry.id,
            at=entry.at,
            event=entry.event,
            actor_kind=entry.actor_kind,
            actor_name=a_customer or a_staff or "",
            subject_name=s_customer or s_staff or "",
            detail=entry.detail,
            source=entry.source,
        )
        for entry, a_customer, a_staff, s_customer, s_staff in rows
    ]
    return Page.cut(views, page)
