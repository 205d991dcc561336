"""What staff read of one appointment: its page and the free times to move it to.

Each read is a fixed number of statements; the history and the messages are paged in the
query. Mechanics see only their own appointments, without contact details or messages.
"""

from __future__ import annotations

from sqlmodel import Session

from portal_app.core.actor import ALL_STAFF, OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.locale import local_date
from portal_app.core.paging import Page, PageRequest
from portal_app.core.parsing import parse_date, parse_id
from portal_app.domain.activity.queries import appointment_history
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.appointments.availability import free_times
from portal_app.domain.appointments.models import AppointmentStatus
from portal_app.domain.appointments.queries import appointment_view
from portal_app.domain.appointments.staff_rules import (
    check_may_change,
    may_change,
    may_finish,
    staff_appointment_row,
)
from portal_app.domain.appointments.times import option_views
from portal_app.domain.appointments.views import RescheduleScreen, StaffAppointmentDetail
from portal_app.domain.business.models import Service
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.outbox import customer_channel
from portal_app.domain.messaging.queries import message_page
from portal_app.domain.messaging.views import MessageLine

LIST_SIZE = 10


def detail_of(
    session: Session,
    ctx: Context,
    actor: Actor,
    appointment_id: int,
    history: int = 1,
    messages: int = 1,
) -> StaffAppointmentDetail:
    """The staff page of an appointment the actor may see, in the caller's transaction."""
    appointment = staff_appointment_row(session, actor, appointment_id)
    now, office = ctx.clock.now(), actor.role in OFFICE
    customer = session.get(Customer, appointment.customer_id)
    channel, _recipient = customer_channel(customer)
    return StaffAppointmentDetail(
        appointment=appointment_view(session, appointment.id),
        customer_id=customer.id if office else None,
        customer_email=customer.email if office else "",
        customer_phone=customer.mobile if office else "",
        channel=channel,
        can_change=office and may_change(appointment, now),
        can_finish=may_finish(appointment, now),
        awaits_approval=appointment.status == AppointmentStatus.REQUESTED,
        history=appointment_history(
            session, actor.business_id, appointment.id, PageRequest.clamp(history, LIST_SIZE)
        ),
        messages=message_page(
            session,
            actor.business_id,
            PageRequest.clamp(messages, LIST_SIZE),
            appointment_id=appointment.id,
        )
        if office
        else None,
    )


def staff_appointment(
    ctx: Context, actor: Actor, *, appointment_id: object
) -> StaffAppointmentDetail:
    """One appointment of the business (a mechanic: their own) with the first page of its
    history and messages; anyone else's id is NotFound."""
    require(actor, ALL_STAFF)
    wanted = parse_id(appointment_id)
    with ctx.db.transaction() as session:
        return detail_of(session, ctx, actor, wanted)


def history_page(
    ctx: Context, actor: Actor, *, appointment_id: object, number: int
) -> Page[ActivityView]:
    """Another page of an appointment's history."""
    require(actor, ALL_STAFF)
    wanted = parse_id(appointment_id)
    with ctx.db.transaction() as session:
        appointment = staff_appointment_row(session, actor, wanted)
        page = PageRequest.clamp(number, LIST_SIZE)
        return appointment_history(session, actor.business_id, appointment.id, page)


def messages_page(
    ctx: Context, actor: Actor, *, appointment_id: object, number: int
) -> Page[MessageLine]:
    """Another page of an appointment's messages (owners and office staff)."""
    require(actor, OFFICE)
    wanted = parse_id(appointment_id)
    with ctx.db.transaction() as session:
        appointment = staff_appointment_row(session, actor, wanted)
        page = PageRequest.clamp(number, LIST_SIZE)
        return message_page(session, actor.business_id, page, appointment_id=appointment.id)


def move_times(
    ctx: Context, actor: Actor, *, appointment_id: object, day: object = None
) -> RescheduleScreen:
    """The free times of the appointment's staff member on `day` (default: the
    appointment's own day, or today when that has passed) to move it to."""
    require(actor, OFFICE)
    wanted = parse_id(appointment_id)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        appointment = staff_appointment_row(session, actor, wanted)
        check_may_change(appointment, now)
        chosen = (
            parse_date(day)
            if day not in (None, "")
            else max(
                local_date(now, actor.timezone), local_date(appointment.start_utc, actor.timezone)
            )
        )
        customer = session.get(Customer, appointment.customer_id)
        service = session.get(Service, appointment.service_id)
        pairs = free_times(
            session,
            customer,
            service,
            now,
            chosen,
            chosen,
            staff_id=appointment.staff_id,
            ignore_appointment_id=appointment.id,
        )
        pairs = [p for p in pairs if p[1] != appointment.start_utc]
        times = option_views(session, service, pairs)
        return RescheduleScreen(
            current=appointment_view(session, appointment.id), day=chosen, times=tuple(times)
        )
