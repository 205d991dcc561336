"""Actors and lookups for the booking tests."""

from __future__ import annotations

from sqlmodel import select

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.models import Customer, Service, StaffMember

PUBLIC = "https://portal.example.nl"


def customer_actor(session, email: str) -> Actor:
    customer = session.exec(select(Customer).where(Customer.email == email)).one()
    return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id, locale=customer.locale)


def staff_actor(session, name: str) -> Actor:
    member = session.exec(select(StaffMember).where(StaffMember.name == name)).one()
    return Actor(ActorKind.STAFF, member.id, member.business_id, StaffRole(member.role))


def service_id(session, name: str) -> int:
    return session.exec(select(Service).where(Service.name == name)).one().id
