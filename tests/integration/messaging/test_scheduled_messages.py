"""The dispatcher sends a reminder when it is due, and never a withdrawn one (issue 9,
item 4)."""

from __future__ import annotations

from datetime import timedelta

from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.queries import recent_messages
from portal_app.infra.dispatcher import DispatchReport, dispatch_due
from tests.factories import business_id, customer_actor, one, rows, service_id, working_day
from tests.integration.messaging.helpers import FakeSender


def _book(ctx, email: str) -> int:
    actor = customer_actor(ctx, email)
    offered = service_id(ctx, "APK-keuring")
    day = working_day(ctx, 3).isoformat()
    first = booking_times(ctx, actor, service_id=offered, staff_id="any", day=day)[0]
    booked = booking.book(
        ctx, actor, service_id=offered, staff_id=first.staff_id, start=first.start_utc
    )
    return booked.appointment.id


def _reminder(ctx, appointment_id: int) -> OutboxMessage:
    return one(
        ctx,
        OutboxMessage,
        OutboxMessage.appointment_id == appointment_id,
        OutboxMessage.kind == "reminder",
    )


def _dispatch(ctx, email: FakeSender) -> DispatchReport:
    return dispatch_due(ctx.db.engine, ctx.clock, email, FakeSender(), holder="test")


def test_the_reminder_goes_out_when_due_and_only_then(demo):
    appointment_id = _book(demo, "lucas@example.com")
    email = FakeSender()
    assert _dispatch(demo, email) == DispatchReport(sent=2)  # confirmation, business notice
    reminder = _reminder(demo, appointment_id)
    assert reminder.id not in email.sent and reminder.status == "pending"
    assert reminder.id not in {m.id for m in recent_messages(demo)}  # not in the dev mailbox
    demo.clock.set(reminder.next_attempt_at - timedelta(minutes=1))
    assert _dispatch(demo, email) == DispatchReport()
    demo.clock.advance(timedelta(minutes=1))
    assert _dispatch(demo, email) == DispatchReport(sent=1)
    assert email.sent[-1] == reminder.id
    assert _reminder(demo, appointment_id).status == "sent"


def test_a_withdrawn_reminder_is_never_sent(demo):
    with demo.db.transaction() as session:
        session.get(BusinessSettings, business_id(demo)).cancel_min_hours = 0
    appointment_id = _book(demo, "lucas@example.com")
    reminder = _reminder(demo, appointment_id)
    booking.cancel(demo, customer_actor(demo, "lucas@example.com"), appointment_id=appointment_id)
    demo.clock.set(reminder.next_attempt_at + timedelta(hours=1))
    email = FakeSender()
    _dispatch(demo, email)
    assert reminder.id not in email.sent
    assert _reminder(demo, appointment_id).status == "withdrawn"
    assert {m.kind for m in rows(demo, OutboxMessage) if m.id in email.sent} >= {"cancelled"}
    assert reminder.id not in {m.id for m in recent_messages(demo)}
