"""Back-office tasks and reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.domain import backoffice, booking
from portal_app.domain.errors import NotAllowed, NotFound
from portal_app.domain.models import Appointment, BusinessSettings, OutboxMessage
from portal_app.domain.reminders import send_due_reminders
from tests.unit.booking_helpers import PUBLIC, customer_actor, service_id, staff_actor


def _request(demo, clock):
    demo.get(BusinessSettings, 1).booking_mode = "request"
    emma = customer_actor(demo, "emma@example.com")
    option = booking.find_options(
        demo, emma, clock, service_id=service_id(demo, "APK-keuring")
    ).options[0]
    return booking.book(
        demo,
        emma,
        clock,
        service_id=service_id(demo, "APK-keuring"),
        staff_id=option.staff_id,
        start=option.start_utc,
        public_url=PUBLIC,
    )


def test_owner_approves_a_request_and_the_customer_gets_a_confirmation(demo, clock):
    appointment = _request(demo, clock)
    owner = staff_actor(demo, "Sanne de Vries")
    [task] = backoffice.list_tasks(demo, owner)
    assert task.kind == "approve_request" and task.customer_name == "Emma Visser"
    daan = staff_actor(demo, "Daan Jansen")
    backoffice.assign_task(demo, owner, task_id=task.id, staff_id=daan.id)
    assert backoffice.list_tasks(demo, owner)[0].assigned_to == "Daan Jansen"
    backoffice.decide_request(demo, owner, clock, task_id=task.id, approve=True, public_url=PUBLIC)
    assert appointment.status == "booked"
    assert backoffice.list_tasks(demo, owner) == []
    assert len(backoffice.list_tasks(demo, owner, "resolved")) == 1
    assert any(m.kind == "booking_confirmation" for m in demo.exec(select(OutboxMessage)))


def test_declined_request_is_cancelled(demo, clock):
    appointment = _request(demo, clock)
    owner = staff_actor(demo, "Sanne de Vries")
    [task] = backoffice.list_tasks(demo, owner)
    backoffice.decide_request(demo, owner, clock, task_id=task.id, approve=False, public_url=PUBLIC)
    assert appointment.status == "cancelled"


def test_mechanics_and_customers_have_no_inbox(demo, clock):
    _request(demo, clock)
    for actor in (staff_actor(demo, "Pieter Bakker"), customer_actor(demo, "emma@example.com")):
        with pytest.raises(NotAllowed):
            backoffice.list_tasks(demo, actor)
    owner = staff_actor(demo, "Sanne de Vries")
    with pytest.raises(NotFound):
        backoffice.resolve_task(demo, owner, clock, task_id=9999)
    with pytest.raises(NotFound):
        backoffice.assign_task(demo, owner, task_id={"id": 1}, staff_id=None)


def test_each_reminder_goes_out_once(demo, clock):
    upcoming, *later = demo.exec(
        select(Appointment)
        .where(Appointment.start_utc > clock.now())
        .order_by(Appointment.start_utc)
    ).all()
    for other in later:  # depending on the day, two demo appointments can be a day apart
        other.status = "cancelled"
        demo.add(other)
    clock.advance(upcoming.start_utc - clock.now() - timedelta(hours=30))
    assert send_due_reminders(demo, clock, PUBLIC) == 0
    clock.advance(timedelta(hours=7))  # now 23 hours before: due
    assert send_due_reminders(demo, clock, PUBLIC) == 1
    clock.advance(timedelta(hours=1))  # a late run (or a second process) sends nothing more
    assert send_due_reminders(demo, clock, PUBLIC) == 0
    reminders = [m for m in demo.exec(select(OutboxMessage)) if m.kind == "reminder"]
    assert len(reminders) == 1 and "/auth/link?token=" in reminders[0].body
