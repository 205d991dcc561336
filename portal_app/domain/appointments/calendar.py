"""The .ics file of an appointment (icalendar), as a download and as a mail attachment.

One UID per appointment for its whole life; SEQUENCE counts up on every change, so a
calendar replaces its earlier copy. A mail attachment is an iTIP message (RFC 5546):
METHOD:REQUEST while the appointment stands, METHOD:CANCEL once it is cancelled, with the
business as organizer and the customer as attendee, so mail clients offer it as an
invitation. A download is METHOD:PUBLISH (METHOD:CANCEL once cancelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event, vCalAddress

from portal_app.domain.appointments.models import AppointmentStatus

FILE_NAME = "afspraak.ics"
NO_ADDRESS = "noreply@invalid"
# The event's STATUS per appointment status; a finished one states none (it is no longer
# a confirmation of anything).
EVENT_STATUS = {
    AppointmentStatus.REQUESTED: "TENTATIVE",
    AppointmentStatus.BOOKED: "CONFIRMED",
    AppointmentStatus.RESCHEDULED: "CONFIRMED",
    AppointmentStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True)
class CalendarFile:
    """An .ics document and the iTIP method it declares."""

    content: str
    method: str
    name: str = FILE_NAME

    @property
    def content_type(self) -> str:
        """The MIME type that matches the file, e.g. 'text/calendar; method=REQUEST'."""
        return f"text/calendar; method={self.method}"


@dataclass(frozen=True)
class CalendarEntry:
    """What the file says about one appointment."""

    uid: str
    sequence: int
    status: str
    summary: str
    start_utc: datetime
    end_utc: datetime
    location: str
    description: str
    organizer_name: str
    organizer_email: str
    attendee_name: str
    attendee_email: str


def method_for(status: str, for_mail: bool) -> str:
    """CANCEL for a cancelled appointment; else REQUEST in a mail, PUBLISH as a download."""
    if status == AppointmentStatus.CANCELLED:
        return "CANCEL"
    return "REQUEST" if for_mail else "PUBLISH"


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email or NO_ADDRESS}")
    address.params["cn"] = name
    return address


def appointment_ics(entry: CalendarEntry, now: datetime, *, for_mail: bool = False) -> CalendarFile:
    """An iCalendar document with one event, its METHOD matching its use."""
    method = method_for(entry.status, for_mail)
    calendar = Calendar()
    calendar.add("prodid", "-//Klantportaal//NL")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("dtstamp", now)
    event.add("dtstart", entry.start_utc)
    event.add("dtend", entry.end_utc)
    event.add("summary", entry.summary)
    if entry.location:
        event.add("location", entry.location)
    if entry.description:
        event.add("description", entry.description)
    status = EVENT_STATUS.get(entry.status)
    if status:
        event.add("status", status)
    event.add("organizer", _address(entry.organizer_email, entry.organizer_name))
    if method != "PUBLISH" and entry.attendee_email:
        attendee = _address(entry.attendee_email, entry.attendee_name)
        attendee.params["role"] = "REQ-PARTICIPANT"
        attendee.params["partstat"] = "ACCEPTED"
        attendee.params["rsvp"] = "FALSE"
        event.add("attendee", attendee)
    calendar.add_component(event)
    return CalendarFile(calendar.to_ical().decode(), method)
