"""Read models filter by the acting person."""

import pytest
from sqlmodel import select

from portal_app.domain import appointment_queries, staff_queries
from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.errors import NotAllowed
from portal_app.domain.models import Appointment, Customer, StaffMember


def _customer_actor(session, email):
    customer = session.exec(select(Customer).where(Customer.email == email)).one()
    return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id)


def _staff_actor(session, role):
    member = session.exec(select(StaffMember).where(StaffMember.role == role)).first()
    return Actor(ActorKind.STAFF, member.id, member.business_id, StaffRole(role))


def test_customer_sees_only_own_appointments(demo, clock):
    emma = _customer_actor(demo, "emma@example.com")
    upcoming = appointment_queries.customer_upcoming(demo, emma, clock.now())
    history = appointment_queries.customer_history(demo, emma, clock.now())
    assert len(upcoming) == 1 and len(history) == 1
    assert {v.customer_name for v in upcoming + history} == {"Emma Visser"}
    assert upcoming[0].start_utc > clock.now() > history[0].start_utc


def test_cancelled_future_appointment_moves_to_history(demo, clock):
    emma = _customer_actor(demo, "emma@example.com")
    future = demo.exec(
        select(Appointment).where(
            Appointment.customer_id == emma.id, Appointment.start_utc > clock.now()
        )
    ).one()
    future.status = "cancelled"
    demo.add(future)
    demo.commit()
    assert appointment_queries.customer_upcoming(demo, emma, clock.now()) == []
    assert len(appointment_queries.customer_history(demo, emma, clock.now())) == 2


def test_staff_cannot_use_customer_queries_and_vice_versa(demo, clock):
    owner = _staff_actor(demo, "owner")
    emma = _customer_actor(demo, "emma@example.com")
    with pytest.raises(NotAllowed):
        appointment_queries.customer_upcoming(demo, owner, clock.now())
    with pytest.raises(NotAllowed):
        appointment_queries.staff_day(demo, emma, clock.now())
    with pytest.raises(NotAllowed):
        staff_queries.list_customers(demo, emma)
    with pytest.raises(NotAllowed):
        staff_queries.recent_activity(demo, emma)


def test_mechanic_sees_own_work_and_no_customer_list(demo, clock):
    mechanic = _staff_actor(demo, "mechanic")
    week = appointment_queries.staff_day(demo, mechanic, clock.now(), days=14)
    names = {v.staff_name for v in week}
    assert names <= {"Pieter Bakker"}
    with pytest.raises(NotAllowed):
        staff_queries.list_customers(demo, mechanic)


def test_owner_sees_business_week_and_activity(demo, clock):
    owner = _staff_actor(demo, "owner")
    week = appointment_queries.staff_day(demo, owner, clock.now(), days=14)
    assert len(week) == 5
    activity = staff_queries.recent_activity(demo, owner)
    assert len(activity) == 5 and all(a.action == "booked" and a.actor_name for a in activity)
    customers = staff_queries.list_customers(demo, owner)
    assert [c.name for c in customers] == sorted(c.name for c in customers)
