"""The .ics file of an appointment (icalendar)."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event


def appointment_ics(
    *,
    uid: str,
    summary: str,
    start_utc: datetime,
    end_utc: datetime,
    location: str,
    description: str,
    organizer_name: str,
    now: datetime,
    cancelled: bool = False,
) -> str:
    """An iCalendar document with one event; CANCELLED status when cancelled."""
    calendar = Calendar()
    calendar.add("prodid", "-//Klantportaal//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", start_utc)
    event.add("dtend", end_utc)
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("organizer", "mailto:noreply@invalid", parameters={"cn": organizer_name})
    calendar.add_component(event)
    return calendar.to_ical().decode()
