"""The back-office inbox: booking requests, assigning, resolving; who may use it."""

from __future__ import annotations

import pytest

from portal_app.core.errors import NotAllowed, NotFound
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.backoffice import service as inbox
from portal_app.domain.backoffice.queries import list_tasks
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    business_id,
    customer_actor,
    one,
    rows,
    service_id,
    staff_actor,
    working_day,
)


def _request(ctx) -> int:
    with ctx.db.transaction() as session:
        session.get(BusinessSettings, business_id(ctx)).booking_mode = "request"
    lucas = customer_actor(ctx, "lucas@example.com")
    day = working_day(ctx, 4).isoformat()
    apk = service_id(ctx, "APK-keuring")
    option = booking_times(ctx, lucas, service_id=apk, staff_id="any", day=day)[0]
    booked = booking.book(
        ctx, lucas, service_id=apk, staff_id=option.staff_id, start=option.start_utc
    )
    return booked.appointment.id


def _status(ctx, appointment_id: int) -> str:
    return one(ctx, Appointment, Appointment.id == appointment_id).status


def test_owner_approves_a_request_and_the_customer_gets_a_confirmation(demo):
    appointment = _request(demo)
    owner = staff_actor(demo)
    [task] = list_tasks(demo, owner).items
    assert task.kind == "approve_request" and task.customer_name == "Lucas de Boer"
    assert task.service_name == "APK-keuring" and task.appointment_start is not None
    daan = staff_actor(demo, "Daan Jansen")
    assert inbox.assign_task(demo, owner, task_id=task.id, staff_id=daan.id) == "Daan Jansen"
    assert list_tasks(demo, owner).items[0].assigned_to == "Daan Jansen"
    assert inbox.decide_request(demo, owner, task_id=task.id, approve=True) == "Lucas de Boer"
    assert _status(demo, appointment) == "booked"
    assert list_tasks(demo, owner).items == ()
    assert len(list_tasks(demo, owner, "resolved").items) == 1
    assert any(m.kind == "booking_confirmation" for m in rows(demo, OutboxMessage))


def test_declined_request_is_cancelled(demo):
    appointment = _request(demo)
    owner = staff_actor(demo)
    [task] = list_tasks(demo, owner).items
    inbox.decide_request(demo, owner, task_id=task.id, approve=False)
    assert _status(demo, appointment) == "cancelled"


def test_the_task_card_knows_the_customers_phone(demo):
    _request(demo)
    with demo.db.transaction() as session:
        from portal_app.domain.customers.models import Customer

        session.get(Customer, customer_actor(demo, "lucas@example.com").id).mobile = "0611223344"
    [task] = list_tasks(demo, staff_actor(demo)).items
    assert task.customer_phone == "0611223344" and task.customer_email == "lucas@example.com"


def test_mechanics_and_customers_have_no_inbox(demo):
    _request(demo)
    for actor in (staff_actor(demo, "Pieter Bakker"), customer_actor(demo, "emma@example.com")):
        with pytest.raises(NotAllowed):
            list_tasks(demo, actor)
    owner = staff_actor(demo)
    with pytest.raises(NotFound):
        inbox.resolve_task(demo, owner, task_id=9999)
    with pytest.raises(NotFound):
        inbox.assign_task(demo, owner, task_id={"id": 1}, staff_id=None)
