"""Customers change their own details (seed 004: contact updates into the activity log).

Name, preferred channel and language change at once. A new e-mail address or mobile
number takes effect only when the 6-digit code sent to that new address is entered: the
code's hash waits in `contact_change`; a wrong code is counted (and committed) before it
is refused, and after five it is dead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from portal_app.core.actor import CUSTOMERS, Actor, require
from portal_app.core.catalog import text
from portal_app.core.context import Context
from portal_app.core.errors import DomainError
from portal_app.core.locale import LOCALES
from portal_app.core.parsing import (
    parse_choice,
    parse_email,
    parse_mobile,
    parse_text,
    valid_mobile,
)
from portal_app.core.tokens import matches_salted, new_code, salted_hash
from portal_app.domain.activity.service import record
from portal_app.domain.business.models import Business
from portal_app.domain.customers.errors import (
    ContactCodeExpired,
    ContactCodeInvalid,
    EmailInUse,
    SameContact,
    SmsNeedsMobile,
    TooManyCodes,
)
from portal_app.domain.customers.models import ContactChange, Customer
from portal_app.domain.customers.queries import own_row, profile_of
from portal_app.domain.customers.views import ProfileView
from portal_app.domain.messaging.outbox import queue_message

CHANNELS = ("email", "sms")
CONTACT_KINDS = ("email", "mobile")
NAME_LIMIT = 200

# Steps of other areas that must follow when the customer is reached differently (new
# address, channel, language or name), run in the change's transaction. Appointments
# registers its reminder re-planning; the dependency keeps pointing from there to here.
ReachChanged = Callable[[Session, Context, Customer], object]
_ON_REACH_CHANGED: list[ReachChanged] = []


def when_reach_changes(step: ReachChanged) -> ReachChanged:
    """Register a step run after the customer's contact details or language changed."""
    if step not in _ON_REACH_CHANGED:
        _ON_REACH_CHANGED.append(step)
    return step


def _reach_changed(session: Session, ctx: Context, customer: Customer) -> None:
    session.flush()
    for step in _ON_REACH_CHANGED:
        step(session, ctx, customer)


def _check_channel(customer: Customer, channel: str) -> None:
    if channel == "sms" and not valid_mobile(customer.mobile):
        raise SmsNeedsMobile("no valid mobile number for SMS")


def update_profile(
    ctx: Context, actor: Actor, *, name: object, preferred_channel: object, locale: object
) -> ProfileView:
    """Save the customer's name, preferred channel and language; SMS needs a valid mobile
    number. Written with its activity line."""
    require(actor, CUSTOMERS)
    clean_name = parse_text(name, NAME_LIMIT, required=True)
    channel = parse_choice(preferred_channel, CHANNELS)
    language = parse_choice(locale, LOCALES)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        customer = own_row(session, actor)
        _check_channel(customer, channel)
        customer.name, customer.preferred_channel, customer.locale = clean_name, channel, language
        session.add(customer)
        record(session, actor, "profile_updated", business_id=customer.business_id, at=now)
        _reach_changed(session, ctx, customer)
        return profile_of(session, customer, now)


def choose_language(ctx: Context, actor: Actor, *, locale: object) -> str:
    """Store the language the portal (and every message) speaks to the customer."""
    require(actor, CUSTOMERS)
    language = parse_choice(locale, LOCALES)
    with ctx.db.transaction() as session:
        customer = own_row(session, actor)
        customer.locale = language
        session.add(customer)
        _reach_changed(session, ctx, customer)
    return language


def _parse_contact(kind: str, value: object) -> str:
    return parse_email(value) if kind == "email" else parse_mobile(value)


def _count_request(session: Session, ctx: Context, customer: Customer) -> None:
    since = ctx.clock.now() - ctx.access.window
    sent = session.exec(
        select(func.count())
        .select_from(ContactChange)
        .where(ContactChange.customer_id == customer.id, ContactChange.created_at > since)
    ).one()
    if sent >= ctx.access.requests_per_address:
        raise TooManyCodes("too many codes asked for")


def request_contact_change(
    ctx: Context, actor: Actor, *, kind: object, value: object
) -> ProfileView:
    """Send a code to a new e-mail address (by e-mail) or mobile number (by SMS); nothing
    changes until that code is entered."""
    require(actor, CUSTOMERS)
    which = parse_choice(kind, CONTACT_KINDS)
    new_value = _parse_contact(which, value)
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        customer = own_row(session, actor)
        current = customer.email.lower() if which == "email" else valid_mobile(customer.mobile)
        if new_value == current:
            raise SameContact("that is the current one")
        _count_request(session, ctx, customer)
        code = new_code()
        minutes = ctx.access.code_minutes
        session.add(
            ContactChange(
                customer_id=customer.id,
                kind=which,
                new_value=new_value,
                code_hash=salted_hash(code),
                created_at=now,
                expires_at=now + timedelta(minutes=minutes),
            )
        )
        business = session.get(Business, customer.business_id)
        queue_message(
            session,
            ctx,
            business_id=customer.business_id,
            channel="email" if which == "email" else "sms",
            recipient=new_value,
            kind="contact_code",
            locale=customer.locale,
            values={
                "customer_name": customer.name,
                "business_name": business.name,
                "code": code,
                "valid_minutes": minutes,
            },
        )
        session.flush()
        view = profile_of(session, customer, now)
    ctx.wake_sender()
    return view


def confirm_contact_change(
    ctx: Context, actor: Actor, *, kind: object, code: object
) -> ProfileView:
    """Make the new address the customer's when `code` is the one sent to it."""
    require(actor, CUSTOMERS)
    which = parse_choice(kind, CONTACT_KINDS)
    entered = code.strip().replace(" ", "") if isinstance(code, str) else ""
    with ctx.db.transaction() as session:
        outcome = _check_code(session, ctx, actor, which, entered)
        if isinstance(outcome, ProfileView):
            return outcome
    raise outcome


def masked(value: str) -> str:
    """An address or number shown to the old address: enough to recognise, not to reuse
    ('n•••@example.com', '••••••••329')."""
    if "@" in value:
        local, domain = value.split("@", 1)
        return f"{local[:1]}•••@{domain}"
    return "•" * max(len(value) - 3, 0) + value[-3:]


def _tell_previous_address(
    session: Session, ctx: Context, customer: Customer, previous_email: str, which: str, new: str
) -> None:
    """The e-mail address the customer had before this change hears of it (an
    account-takeover warning), in the same transaction as the change."""
    business = session.get(Business, customer.business_id)
    contact = " / ".join(part for part in (business.phone, business.email) if part)
    queue_message(
        session,
        ctx,
        business_id=customer.business_id,
        channel="email",
        recipient=previous_email,
        kind="contact_changed",
        locale=customer.locale,
        values={
            "customer_name": customer.name,
            "business_name": business.name,
            "change": text(f"profile.changed.{which}", customer.locale, value=masked(new)),
            "business_contact": contact,
        },
    )


def _check_code(
    session: Session, ctx: Context, actor: Actor, which: str, entered: str
) -> ProfileView | DomainError:
    """The new profile, or the refusal to raise after the attempt is committed."""
    customer = own_row(session, actor)
    now = ctx.clock.now()
    change = session.exec(
        select(ContactChange)
        .where(
            ContactChange.customer_id == customer.id,
            ContactChange.kind == which,
            col(ContactChange.used_at).is_(None),
        )
        .order_by(col(ContactChange.id).desc())
    ).first()
    if change is None or change.failed_attempts >= ctx.access.max_code_attempts:
        return ContactCodeInvalid("no live code")
    if now >= change.expires_at:
        return ContactCodeExpired("code expired")
    if not (len(entered) == 6 and entered.isdigit()) or not matches_salted(
        entered, change.code_hash
    ):
        session.exec(
            update(ContactChange)
            .where(col(ContactChange.id) == change.id)
            .values(failed_attempts=ContactChange.failed_attempts + 1)
        )
        return ContactCodeInvalid("wrong code")
    if which == "email" and _email_in_use(session, customer, change.new_value):
        return EmailInUse("another customer signs in with this address")
    change.used_at = now
    previous_email = customer.email
    if which == "email":
        customer.email = change.new_value
    else:
        customer.mobile = change.new_value
    session.add_all([change, customer])
    _tell_previous_address(session, ctx, customer, previous_email, which, change.new_value)
    _reach_changed(session, ctx, customer)
    record(
        session,
        actor,
        "contact_changed",
        business_id=customer.business_id,
        at=now,
        summary=which,
    )
    session.flush()
    return profile_of(session, customer, now)


def _email_in_use(session: Session, customer: Customer, address: str) -> bool:
    other = session.exec(
        select(Customer.id).where(
            Customer.business_id == customer.business_id,
            Customer.id != customer.id,
            func.lower(Customer.email) == address.lower(),
        )
    ).first()
    return other is not None
