"""Shared pieces of the booking services: parsing, ownership, settings, mail, activity."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlmodel import Session, col, select

from portal_app.domain.access import AccessPolicy, issue_access_link
from portal_app.domain.actor import Actor
from portal_app.domain.calendar_file import appointment_ics
from portal_app.domain.errors import DomainError, InvalidInput, NotAllowed, NotFound
from portal_app.domain.models import (
    ActivityEntry,
    Appointment,
    Business,
    BusinessSettings,
    Customer,
    Service,
    StaffMember,
)
from portal_app.domain.models.appointments import BLOCKING_STATUSES
from portal_app.domain.notifications import change_phrase
from portal_app.domain.outbox import queue_message
from portal_app.infra.clock import Clock

BABEL = {"nl": "nl_NL", "en": "en_GB"}


class SlotTaken(DomainError):
    code = "booking.slot_taken"


class TooLate(DomainError):
    code = "booking.too_late"


def parse_id(value: object) -> int:
    """A positive database id from an int or a string of digits; anything else: NotFound."""
    if isinstance(value, bool):
        raise NotFound("bad id")
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.isdigit() and 0 < len(value) < 12:
        return int(value)
    raise NotFound("bad id")


def parse_optional_id(value: object) -> int | None:
    """None for '', None or 'any'; else a parsed id."""
    if value in (None, "", "any", 0):
        return None
    return parse_id(value)


def parse_start(value: object) -> datetime:
    """An aware datetime from an ISO string or datetime; InvalidInput otherwise."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput("not a time", code="booking.bad_time") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidInput("not a time", code="booking.bad_time")
    return value


def parse_day(value: object) -> date:
    """A date from 'YYYY-MM-DD' or a date; InvalidInput otherwise."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput("not a date", code="booking.bad_date")


def require_customer(session: Session, actor: Actor) -> Customer:
    """The acting customer's row; staff and strangers are refused."""
    customer = session.get(Customer, actor.id) if actor.is_customer else None
    if customer is None or customer.business_id != actor.business_id:
        raise NotAllowed("customers only")
    return customer


def own_appointment(session: Session, actor: Actor, appointment_id: object) -> Appointment:
    """The customer's own appointment; someone else's id is 'not found', never shown."""
    appointment = session.get(Appointment, parse_id(appointment_id))
    if appointment is None or not actor.is_customer or appointment.customer_id != actor.id:
        raise NotFound("no such appointment")
    return appointment


def business_service(session: Session, business_id: int, service_id: object) -> Service:
    """An active service of the business."""
    service = session.get(Service, parse_id(service_id))
    if service is None or service.business_id != business_id or not service.active:
        raise NotFound("no such service")
    return service


def settings_of(session: Session, business_id: int) -> BusinessSettings:
    """The business's settings (defaults when none are stored)."""
    return session.get(BusinessSettings, business_id) or BusinessSettings(business_id=business_id)


def clash_exists(
    session: Session, staff_id: int, start: datetime, end: datetime, ignore_id: int | None = None
) -> bool:
    """Whether another live appointment of the staff member overlaps [start, end)."""
    query = select(Appointment.id).where(
        Appointment.staff_id == staff_id,
        Appointment.start_utc < end,
        Appointment.end_utc > start,
        col(Appointment.status).in_(BLOCKING_STATUSES),
    )
    if ignore_id is not None:
        query = query.where(Appointment.id != ignore_id)
    return session.exec(query).first() is not None


def local_when(business: Business, moment: datetime, locale: str) -> str:
    """E.g. 'di 24 nov 2026 14:30' in the business time zone."""
    return format_datetime(
        moment,
        "EEE d MMM y HH:mm",
        tzinfo=ZoneInfo(business.timezone),
        locale=BABEL.get(locale, "nl_NL"),
    )


def record_activity(
    session: Session, actor: Actor, action: str, appointment: Appointment, summary: str, now
) -> None:
    """One activity-feed entry, in the caller's transaction."""
    session.add(
        ActivityEntry(
            business_id=appointment.business_id,
            at=now,
            actor_kind=actor.kind.value,
            actor_id=actor.id,
            action=action,
            appointment_id=appointment.id,
            summary=summary,
        )
    )


def reschedule_link(
    session: Session, customer: Customer, appointment: Appointment, public_url: str, clock: Clock
) -> str:
    """A single-use sign-in link that lands on the appointment's reschedule screen.

    It lives until the appointment starts (at most 60 days). When the owner does not
    allow rescheduling it lands on the appointment itself.
    """
    settings = settings_of(session, customer.business_id)
    minutes = int((appointment.start_utc - clock.now()).total_seconds() // 60)
    minutes = max(15, min(minutes, 60 * 24 * 60))
    target = f"/portal/appointments/{appointment.id}"
    if settings.allow_reschedule:
        target += "/reschedule"
    return issue_access_link(
        session, customer, public_url, clock, AccessPolicy(link_minutes=minutes), target
    )


def ics_for(session: Session, appointment: Appointment, now: datetime) -> str:
    """The appointment as an .ics document."""
    service = session.get(Service, appointment.service_id)
    staff = session.get(StaffMember, appointment.staff_id)
    business = session.get(Business, appointment.business_id)
    return appointment_ics(
        uid=f"appointment-{appointment.id}@klantportaal",
        summary=f"{service.name} — {business.name}",
        start_utc=appointment.start_utc,
        end_utc=appointment.end_utc,
        location=appointment.location or appointment.video_url,
        description=f"{service.name}, {staff.name}",
        organizer_name=business.name,
        now=now,
        cancelled=appointment.status == "cancelled",
    )


def mail_customer(
    session: Session,
    kind: str,
    customer: Customer,
    appointment: Appointment,
    clock: Clock,
    public_url: str,
    with_ics: bool = False,
) -> None:
    """Queue a customer mail about an appointment (optionally with its .ics)."""
    business = session.get(Business, customer.business_id)
    service = session.get(Service, appointment.service_id)
    staff = session.get(StaffMember, appointment.staff_id)
    values = {
        "customer_name": customer.name,
        "business_name": business.name,
        "service_name": service.name,
        "start": local_when(business, appointment.start_utc, customer.locale),
        "staff_name": staff.name,
        "customer_panel_url": f"{public_url}/portal",
    }
    if kind in ("booking_confirmation", "reminder", "rescheduled"):
        values["reschedule_link"] = reschedule_link(
            session, customer, appointment, public_url, clock
        )
    message = queue_message(
        session,
        business_id=business.id,
        channel="email",
        recipient=customer.email,
        kind=kind,
        locale=customer.locale,
        values=values,
        clock=clock,
    )
    if with_ics:
        message.attachment_name = "afspraak.ics"
        message.attachment_content = ics_for(session, appointment, clock.now())


def notify_business(
    session: Session, change: str, customer: Customer, appointment: Appointment, clock: Clock
) -> None:
    """Tell the business (its e-mail address) what a customer just did."""
    business = session.get(Business, customer.business_id)
    if not business.email:
        return
    service = session.get(Service, appointment.service_id)
    queue_message(
        session,
        business_id=business.id,
        channel="email",
        recipient=business.email,
        kind="business_notice",
        locale=business.locale,
        values={
            "business_name": business.name,
            "customer_name": customer.name,
            "service_name": service.name,
            "start": local_when(business, appointment.start_utc, business.locale),
            "change": change_phrase(change, business.locale),
        },
        clock=clock,
    )


def hours_until(appointment: Appointment, now: datetime) -> timedelta:
    """How long until the appointment starts."""
    return appointment.start_utc - now
