"""Reminders go out once, N hours before the start."""

from __future__ import annotations

from datetime import timedelta

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.reminders import send_due_reminders
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import rows


def test_each_reminder_goes_out_once(demo):
    upcoming, *later = rows(
        demo, Appointment, Appointment.start_utc > demo.clock.now(), order=Appointment.start_utc
    )
    with demo.db.transaction() as session:
        for other in later:  # depending on the day, two demo appointments can be a day apart
            session.get(Appointment, other.id).status = "cancelled"
    demo.clock.set(upcoming.start_utc - timedelta(hours=30))
    assert send_due_reminders(demo) == 0
    demo.clock.advance(timedelta(hours=7))  # now 23 hours before: due
    assert send_due_reminders(demo) == 1
    demo.clock.advance(timedelta(hours=1))  # a late run (or a second process) sends nothing more
    assert send_due_reminders(demo) == 0
    [reminder] = [m for m in rows(demo, OutboxMessage) if m.kind == "reminder"]
    assert any(link in reminder.body for link in ("/auth/link?token=", "/l/"))  # by channel
