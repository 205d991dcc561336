"""Reminders are outbox rows scheduled with the booking (issue 9, item 4): due at the
start minus the owner's reminder hours, none when that moment has passed, re-timed by a
reschedule and withdrawn by a cancel, in the transaction of the change."""

from __future__ import annotations

from datetime import timedelta

from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.times import booking_times, reschedule_screen
from portal_app.domain.backoffice import service as inbox
from portal_app.domain.backoffice.queries import list_tasks
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import business_id, customer_actor, rows, service_id, staff_actor, working_day

APK = "APK-keuring"


def _settings(ctx, **values) -> None:
    with ctx.db.transaction() as session:
        settings = session.get(BusinessSettings, business_id(ctx))
        for name, value in values.items():
            setattr(settings, name, value)


def _book(ctx, email: str, days_ahead: int = 3):
    actor = customer_actor(ctx, email)
    offered = service_id(ctx, APK)
    day = working_day(ctx, days_ahead).isoformat()
    first = booking_times(ctx, actor, service_id=offered, staff_id="any", day=day)[0]
    booked = booking.book(
        ctx, actor, service_id=offered, staff_id=first.staff_id, start=first.start_utc
    )
    return actor, booked.appointment


def _reminders(ctx, appointment_id: int) -> list[OutboxMessage]:
    return rows(
        ctx,
        OutboxMessage,
        OutboxMessage.appointment_id == appointment_id,
        OutboxMessage.kind == "reminder",
    )


def test_a_booking_schedules_its_reminder_at_start_minus_the_reminder_hours(demo):
    _actor, appointment = _book(demo, "lucas@example.com")
    [reminder] = _reminders(demo, appointment.id)
    assert reminder.status == "pending"
    assert reminder.next_attempt_at == appointment.start_utc - timedelta(hours=24)
    assert reminder.next_attempt_at > demo.clock.now()  # not sent with the confirmation
    assert (reminder.channel, reminder.recipient) == ("email", "lucas@example.com")
    assert "/auth/link?token=" in reminder.body  # {{reschedule_link}}
    kinds = [
        m.kind for m in rows(demo, OutboxMessage, OutboxMessage.appointment_id == appointment.id)
    ]
    assert sorted(kinds) == ["booking_confirmation", "business_notice", "reminder"]


def test_a_booking_inside_the_reminder_window_gets_no_reminder(demo):
    _settings(demo, reminder_hours=24 * 30)  # every bookable time is within 30 days
    _actor, appointment = _book(demo, "lucas@example.com")
    assert _reminders(demo, appointment.id) == []
    confirmation = [m for m in rows(demo, OutboxMessage) if m.kind == "booking_confirmation"]
    assert len(confirmation) == 1


def test_no_reminders_when_the_owner_switched_them_off(demo):
    _settings(demo, reminder_hours=0)
    _actor, appointment = _book(demo, "lucas@example.com")
    assert _reminders(demo, appointment.id) == []


def test_a_reschedule_re_times_the_reminder(demo):
    lucas, appointment = _book(demo, "lucas@example.com")
    later = working_day(demo, 9).isoformat()
    new_start = reschedule_screen(demo, lucas, appointment_id=appointment.id, day=later).times[0]
    booking.reschedule(demo, lucas, appointment_id=appointment.id, start=new_start.start_utc)
    old, new = _reminders(demo, appointment.id)
    assert old.status == "withdrawn"
    assert new.status == "pending"
    assert new.next_attempt_at == new_start.start_utc - timedelta(hours=24)


def test_a_reschedule_into_the_reminder_window_only_withdraws(demo):
    lucas, appointment = _book(demo, "lucas@example.com", days_ahead=8)
    _settings(demo, reminder_hours=24 * 6)
    # booked with 24 hours: the reminder is due in about a week
    sooner = working_day(demo, 3).isoformat()
    moved = reschedule_screen(demo, lucas, appointment_id=appointment.id, day=sooner).times[0]
    booking.reschedule(demo, lucas, appointment_id=appointment.id, start=moved.start_utc)
    [withdrawn] = _reminders(demo, appointment.id)
    assert withdrawn.status == "withdrawn"


def test_a_cancel_withdraws_the_reminder(demo):
    _settings(demo, cancel_min_hours=0)
    lucas, appointment = _book(demo, "lucas@example.com")
    booking.cancel(demo, lucas, appointment_id=appointment.id)
    [reminder] = _reminders(demo, appointment.id)
    assert reminder.status == "withdrawn"


def test_a_request_is_reminded_once_it_is_approved(demo):
    _settings(demo, booking_mode="request")
    _actor, appointment = _book(demo, "lucas@example.com")
    assert _reminders(demo, appointment.id) == []
    [task] = list_tasks(demo, staff_actor(demo)).items
    inbox.decide_request(demo, staff_actor(demo), task_id=task.id, approve=True)
    [reminder] = _reminders(demo, appointment.id)
    assert reminder.status == "pending"
    assert reminder.next_attempt_at == appointment.start_utc - timedelta(hours=24)
