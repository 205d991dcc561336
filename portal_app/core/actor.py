"""Who is acting, and the one role check every service makes.

The actor is resolved server-side from the session cookie, never taken from the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from portal_app.core.errors import NotAllowed, NotSignedIn


class ActorKind(StrEnum):
    CUSTOMER = "customer"
    STAFF = "staff"


class Role(StrEnum):
    """What an actor may do; customers have their own role."""

    CUSTOMER = "customer"
    OWNER = "owner"
    STAFF = "staff"
    MECHANIC = "mechanic"


# Staff roles as stored on staff members (a customer is never one of these).
StaffRole = Role

CUSTOMERS = frozenset({Role.CUSTOMER})
OWNERS = frozenset({Role.OWNER})
OFFICE = frozenset({Role.OWNER, Role.STAFF})
ALL_STAFF = frozenset({Role.OWNER, Role.STAFF, Role.MECHANIC})
EVERYONE = ALL_STAFF | CUSTOMERS


@dataclass(frozen=True)
class Actor:
    """The authenticated person behind a request, with how to present things to them."""

    kind: ActorKind
    id: int
    business_id: int
    role: Role = Role.CUSTOMER
    locale: str = "nl"
    timezone: str = "Europe/Amsterdam"

    @property
    def is_customer(self) -> bool:
        return self.kind == ActorKind.CUSTOMER

    @property
    def is_staff(self) -> bool:
        return self.kind == ActorKind.STAFF


def customer(customer_id: int, business_id: int, **extra) -> Actor:
    """The actor of a signed-in customer."""
    return Actor(ActorKind.CUSTOMER, customer_id, business_id, Role.CUSTOMER, **extra)


def staff(member_id: int, business_id: int, role: str, **extra) -> Actor:
    """The actor of a signed-in staff member with their stored role."""
    staff_role = Role(role)
    if staff_role == Role.CUSTOMER:
        raise ValueError("a staff member cannot have the customer role")
    return Actor(ActorKind.STAFF, member_id, business_id, staff_role, **extra)


def require(actor: Actor | None, allowed: frozenset[Role]) -> Actor:
    """The actor when its role is allowed; NotSignedIn without one, NotAllowed otherwise."""
    if actor is None:
        raise NotSignedIn("sign in first")
    if actor.role not in allowed:
        raise NotAllowed(f"{actor.role} may not do this")
    return actor
