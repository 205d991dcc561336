"""Calendar files (issue 9, item 15), read back by two independent parsers.

One UID per appointment; SEQUENCE counts up on every change; a mail attachment is an
invitation (METHOD:REQUEST) while the appointment stands and a cancellation
(METHOD:CANCEL) once it is cancelled, its MIME type saying the same; a download is
METHOD:PUBLISH; a completed appointment no longer says CONFIRMED.
"""

from __future__ import annotations

import icalendar
import vobject

from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.queries import calendar_file
from portal_app.domain.appointments.times import reschedule_screen
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    book_first_option,
    customer_actor,
    one,
    rows,
    working_day,
)

BUSINESS_EMAIL = "garage.devries@example.com"


def _both(text: str) -> dict:
    """What icalendar and vobject each read from the file, which must agree."""
    first = icalendar.Calendar.from_ical(text)
    [event] = first.walk("VEVENT")
    second = vobject.readOne(text)
    other = second.vevent
    read = {
        "method": str(first["METHOD"]),
        "uid": str(event["UID"]),
        "sequence": int(event["SEQUENCE"]),
        "status": str(event.get("STATUS", "")),
        "start": event.decoded("DTSTART"),
        "organizer": str(event["ORGANIZER"]).lower(),
    }
    assert read == {
        "method": second.method.value,
        "uid": other.uid.value,
        "sequence": int(other.sequence.value),
        "status": other.status.value if hasattr(other, "status") else "",
        "start": other.dtstart.value,
        "organizer": other.organizer.value.lower(),
    }
    return read


def _mail_file(ctx, kind: str, email: str) -> tuple[dict, str]:
    [message] = [m for m in rows(ctx, OutboxMessage) if m.kind == kind and m.recipient == email]
    return _both(message.attachment_content), message.attachment_type


def test_sequence_counts_up_and_the_cancellation_carries_method_cancel(demo):
    _name, email, customer_id = add_customer(demo, "Agenda")
    actor = customer_actor(demo, email)
    start = at(working_day(demo, 9), 10)
    appointment_id = add_appointment(demo, customer_id, start)

    screen = reschedule_screen(demo, actor, appointment_id=appointment_id)
    new_start = screen.times[-1].start_utc  # a time free now, whatever the moment
    booking.reschedule(demo, actor, appointment_id=appointment_id, start=new_start)
    moved, moved_type = _mail_file(demo, "rescheduled", email)
    assert (moved["method"], moved["sequence"], moved["status"]) == ("REQUEST", 1, "CONFIRMED")
    assert moved["start"] == new_start
    assert moved_type == "text/calendar; method=REQUEST"
    assert moved["organizer"] == f"mailto:{BUSINESS_EMAIL}"

    booking.cancel(demo, actor, appointment_id=appointment_id)
    cancelled, cancelled_type = _mail_file(demo, "cancelled", email)
    assert (cancelled["method"], cancelled["sequence"]) == ("CANCEL", 2)
    assert cancelled["status"] == "CANCELLED" and cancelled["uid"] == moved["uid"]
    assert cancelled_type == "text/calendar; method=CANCEL"

    download = calendar_file(demo, actor, appointment_id)
    read = _both(download.content)
    assert (read["method"], read["sequence"], read["uid"]) == ("CANCEL", 2, moved["uid"])
    assert download.content_type == "text/calendar; method=CANCEL"


def test_a_booking_confirmation_is_an_invitation_with_sequence_zero(demo):
    _name, email, customer_id = add_customer(demo, "Nieuw")
    actor = customer_actor(demo, email)
    book_first_option(demo, actor)
    confirmation, content_type = _mail_file(demo, "booking_confirmation", email)
    assert (confirmation["method"], confirmation["sequence"]) == ("REQUEST", 0)
    assert confirmation["status"] == "CONFIRMED"
    assert content_type == "text/calendar; method=REQUEST"
    [mail] = [m for m in rows(demo, OutboxMessage) if m.kind == "booking_confirmation"]
    attendee = icalendar.Calendar.from_ical(mail.attachment_content).walk("VEVENT")[0]["ATTENDEE"]
    assert str(attendee).lower() == f"mailto:{email}"


def test_a_download_is_published_and_a_completed_appointment_is_not_confirmed(demo):
    _name, email, customer_id = add_customer(demo, "Klaar")
    actor = customer_actor(demo, email)
    appointment_id = add_appointment(demo, customer_id, at(working_day(demo, 5), 11))
    live = calendar_file(demo, actor, appointment_id)
    read = _both(live.content)
    assert (read["method"], read["status"], read["sequence"]) == ("PUBLISH", "CONFIRMED", 0)
    assert live.content_type == "text/calendar; method=PUBLISH"
    with demo.db.transaction() as session:
        session.get(Appointment, appointment_id).status = "completed"
    done = _both(calendar_file(demo, actor, appointment_id).content)
    assert done["status"] == "" and done["method"] == "PUBLISH"
    assert one(demo, Appointment, Appointment.id == appointment_id).sequence == 0
