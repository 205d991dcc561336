"""Invitations (seed 000): staff invite, the customer picks one of the options shown.

Options are generated when the page opens. "More options" shows the next round and
never repeats an earlier one; "preferred date" shows the options closest to a day.
When there are none, a back-office task with the reason appears at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from portal_app.domain.access import AccessPolicy, issue_access_link
from portal_app.domain.actor import Actor, StaffRole
from portal_app.domain.booking import book, find_options
from portal_app.domain.booking_rules import (
    business_service,
    parse_day,
    parse_id,
    require_customer,
    settings_of,
)
from portal_app.domain.errors import InvalidInput, NotAllowed, NotFound
from portal_app.domain.models import (
    Appointment,
    BackofficeTask,
    Business,
    Customer,
    Invitation,
    TaskKind,
)
from portal_app.domain.outbox import queue_message
from portal_app.domain.planning import Option
from portal_app.infra.clock import Clock

INVITATION_LINK_DAYS = 14
MAX_MESSAGE = 2000


class NoMoreRounds(NotAllowed):
    code = "booking.no_more_rounds"


@dataclass(frozen=True)
class InvitationView:
    id: int
    status: str
    service_id: int
    service_name: str
    options: tuple[Option, ...]
    reason: str | None
    can_request_more: bool
    can_choose_date: bool
    appointment_id: int | None


def _key(option: Option) -> str:
    return f"{option.staff_id}@{option.start_utc.isoformat()}"


def _keys(text: str) -> frozenset[tuple[int, datetime]]:
    pairs = set()
    for item in text.split():
        staff, _, start = item.partition("@")
        pairs.add((int(staff), datetime.fromisoformat(start)))
    return frozenset(pairs)


def invite(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    customer_id: object,
    service_id: object,
    public_url: str,
) -> Invitation:
    """Staff (owner or staff) invite a customer; the mail's link opens the options page."""
    if not actor.is_staff or actor.role == StaffRole.MECHANIC:
        raise NotAllowed("owners and staff only")
    customer = session.get(Customer, parse_id(customer_id))
    if customer is None or customer.business_id != actor.business_id:
        raise NotFound("no such customer")
    service = business_service(session, actor.business_id, service_id)
    invitation = Invitation(
        business_id=actor.business_id,
        customer_id=customer.id,
        service_id=service.id,
        created_by_staff_id=actor.id,
        created_at=clock.now(),
    )
    session.add(invitation)
    session.flush()
    link = issue_access_link(
        session,
        customer,
        public_url,
        clock,
        AccessPolicy(link_minutes=INVITATION_LINK_DAYS * 24 * 60),
        f"/portal/invitations/{invitation.id}",
    )
    business = session.get(Business, actor.business_id)
    queue_message(
        session,
        business_id=business.id,
        channel="email",
        recipient=customer.email,
        kind="invitation",
        locale=customer.locale,
        values={
            "customer_name": customer.name,
            "business_name": business.name,
            "service_name": service.name,
            "options_link": link,
        },
        clock=clock,
    )
    return invitation


def _own_invitation(session: Session, actor: Actor, invitation_id: object) -> Invitation:
    invitation = session.get(Invitation, parse_id(invitation_id))
    if invitation is None or not actor.is_customer or invitation.customer_id != actor.id:
        raise NotFound("no such invitation")
    return invitation


def show_options(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    invitation_id: object,
    more: bool = False,
    preferred_date: object = None,
) -> InvitationView:
    """The options of an invitation: this round, the next round, or around a date."""
    require_customer(session, actor)
    invitation = _own_invitation(session, actor, invitation_id)
    settings = settings_of(session, invitation.business_id)
    service = business_service(session, invitation.business_id, invitation.service_id)
    if invitation.status != "open":
        return _view(session, invitation, (), None)
    shown = _keys(invitation.shown_options)
    current = _keys(invitation.current_options)
    day = None
    if preferred_date not in (None, ""):
        if not settings.preferred_date_enabled:
            raise NotAllowed("preferred date disabled")
        day = parse_day(preferred_date)
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
        session, actor, clock, service_id=service.id, preferred_date=day, exclude=exclude
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
        _task_once(session, invitation, TaskKind.NO_OPTIONS, reason=str(result.reason), clock=clock)
    return _view(session, invitation, tuple(result.options), result.reason)


def _view(session, invitation: Invitation, options, reason) -> InvitationView:
    settings = settings_of(session, invitation.business_id)
    service = business_service(session, invitation.business_id, invitation.service_id)
    return InvitationView(
        id=invitation.id,
        status=invitation.status,
        service_id=service.id,
        service_name=service.name,
        options=options,
        reason=str(reason) if reason else None,
        can_request_more=settings.more_options_enabled
        and invitation.rounds_shown < settings.max_option_rounds,
        can_choose_date=settings.preferred_date_enabled,
        appointment_id=invitation.appointment_id,
    )


def _task_once(
    session: Session,
    invitation: Invitation,
    kind: str,
    *,
    clock: Clock,
    reason: str = "",
    message: str = "",
) -> None:
    existing = session.exec(
        select(BackofficeTask).where(
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
            created_at=clock.now(),
        )
    )
    session.flush()


def decline_options(
    session: Session, actor: Actor, clock: Clock, *, invitation_id: object, message: object
) -> None:
    """ "These options don't suit me": the message becomes a back-office task."""
    invitation = _own_invitation(session, actor, invitation_id)
    text = message.strip() if isinstance(message, str) else ""
    if not text:
        raise InvalidInput("empty message", code="booking.message_required")
    if invitation.status != "open":
        raise NotAllowed("invitation closed")
    invitation.status = "declined"
    session.add(invitation)
    _task_once(
        session, invitation, TaskKind.OPTIONS_DECLINED, message=text[:MAX_MESSAGE], clock=clock
    )


def book_invitation_option(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    invitation_id: object,
    staff_id: object,
    start: object,
    public_url: str,
) -> Appointment:
    """Book one option of the invitation; SlotTaken when someone was just faster."""
    invitation = _own_invitation(session, actor, invitation_id)
    if invitation.status != "open":
        raise NotAllowed("invitation closed")
    appointment = book(
        session,
        actor,
        clock,
        service_id=invitation.service_id,
        staff_id=staff_id,
        start=start,
        public_url=public_url,
    )
    invitation.status = "booked"
    invitation.appointment_id = appointment.id
    session.add(invitation)
    return appointment
