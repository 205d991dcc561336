"""A customer's page for staff: contact details, appointments, invitations, tasks and
messages, each list paged in its query (a fixed number of statements per page)."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from portal_app.core.actor import OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.paging import Page, PageRequest
from portal_app.core.parsing import parse_id
from portal_app.domain.appointments.queries import customer_appointment_page
from portal_app.domain.appointments.views import AppointmentView
from portal_app.domain.backoffice.queries import customer_task_page
from portal_app.domain.backoffice.views import CustomerRecord, InvitationLine, TaskView
from portal_app.domain.business.models import Service
from portal_app.domain.customers.details import details_of
from portal_app.domain.customers.queries import business_customer
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.queries import message_page
from portal_app.domain.messaging.views import MessageLine

LIST_SIZE = 10


def _request(number: object) -> PageRequest:
    return PageRequest.clamp(number, LIST_SIZE)


def _invitation_page(
    session: Session, business_id: int, customer_id: int, page: PageRequest
) -> Page[InvitationLine]:
    rows = session.exec(
        select(Invitation, Service.name)
        .join(Service, Service.id == Invitation.service_id)
        .where(Invitation.business_id == business_id, Invitation.customer_id == customer_id)
        .order_by(col(Invitation.created_at).desc(), col(Invitation.id).desc())
        .offset(page.offset)
        .limit(page.fetch)
    ).all()
    lines = [InvitationLine(i.id, name, i.status, i.created_at) for i, name in rows]
    return Page.cut(lines, page)


def _message_page(
    session: Session, business_id: int, customer_id: int, page: PageRequest
) -> Page[MessageLine]:
    return message_page(session, business_id, page, customer_id=customer_id)


def customer_record(ctx: Context, actor: Actor, *, customer_id: object) -> CustomerRecord:
    """A customer of the business with the first page of each list; NotFound for anyone
    else's id. Owners and office staff only."""
    require(actor, OFFICE)
    wanted = parse_id(customer_id)
    first = _request(1)
    with ctx.db.transaction() as session:
        customer = business_customer(session, actor.business_id, wanted)
        business, who = actor.business_id, customer.id
        return CustomerRecord(
            id=customer.id,
            details=details_of(customer),
            appointments=customer_appointment_page(session, business, who, first),
            invitations=_invitation_page(session, business, who, first),
            tasks=customer_task_page(session, business, who, first),
            messages=_message_page(session, business, who, first),
        )


def _one_list(
    ctx: Context, actor: Actor, customer_id: object, number: object, query: Callable
) -> Page:
    require(actor, OFFICE)
    wanted = parse_id(customer_id)
    with ctx.db.transaction() as session:
        customer = business_customer(session, actor.business_id, wanted)
        return query(session, actor.business_id, customer.id, _request(number))


def appointments_page(
    ctx: Context, actor: Actor, *, customer_id: object, number: object
) -> Page[AppointmentView]:
    """Another page of the customer's appointments, latest first."""
    return _one_list(ctx, actor, customer_id, number, customer_appointment_page)


def invitations_page(
    ctx: Context, actor: Actor, *, customer_id: object, number: object
) -> Page[InvitationLine]:
    """Another page of the customer's invitations, newest first."""
    return _one_list(ctx, actor, customer_id, number, _invitation_page)


def tasks_page(
    ctx: Context, actor: Actor, *, customer_id: object, number: object
) -> Page[TaskView]:
    """Another page of the customer's back-office tasks, newest first."""
    return _one_list(ctx, actor, customer_id, number, customer_task_page)


def messages_page(
    ctx: Context, actor: Actor, *, customer_id: object, number: object
) -> Page[MessageLine]:
    """Another page of the messages to the customer, newest first."""
    return _one_list(ctx, actor, customer_id, number, _message_page)
