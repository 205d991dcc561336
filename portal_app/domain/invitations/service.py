"""Invitations (seed 000): staff invite, the customer picks one of the options shown.

Options are generated when the page opens. "More options" shows the next round and never
repeats an earlier one; "preferred date" shows the options closest to a day. When there
are none, a back-office task with the reason appears at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from portal_app.core import paths
from portal_app.core.actor import CUSTOMERS, OFFICE, Actor, Role, require, staff
from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput, NotFound
from portal_app.core.parsing import parse_date, parse_id, parse_text
from portal_app.domain.appointments import service as appointments
from portal_app.domain.appointments.availability import find_options
from portal_app.domain.appointments.times import option_views
from portal_app.domain.appointments.views import Booked
from portal_app.domain.backoffice.models import BackofficeTask, TaskKind
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.business.queries import active_service, settings_of
from portal_app.domain.business.wording import service_name
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import business_customer, own_row
from portal_app.domain.identity.service import issue_access_link
from portal_app.domain.invitations.errors import InvitationClosed, NoMoreRounds
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.invitations.views import InvitationView
from portal_app.domain.messaging.outbox import customer_channel, notify_customer
from portal_app.domain.scheduling.planning import Option

LINK_DAYS = 14
MAX_MESSAGE = 2000


def _key(option: Option) -> str:
    return f"{option.staff_id}@{option.start_utc.isoformat()}"


def _keys(text: str) -> frozenset[tuple[int, datetime]]:
    pairs = set()
    for item in text.split():
        staff, _, start = item.partition("@")
        pairs.add((int(staff), datetime.fromisoformat(start)))
    return frozenset(pairs)


def invite(ctx: Context, actor: Actor, *, customer_id: object, service_id: object) -> int:
    """Owners and staff invite a customer; the message's link opens the options page.

    Returns the new invitation's id.
    """
    require(actor, OFFICE)
    with ctx.db.transaction() as session:
        customer = business_customer(session, actor.business_id, parse_id(customer_id))
        service = active_service(session, actor.business_id, parse_id(service_id))
        invitation = Invitation(
            business_id=actor.business_id,
            customer_id=customer.id,
            service_id=service.id,
            created_by_staff_id=actor.id,
            created_at=ctx.clock.now(),
        )
        session.add(invitation)
        session.flush()
        link = issue_access_link(
            session,
            ctx,
            customer,
            paths.invitation(invitation.id),
            LINK_DAYS * 24 * 60,
            short=customer_channel(customer)[0] == "sms",
        )
        business = session.get(Business, actor.business_id)
        notify_customer(
            session,
            ctx,
            customer,
            "invitation",
            {
                "customer_name": customer.name,
                "business_name": business.name,
                "service_name": service_name(service, customer.locale),
                "options_link": link,
            },
        )
        return invitation.id


def _own_invitation(session: Session, actor: Actor, invitation_id: object) -> Invitation:
    invitation = session.get(Invitation, parse_id(invitation_id))
    if invitation is None or not actor.is_customer or invitation.customer_id != actor.id:
        raise NotFound("no such invitation")
    return invitation


def show_options(
    ctx: Context,
    actor: Actor,
    *,
    invitation_id: object,
    more: bool = False,
    preferred_date: object = None,
) -> InvitationView:
    """The options of an invitation: this round, the next round, or around a date."""
    require(actor, CUSTOMERS)
    day = None if preferred_date in (None, "") else parse_date(preferred_date)
    with ctx.db.transaction() as session:
        invitation = _own_invitation(session, actor, invitation_id)
        customer = own_row(session, actor)
        settings = settings_of(session, invitation.business_id)
        service = session.get(Service, invitation.service_id)
        if invitation.status != "open":
            return _view(session, invitation, service, [], None)
        shown = _keys(invitation.shown_options)
        current = _keys(invitation.current_options)
        if day is not None:
            if not settings.preferred_date_enabled:
                raise InvalidInput("preferred date disabled")
            exclude = frozenset()
        elif more:
            if (
                not settings.more_options_enabled
                or invitation.rounds_shown >= settings.max_option_rounds
            ):
                raise NoMoreRounds("no more rounds")
            exclude = shown
        else:
            exclude = shown - current
        result = find_options(
            session, customer, service, ctx.clock.now(), preferred_date=day, exclude=exclude
        )
        if result.options:
            keys = " ".join(_key(o) for o in result.options)
            if more or day is not None or not invitation.rounds_shown:
                invitation.rounds_shown += 1
            invitation.current_options = keys
            invitation.shown_options = " ".join(
                sorted(set(invitation.shown_options.split()) | set(keys.split()))
            )[-4000:]
            session.add(invitation)
        elif result.reason is not None:
            _task_once(session, ctx, invitation, TaskKind.NO_OPTIONS, reason=str(result.reason))
        return _view(session, invitation, service, result.options, result.reason)


def _view(session, invitation: Invitation, service, options, reason) -> InvitationView:
    settings = settings_of(session, invitation.business_id)
    pairs = sorted(((o.staff_id, o.start_utc) for o in options), key=lambda p: p[1])
    reader = session.get(Customer, invitation.customer_id)
    return InvitationView(
        id=invitation.id,
        status=invitation.status,
        service_name=service_name(service, reader.locale if reader else None),
        options=tuple(option_views(session, service, pairs)),
        reason=str(reason) if reason else None,
        can_request_more=settings.more_options_enabled
        and invitation.rounds_shown < settings.max_option_rounds,
        can_choose_date=settings.preferred_date_enabled,
        appointment_id=invitation.appointment_id,
    )


def _task_once(
    session: Session,
    ctx: Context,
    invitation: Invitation,
    kind: str,
    *,
    reason: str = "",
    message: str = "",
) -> None:
    existing = session.exec(
        select(BackofficeTask.id).where(
            BackofficeTask.invitation_id == invitation.id,
            BackofficeTask.kind == kind,
            BackofficeTask.status == "open",
        )
    ).first()
    if existing is not None and kind == TaskKind.NO_OPTIONS:
        return
    session.add(
        BackofficeTask(
            business_id=invitation.business_id,
            kind=kind,
            customer_id=invitation.customer_id,
            invitation_id=invitation.id,
            reason=reason,
            message=message,
            created_at=ctx.clock.now(),
        )
    )
    session.flush()


def decline_options(ctx: Context, actor: Actor, *, invitation_id: object, message: object) -> None:
    """'These options don't suit me': the message becomes a back-office task."""
    require(actor, CUSTOMERS)
    text = parse_text(message, MAX_MESSAGE)
    if not text:
        raise InvalidInput("empty message", code="booking.message_required")
    with ctx.db.transaction() as session:
        invitation = _own_invitation(session, actor, invitation_id)
        if invitation.status != "open":
            raise InvitationClosed("invitation closed")
        invitation.status = "declined"
        session.add(invitation)
        _task_once(session, ctx, invitation, TaskKind.OPTIONS_DECLINED, message=text)


def book_option(
    ctx: Context, actor: Actor, *, invitation_id: object, staff_id: object, start: object
) -> Booked:
    """Book one option of the invitation; SlotTaken when someone was just faster."""
    require(actor, CUSTOMERS)
    with ctx.db.transaction(write_lock=True) as session:
        invitation = _own_invitation(session, actor, invitation_id)
        if invitation.status != "open":
            raise InvitationClosed("invitation closed")
        booked = appointments.book(
            ctx, actor, service_id=invitation.service_id, staff_id=staff_id, start=start
        )
        invitation.status = "booked"
        invitation.appointment_id = booked.appointment.id
        session.add(invitation)
        return booked


def invite_by_names(
    ctx: Context, *, customer_email: str, service_name: str, staff_email: str | None = None
) -> int:
    """Invite on behalf of a staff member (the first owner when none is named), finding
    customer and service by e-mail and name (the command line's `invite`)."""
    with ctx.db.transaction() as session:
        staff_query = select(StaffMember).where(StaffMember.role == Role.OWNER.value)
        if staff_email:
            staff_query = select(StaffMember).where(StaffMember.email == staff_email.lower())
        member = session.exec(staff_query.order_by(StaffMember.id)).first()
        person = session.exec(
            select(Customer).where(Customer.email == customer_email.strip().lower())
        ).first()
        offered = session.exec(select(Service).where(Service.name == service_name)).first()
        missing = [
            label
            for label, row in (("staff member", member), ("customer", person), ("service", offered))
            if row is None
        ]
        if missing:
            raise NotFound(f"unknown {', '.join(missing)}")
        actor = staff(member.id, member.business_id, member.role)
        return invite(ctx, actor, customer_id=person.id, service_id=offered.id)
