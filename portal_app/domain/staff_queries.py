"""What the back-office reads: customers and the activity feed."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from portal_app.domain.actor import Actor, StaffRole
from portal_app.domain.errors import NotAllowed
from portal_app.domain.models import ActivityEntry, BackofficeTask, Customer, Service, StaffMember
from portal_app.domain.views import ActivityView, CustomerView


def list_customers(session: Session, actor: Actor) -> list[CustomerView]:
    """The business's customers by name; owners and staff only."""
    if not actor.is_staff or actor.role == StaffRole.MECHANIC:
        raise NotAllowed("owners and staff only")
    rows = session.exec(
        select(Customer).where(Customer.business_id == actor.business_id).order_by(Customer.name)
    ).all()
    return [
        CustomerView(c.id, c.name, c.email, c.mobile, c.city, c.preferred_channel, c.locale)
        for c in rows
    ]


def recent_activity(session: Session, actor: Actor, limit: int = 20) -> list[ActivityView]:
    """Newest activity entries of the business, with who did it."""
    if not actor.is_staff:
        raise NotAllowed("staff only")
    entries = session.exec(
        select(ActivityEntry)
        .where(ActivityEntry.business_id == actor.business_id)
        .order_by(col(ActivityEntry.at).desc())
        .limit(max(1, min(limit, 100)))
    ).all()
    customer_ids = {e.actor_id for e in entries if e.actor_kind == "customer" and e.actor_id}
    staff_ids = {e.actor_id for e in entries if e.actor_kind == "staff" and e.actor_id}
    names = {("customer", c.id): c.name for c in _by_ids(session, Customer, customer_ids)}
    names |= {("staff", s.id): s.name for s in _by_ids(session, StaffMember, staff_ids)}
    return [
        ActivityView(
            e.at, e.action, e.actor_kind, names.get((e.actor_kind, e.actor_id), ""), e.summary
        )
        for e in entries
    ]


def office_services(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """Active services of the business by name, for invitations; owners and staff only."""
    if not actor.is_staff or actor.role == StaffRole.MECHANIC:
        raise NotAllowed("owners and staff only")
    rows = session.exec(
        select(Service)
        .where(Service.business_id == actor.business_id, col(Service.active).is_(True))
        .order_by(Service.name)
    ).all()
    return [(s.id, s.name) for s in rows]


def task_extras(
    session: Session, actor: Actor, task_ids: list[int]
) -> dict[int, tuple[int | None, datetime | None]]:
    """Task id -> (assigned staff id, resolved at) for the business's tasks in `task_ids`."""
    if not actor.is_staff or actor.role == StaffRole.MECHANIC:
        raise NotAllowed("owners and staff only")
    ids = [i for i in task_ids if isinstance(i, int)][:500]
    if not ids:
        return {}
    rows = session.exec(
        select(
            BackofficeTask.id, BackofficeTask.assigned_staff_id, BackofficeTask.resolved_at
        ).where(BackofficeTask.business_id == actor.business_id, col(BackofficeTask.id).in_(ids))
    ).all()
    return {task_id: (staff_id, resolved_at) for task_id, staff_id, resolved_at in rows}


def staff_name(session: Session, actor: Actor) -> str:
    """The acting staff member's name."""
    member = session.get(StaffMember, actor.id) if actor.is_staff else None
    if member is None:
        raise NotAllowed("staff only")
    return member.name


def customer_profile(session: Session, actor: Actor) -> CustomerView:
    """The acting customer's own details."""
    customer = session.get(Customer, actor.id) if actor.is_customer else None
    if customer is None:
        raise NotAllowed("customers only")
    return CustomerView(
        customer.id,
        customer.name,
        customer.email,
        customer.mobile,
        customer.city,
        customer.preferred_channel,
        customer.locale,
    )


def _by_ids(session: Session, model, ids: set[int]):
    if not ids:
        return []
    return session.exec(select(model).where(col(model.id).in_(ids))).all()
