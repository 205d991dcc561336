"""What customers and the business are told about an appointment, through the outbox."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from portal_app.core import paths
from portal_app.core.context import Context
from portal_app.core.locale import format_when
from portal_app.domain.appointments.calendar import CalendarEntry, CalendarFile, appointment_ics
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.business.queries import settings_of
from portal_app.domain.business.wording import service_name
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.service import issue_access_link
from portal_app.domain.messaging.outbox import (
    Attachment,
    customer_channel,
    notify_customer,
    queue_message,
)
from portal_app.domain.messaging.templates import change_phrase

# Messages that offer the customer a way to move the appointment.
WITH_RESCHEDULE_LINK = ("booking_confirmation", "reminder", "rescheduled")
LINK_MAX_MINUTES = 60 * 24 * 60


def reschedule_link(
    session: Session,
    ctx: Context,
    customer: Customer,
    appointment: Appointment,
    short: bool = False,
) -> str:
    """A single-use sign-in link that lands on the appointment's reschedule screen.

    It lives until the appointment starts (at most 60 days). When the owner does not
    allow rescheduling it lands on the appointment itself. `short`: the SMS form.
    """
    settings = settings_of(session, customer.business_id)
    minutes = int((appointment.start_utc - ctx.clock.now()).total_seconds() // 60)
    minutes = max(15, min(minutes, LINK_MAX_MINUTES))
    target = (
        paths.reschedule(appointment.id)
        if settings.allow_reschedule
        else paths.appointment(appointment.id)
    )
    return issue_access_link(session, ctx, customer, target, minutes, short=short)


def ics_for(
    session: Session, appointment: Appointment, ctx: Context, *, for_mail: bool = False
) -> CalendarFile:
    """The appointment as an .ics document in its customer's language: a download, or
    (`for_mail`) the invitation or cancellation attached to a message."""
    service = session.get(Service, appointment.service_id)
    staff = session.get(StaffMember, appointment.staff_id)
    business = session.get(Business, appointment.business_id)
    customer = session.get(Customer, appointment.customer_id)
    name = service_name(service, customer.locale)
    entry = CalendarEntry(
        uid=f"appointment-{appointment.id}@klantportaal",
        sequence=appointment.sequence or 0,
        status=str(appointment.status),
        summary=f"{name} — {business.name}",
        start_utc=appointment.start_utc,
        end_utc=appointment.end_utc,
        location=appointment.location or appointment.video_url,
        description=f"{name}, {staff.name}",
        organizer_name=business.name,
        organizer_email=business.email,
        attendee_name=customer.name,
        attendee_email=customer.email,
    )
    return appointment_ics(entry, ctx.clock.now(), for_mail=for_mail)


def tell_customer(
    session: Session,
    ctx: Context,
    kind: str,
    customer: Customer,
    appointment: Appointment,
    with_ics: bool = False,
    send_at: datetime | None = None,
) -> None:
    """Queue a message about an appointment to the customer, by their preferred channel
    (an e-mail carries the .ics when asked; an SMS has a short link instead), now or at
    `send_at`; staff see it on the appointment."""
    business = session.get(Business, customer.business_id)
    service = session.get(Service, appointment.service_id)
    staff = session.get(StaffMember, appointment.staff_id)
    by_sms = customer_channel(customer)[0] == "sms"
    values = {
        "customer_name": customer.name,
        "business_name": business.name,
        "service_name": service_name(service, customer.locale),
        "start": format_when(appointment.start_utc, business.timezone, customer.locale),
        "staff_name": staff.name,
        "customer_panel_url": ctx.url(paths.PORTAL),
    }
    if kind in WITH_RESCHEDULE_LINK:
        values["reschedule_link"] = reschedule_link(session, ctx, customer, appointment, by_sms)
    attachment = None
    if with_ics and not by_sms:
        ics = ics_for(session, appointment, ctx, for_mail=True)
        attachment = Attachment(ics.name, ics.content, ics.content_type)
    notify_customer(
        session,
        ctx,
        customer,
        kind,
        values,
        attachment,
        appointment_id=appointment.id,
        send_at=send_at,
    )


def tell_business(
    session: Session, ctx: Context, change: str, customer: Customer, appointment: Appointment
) -> None:
    """Tell the business (its e-mail address) what a customer just did."""
    business = session.get(Business, customer.business_id)
    if not business.email:
        return
    service = session.get(Service, appointment.service_id)
    queue_message(
        session,
        ctx,
        business_id=business.id,
        channel="email",
        recipient=business.email,
        kind="business_notice",
        locale=business.locale,
        appointment_id=appointment.id,
        values={
            "business_name": business.name,
            "customer_name": customer.name,
            "service_name": service.name,
            "start": format_when(appointment.start_utc, business.timezone, business.locale),
            "change": change_phrase(change, business.locale),
        },
    )
