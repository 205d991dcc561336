"""Staff see an appointment with its history and messages, and move, cancel or finish it
(issue 9, item 10); the customer hears of each change by their preferred channel."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal_app.core.errors import NotAllowed, NotFound
from portal_app.core.paging import PageRequest
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments import staff_queries, staff_service
from portal_app.domain.appointments.errors import (
    SlotTaken,
    StaffCannotChange,
    StaffCannotFinish,
)
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.service import book
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.queries import message_page
from tests.factories import (
    add_appointment,
    add_customer,
    business_id,
    customer_actor,
    one,
    rows,
    service_id,
    staff_actor,
    working_day,
)

APK = "APK-keuring"


def _booked(ctx, email: str = "emma@example.com", days: int = 3) -> int:
    """The customer books the first free APK time on a working day (with Daan Jansen)."""
    actor = customer_actor(ctx, email)
    daan = staff_actor(ctx, "Daan Jansen").id
    day = working_day(ctx, days).isoformat()
    first = booking_times(ctx, actor, service_id=service_id(ctx, APK), staff_id=daan, day=day)[0]
    return book(
        ctx, actor, service_id=service_id(ctx, APK), staff_id=daan, start=first.start_utc
    ).appointment.id


def _started(ctx, **kwargs) -> int:
    _name, _email, customer = add_customer(ctx, "Gestart", **kwargs)
    return add_appointment(ctx, customer, ctx.clock.now() - timedelta(minutes=30))


def _messages(ctx, appointment_id: int) -> list[OutboxMessage]:
    return rows(ctx, OutboxMessage, OutboxMessage.appointment_id == appointment_id)


def test_the_owner_sees_facts_history_and_messages_with_their_state(demo):
    appointment_id = _booked(demo)
    detail = staff_queries.staff_appointment(demo, staff_actor(demo), appointment_id=appointment_id)
    assert detail.appointment.customer_name == "Emma Visser"
    assert detail.appointment.staff_name == "Daan Jansen" and detail.appointment.price_cents == 4500
    assert (detail.customer_email, detail.customer_phone) == ("emma@example.com", "+31612345678")
    assert detail.channel == "sms" and detail.can_change and not detail.can_finish
    [booked] = detail.history.items
    assert (booked.action, booked.actor_name) == ("booked", "Emma Visser")
    states = {line.kind: line.state for line in detail.messages.items}
    assert states == {
        "booking_confirmation": "scheduled",  # due now, not dispatched yet
        "business_notice": "scheduled",
        "reminder": "scheduled",
    }
    reminder = next(line for line in detail.messages.items if line.kind == "reminder")
    assert reminder.at == detail.appointment.start_utc - timedelta(hours=24)
    assert reminder.channel == "sms" and reminder.recipient == "+31612345678"


def test_each_message_state_is_shown_as_scheduled_sent_failed_or_withdrawn(demo):
    appointment_id = _booked(demo)
    messages = _messages(demo, appointment_id)
    with demo.db.transaction() as session:
        for row, status in zip(messages, ("sent", "failed", "withdrawn"), strict=True):
            stored = session.get(OutboxMessage, row.id)
            stored.status = status
            stored.sent_at = demo.clock.now() if status == "sent" else None
        page = message_page(
            session, business_id(demo), PageRequest(), appointment_id=appointment_id
        )
    assert sorted(line.state for line in page.items) == ["failed", "sent", "withdrawn"]


def test_mechanics_see_only_their_own_appointments_without_contact_or_messages(demo):
    mechanic = staff_actor(demo, "Pieter Bakker")
    others = _booked(demo)
    with pytest.raises(NotFound):
        staff_queries.staff_appointment(demo, mechanic, appointment_id=others)
    _name, _email, customer = add_customer(demo, "Monteur")
    own = add_appointment(
        demo, customer, demo.clock.now() + timedelta(days=2), staff="Pieter Bakker"
    )
    detail = staff_queries.staff_appointment(demo, mechanic, appointment_id=own)
    assert detail.customer_id is None and detail.customer_email == "" and detail.messages is None
    assert not detail.can_change
    with pytest.raises(NotAllowed):
        staff_queries.messages_page(demo, mechanic, appointment_id=own, number=1)
    with pytest.raises(NotAllowed):
        staff_service.cancel(demo, mechanic, appointment_id=own)
    with pytest.raises(NotAllowed):
        staff_queries.staff_appointment(
            demo, customer_actor(demo, "emma@example.com"), appointment_id=own
        )


def test_staff_move_an_appointment_and_the_customer_hears_it_by_sms(demo):
    appointment_id = _booked(demo)
    daan = staff_actor(demo, "Daan Jansen")
    screen = staff_queries.move_times(
        demo, daan, appointment_id=appointment_id, day=working_day(demo, 8).isoformat()
    )
    assert screen.times and {t.staff_name for t in screen.times} == {"Daan Jansen"}
    new_start = screen.times[0].start_utc
    detail = staff_service.move(demo, daan, appointment_id=appointment_id, start=new_start)
    assert detail.appointment.start_utc == new_start
    assert detail.appointment.status == "rescheduled"
    moved = [m for m in _messages(demo, appointment_id) if m.kind == "rescheduled"]
    assert [(m.channel, m.recipient) for m in moved] == [("sms", "+31612345678")]
    reminders = [m for m in _messages(demo, appointment_id) if m.kind == "reminder"]
    assert [r.status for r in reminders] == ["withdrawn", "pending"]
    assert reminders[1].next_attempt_at == new_start - timedelta(hours=24)
    [_booked_entry, moved_entry] = rows(
        demo, ActivityEntry, ActivityEntry.appointment_id == appointment_id
    )
    assert (moved_entry.action, moved_entry.actor_kind, moved_entry.actor_id) == (
        "rescheduled",
        "staff",
        daan.id,
    )


def test_a_move_to_a_taken_time_is_refused(demo):
    first = _booked(demo)
    second = _booked(demo, "lucas@example.com")
    taken = one(demo, Appointment, Appointment.id == second).start_utc
    with pytest.raises(SlotTaken):
        staff_service.move(demo, staff_actor(demo), appointment_id=first, start=taken)


def test_staff_cancel_tells_the_customer_withdraws_the_reminder_and_asks_for_a_credit(demo):
    appointment_id = _booked(demo, "lucas@example.com")
    with demo.db.transaction() as session:
        session.get(Appointment, appointment_id).paid = True
    detail = staff_service.cancel(demo, staff_actor(demo), appointment_id=appointment_id)
    assert detail.appointment.status == "cancelled" and not detail.can_change
    kinds = {m.kind: m.status for m in _messages(demo, appointment_id)}
    assert kinds["cancelled"] == "pending" and kinds["reminder"] == "withdrawn"
    assert one(demo, BackofficeTask).kind == "credit_invoice"
    [cancelled] = [m for m in _messages(demo, appointment_id) if m.kind == "cancelled"]
    assert "METHOD:CANCEL" in cancelled.attachment_content  # out of the customer's calendar
    assert one(demo, Appointment, Appointment.id == appointment_id).sequence == 1
    with pytest.raises(StaffCannotChange):
        staff_service.cancel(demo, staff_actor(demo), appointment_id=appointment_id)


def test_done_and_no_show_only_from_the_start_on(demo):
    future = _booked(demo)
    with pytest.raises(StaffCannotFinish):
        staff_service.mark_done(demo, staff_actor(demo), appointment_id=future)
    started = _started(demo, channel="sms", mobile="+31687654321")
    with pytest.raises(StaffCannotChange):
        staff_service.cancel(demo, staff_actor(demo), appointment_id=started)
    detail = staff_service.mark_done(demo, staff_actor(demo), appointment_id=started)
    assert detail.appointment.status == "completed" and not detail.can_finish
    [thanks] = _messages(demo, started)
    assert (thanks.kind, thanks.channel) == ("completed", "sms")
    with pytest.raises(StaffCannotFinish):
        staff_service.mark_no_show(demo, staff_actor(demo), appointment_id=started)
    missed = _started(demo)
    staff_service.mark_no_show(demo, staff_actor(demo), appointment_id=missed)
    [message] = _messages(demo, missed)
    assert message.kind == "no_show" and message.channel == "email"
    assert one(demo, Appointment, Appointment.id == missed).status == "no_show"


def test_a_mechanic_marks_their_own_appointment_done(demo):
    _name, _email, customer = add_customer(demo, "Werkplaats")
    own = add_appointment(
        demo, customer, demo.clock.now() - timedelta(minutes=10), staff="Pieter Bakker"
    )
    mechanic = staff_actor(demo, "Pieter Bakker")
    assert staff_service.mark_done(demo, mechanic, appointment_id=own).appointment.status == (
        "completed"
    )
    others = _started(demo)
    with pytest.raises(NotFound):
        staff_service.mark_no_show(demo, mechanic, appointment_id=others)
