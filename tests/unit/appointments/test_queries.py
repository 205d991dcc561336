"""Read models filter by the acting person and page in the query."""

from datetime import timedelta

import pytest

from portal_app.core.errors import NotAllowed
from portal_app.core.paging import PageRequest
from portal_app.domain.activity.queries import recent_activity
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.queries import (
    customer_history,
    customer_upcoming,
    dashboard,
    staff_week,
)
from portal_app.domain.customers.queries import search_customers
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    customer_actor,
    local_today,
    rows,
    staff_actor,
)


def test_customer_sees_only_own_appointments(demo):
    emma = customer_actor(demo, "emma@example.com")
    upcoming = customer_upcoming(demo, emma)
    history = customer_history(demo, emma).items
    assert len(upcoming) == 1 and len(history) == 1
    assert {v.customer_name for v in upcoming + list(history)} == {"Emma Visser"}
    assert upcoming[0].start_utc > demo.clock.now() > history[0].start_utc
    assert dashboard(demo, emma).customer_name == "Emma Visser"


def test_cancelled_future_appointment_moves_to_history(demo):
    emma = customer_actor(demo, "emma@example.com")
    [future] = rows(
        demo,
        Appointment,
        Appointment.customer_id == emma.id,
        Appointment.start_utc > demo.clock.now(),
    )
    with demo.db.transaction() as session:
        session.get(Appointment, future.id).status = "cancelled"
    assert customer_upcoming(demo, emma) == []
    assert len(customer_history(demo, emma).items) == 2


def test_history_is_paged_newest_first(demo):
    _name, _email, customer = add_customer(demo, "Vaak")
    today = local_today(demo)
    for weeks in range(1, 8):
        add_appointment(demo, customer, at(today - timedelta(weeks=weeks), 10), status="completed")
    actor = customer_actor(demo, _email)
    first = customer_history(demo, actor, PageRequest(1, 5))
    second = customer_history(demo, actor, PageRequest(2, 5))
    assert len(first.items) == 5 and first.has_next
    assert len(second.items) == 2 and not second.has_next
    starts = [v.start_utc for v in first.items + second.items]
    assert starts == sorted(starts, reverse=True)


def test_staff_cannot_use_customer_queries_and_vice_versa(demo):
    owner, emma = staff_actor(demo), customer_actor(demo, "emma@example.com")
    with pytest.raises(NotAllowed):
        customer_upcoming(demo, owner)
    with pytest.raises(NotAllowed):
        staff_week(demo, emma)
    with pytest.raises(NotAllowed):
        search_customers(demo, emma)
    with pytest.raises(NotAllowed):
        recent_activity(demo, emma)


def _this_and_next_week(ctx) -> tuple[int, int]:
    _name, _email, customer = add_customer(ctx, "Week")
    today = local_today(ctx)
    sunday = today + timedelta(days=6 - today.weekday())
    this_week = add_appointment(ctx, customer, at(sunday, 23, 0), staff="Pieter Bakker")
    next_week = add_appointment(ctx, customer, at(sunday + timedelta(days=1), 0, 30))
    return this_week, next_week


def test_the_week_is_this_calendar_week_only(demo):
    this_week, next_week = _this_and_next_week(demo)
    ids = {v.id for v in staff_week(demo, staff_actor(demo))}
    assert this_week in ids and next_week not in ids


def test_mechanic_sees_own_work_and_no_customer_list(demo):
    this_week, _next = _this_and_next_week(demo)
    mechanic = staff_actor(demo, "Pieter Bakker")
    week = staff_week(demo, mechanic)
    assert {v.staff_name for v in week} == {"Pieter Bakker"} and this_week in {v.id for v in week}
    with pytest.raises(NotAllowed):
        search_customers(demo, mechanic)


def test_owner_sees_activity_with_names_and_searches_customers(demo):
    owner = staff_actor(demo)
    activity = recent_activity(demo, owner)
    assert len(activity) == 5 and all(a.action == "booked" and a.actor_name for a in activity)
    everyone = search_customers(demo, owner).items
    assert [c.name for c in everyone] == sorted(c.name for c in everyone)
    assert [c.name for c in search_customers(demo, owner, search="MULDER").items] == [
        "Julia Mulder"
    ]
    assert [c.name for c in search_customers(demo, owner, search="06 1112").items] == [
        "Julia Mulder"
    ]
    assert [c.email for c in search_customers(demo, owner, search="lucas@").items] == [
        "lucas@example.com"
    ]
