"""Demo sign-in for development (the route exists only with PORTAL_DEV_TOOLS=1)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from portal_app.core import paths
from portal_app.core.actor import customer, staff
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.domain.business.models import StaffMember
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.sessions import start_session

DEV_LIST_LIMIT = 50


@dataclass(frozen=True)
class DevPerson:
    kind: str  # customer | staff
    id: int
    label: str


def people(ctx: Context) -> list[DevPerson]:
    """The first customers and the staff, to continue as one of them."""
    with ctx.db.transaction() as session:
        customers = session.exec(select(Customer).order_by(Customer.id).limit(DEV_LIST_LIMIT)).all()
        members = session.exec(select(StaffMember).order_by(StaffMember.id)).all()
    return [DevPerson("customer", c.id, f"{c.name} · {c.email}") for c in customers] + [
        DevPerson("staff", s.id, f"{s.name} · {s.role}") for s in members
    ]


def sign_in_as(ctx: Context, kind: str, person_id: int) -> tuple[str, str]:
    """A session for the chosen person: (cookie value, landing page)."""
    with ctx.db.transaction() as session:
        if kind == "customer" and (person := session.get(Customer, person_id)):
            actor, target = customer(person.id, person.business_id), paths.PORTAL
        elif kind == "staff" and (member := session.get(StaffMember, person_id)):
            actor, target = staff(member.id, member.business_id, member.role), paths.STAFF
        else:
            raise NotFound("unknown person")
        return start_session(session, actor, ctx.clock.now()), target
