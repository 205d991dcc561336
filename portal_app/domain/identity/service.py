"""Passwordless customer access (seeds 001, 002): mailed links and one-time codes.

Only existing customers get in. A request answers the same whether or not the address is
a customer's, and is limited per address and, much more loosely, per client IP (one office
or mobile carrier may share an address). Secrets are stored as hashes and work once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, update
from sqlmodel import Session, col, select

from portal_app.core import paths
from portal_app.core.actor import Actor, ActorKind, customer, staff
from portal_app.core.context import Context
from portal_app.core.parsing import parse_email, valid_mobile
from portal_app.core.tokens import (
    hash_secret,
    matches_salted,
    new_code,
    new_secret,
    new_short_secret,
    salted_hash,
)
from portal_app.domain.audit.service import record
from portal_app.domain.business.models import Business, StaffMember
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.errors import (
    AccessError,
    CodeExpired,
    CodeInvalid,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    RateLimited,
)
from portal_app.domain.identity.models import AccessToken, LoginCode, RateLimitEvent
from portal_app.domain.identity.sessions import revoke_cookie, start_session
from portal_app.domain.messaging.outbox import queue_message

HANDOFF_LIFETIME = timedelta(seconds=60)
SHORTEST_TOKEN = 16  # the SMS links' tokens


def safe_target(path: object, staff: bool = False) -> str:
    """A page of the person's own part of the portal to land on after sign-in; anything
    else (another site, the other audience's pages) becomes their start page."""
    home = paths.STAFF if staff else paths.PORTAL
    allowed = (paths.STAFF, paths.EDITOR) if staff else (paths.PORTAL,)
    if (
        isinstance(path, str)
        and path.startswith(allowed)
        and "//" not in path
        and "\\" not in path
        and len(path) <= 200
    ):
        return path
    return home


def _count_request(session: Session, ctx: Context, address: str, client_ip: str | None) -> None:
    """Count this request per address and per client IP; RateLimited when one is full."""
    limits = ctx.access
    now = ctx.clock.now()
    buckets = [(f"email:{address}", limits.requests_per_address)]
    if client_ip:
        buckets.append((f"ip:{client_ip[:100]}", limits.requests_per_ip))
    for bucket, limit in buckets:
        count = session.exec(
            select(func.count())
            .select_from(RateLimitEvent)
            .where(RateLimitEvent.bucket == bucket, RateLimitEvent.at > now - limits.window)
        ).one()
        if count >= limit:
            raise RateLimited("too many requests")
    session.add_all(RateLimitEvent(bucket=bucket, at=now) for bucket, _limit in buckets)
    session.flush()


def _customer_by_email(session: Session, email: str) -> tuple[Customer, Business] | None:
    row = session.exec(
        select(Customer, Business)
        .join(Business, Business.id == Customer.business_id)
        .where(func.lower(Customer.email) == email)
        .order_by(Customer.id)
    ).first()
    return (row[0], row[1]) if row else None


def _new_token(
    session: Session,
    actor: Actor,
    target: str,
    now: datetime,
    life: timedelta,
    short: bool = False,
) -> str:
    raw = new_short_secret() if short else new_secret()
    session.add(
        AccessToken(
            token_hash=hash_secret(raw),
            actor_kind=actor.kind.value,
            actor_id=actor.id,
            business_id=actor.business_id,
            target_path=safe_target(target, staff=actor.is_staff),
            created_at=now,
            expires_at=now + life,
        )
    )
    session.flush()
    return raw


def issue_access_link(
    session: Session,
    ctx: Context,
    person: Customer,
    target: str,
    minutes: int,
    *,
    short: bool = False,
) -> str:
    """A single-use sign-in link for `person` that lands on `target`, in the caller's
    transaction (also used for invitation and reschedule links). `short` gives the SMS
    form, /l/<16 characters>, which opens the same Continue page."""
    actor = customer(person.id, person.business_id)
    life = timedelta(minutes=minutes)
    raw = _new_token(session, actor, target, ctx.clock.now(), life, short)
    return ctx.url(paths.short_link(raw) if short else f"{paths.AUTH_LINK}?token={raw}")


@dataclass(frozen=True)
class _Request:
    """Who a sign-in request is for: the customer behind the address, or (for an unknown
    address) a stand-in whose link or code is prepared the same way and then dropped."""

    person: Customer
    business: Business
    known: bool


def _requesting(
    session: Session, ctx: Context, email: object, client_ip: str | None
) -> _Request | None:
    """Count a sign-in request and find the customer behind the address, or a stand-in
    (one statement either way; None only when the portal has no customers at all)."""
    address = parse_email(email)
    _count_request(session, ctx, address, client_ip)
    matches = func.lower(Customer.email) == address
    row = session.exec(
        select(Customer, Business, matches)
        .join(Business, Business.id == Customer.business_id)
        .order_by(case((matches, 0), else_=1), Customer.id)
        .limit(1)
    ).first()
    return _Request(row[0], row[1], bool(row[2])) if row else None


@contextmanager
def _kept_if(session: Session, known: bool) -> Iterator[None]:
    """Do the same writes for known and unknown addresses (so both cost the same), in a
    savepoint that is kept only for a known one."""
    savepoint = session.begin_nested()
    try:
        yield
        session.flush()
    except BaseException:
        savepoint.rollback()
        raise
    if known:
        savepoint.commit()
    else:
        savepoint.rollback()


def request_access_link(
    ctx: Context, *, email: object, client_ip: str | None, target_path: str = paths.PORTAL
) -> None:
    """Mail an access link when `email` is a customer's; silent otherwise, after the same
    work (nothing in the answer or its timing tells the two apart)."""
    with ctx.db.transaction() as session:
        found = _requesting(session, ctx, email, client_ip)
        if found is None:
            return
        person, business = found.person, found.business
        minutes = ctx.access.link_minutes
        with _kept_if(session, found.known):
            url = issue_access_link(session, ctx, person, target_path, minutes)
            queue_message(
                session,
                ctx,
                business_id=person.business_id,
                channel="email",
                recipient=person.email,
                kind="access_link",
                locale=person.locale,
                values={
                    "customer_name": person.name,
                    "business_name": business.name,
                    "customer_panel_url": url,
                    "valid_minutes": minutes,
                },
            )
    ctx.wake_sender()


def request_login_code(ctx: Context, *, email: object, client_ip: str | None) -> None:
    """Send a 6-digit code: by SMS to a valid mobile number, else by e-mail; for an
    unknown address the same work, then nothing is kept."""
    with ctx.db.transaction() as session:
        found = _requesting(session, ctx, email, client_ip)
        if found is None:
            return
        person, business = found.person, found.business
        code = new_code()
        mobile = valid_mobile(person.mobile)
        now = ctx.clock.now()
        with _kept_if(session, found.known):
            session.add(
                LoginCode(
                    customer_id=person.id,
                    code_hash=salted_hash(code),
                    channel="sms" if mobile else "email",
                    created_at=now,
                    expires_at=now + timedelta(minutes=ctx.access.code_minutes),
                )
            )
            queue_message(
                session,
                ctx,
                business_id=person.business_id,
                channel="sms" if mobile else "email",
                recipient=mobile or person.email,
                kind="login_code",
                locale=person.locale,
                values={
                    "customer_name": person.name,
                    "business_name": business.name,
                    "code": code,
                    "valid_minutes": ctx.access.code_minutes,
                },
            )
    ctx.wake_sender()


def verify_login_code(ctx: Context, *, email: object, code: object) -> str:
    """A 60-second hand-off token when `code` is the customer's newest live code.

    A wrong code is counted (and committed) before CodeInvalid is raised; after five the
    code is dead.
    """
    address = parse_email(email)
    entered = code.strip().replace(" ", "") if isinstance(code, str) else ""
    with ctx.db.transaction() as session:
        outcome = _check_code(session, ctx, address, entered)
        if isinstance(outcome, Actor):
            return _new_token(session, outcome, paths.PORTAL, ctx.clock.now(), HANDOFF_LIFETIME)
    raise outcome


def _check_code(session: Session, ctx: Context, address: str, entered: str) -> Actor | AccessError:
    found = _customer_by_email(session, address)
    row = None
    if found is not None:
        row = session.exec(
            select(LoginCode)
            .where(LoginCode.customer_id == found[0].id, col(LoginCode.used_at).is_(None))
            .order_by(col(LoginCode.id).desc())
        ).first()
    now = ctx.clock.now()
    if row is None or row.failed_attempts >= ctx.access.max_code_attempts:
        return CodeInvalid("no live code")
    if now >= row.expires_at:
        return CodeExpired("code expired")
    if not (len(entered) == 6 and entered.isdigit()) or not matches_salted(entered, row.code_hash):
        session.exec(
            update(LoginCode)
            .where(col(LoginCode.id) == row.id)
            .values(failed_attempts=LoginCode.failed_attempts + 1)
        )
        return CodeInvalid("wrong code")
    claimed = session.exec(
        update(LoginCode)
        .where(
            col(LoginCode.id) == row.id,
            col(LoginCode.used_at).is_(None),
            col(LoginCode.failed_attempts) < ctx.access.max_code_attempts,
        )
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        return CodeInvalid("code already used")
    person, business = found
    return customer(person.id, person.business_id, locale=person.locale, timezone=business.timezone)


def issue_handoff(session: Session, ctx: Context, actor: Actor, target: str) -> str:
    """A 60-second single-use token that lets a plain route set the session cookie."""
    return _new_token(session, actor, target, ctx.clock.now(), HANDOFF_LIFETIME)


def redeem(ctx: Context, raw: object, old_cookie: str | None) -> tuple[str, str]:
    """Use a link or hand-off token once: end the old session, start a new one.

    Returns (cookie value, where to land); an AccessError says why not.
    """
    if not isinstance(raw, str) or not SHORTEST_TOKEN <= len(raw) <= 100:
        raise LinkInvalid("malformed token")
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        digest = hash_secret(raw)
        claimed = session.exec(
            update(AccessToken)
            .where(
                col(AccessToken.token_hash) == digest,
                col(AccessToken.used_at).is_(None),
                col(AccessToken.expires_at) > now,
            )
            .values(used_at=now)
        )
        row = session.exec(select(AccessToken).where(AccessToken.token_hash == digest)).first()
        if claimed.rowcount != 1:
            if row is None:
                raise LinkInvalid("unknown token")
            if row.used_at is not None:
                raise LinkUsed("token already used")
            raise LinkExpired("token expired")
        actor = _actor_for(session, row)
        if actor.is_customer:
            record(
                session, "customer_signed_in", at=now, business_id=actor.business_id, actor=actor
            )
        if old_cookie:
            revoke_cookie(session, old_cookie, now)
        return start_session(session, actor, now), row.target_path


def _actor_for(session: Session, row: AccessToken) -> Actor:
    if row.actor_kind == ActorKind.CUSTOMER:
        person = session.get(Customer, row.actor_id)
        if person is None:
            raise LinkInvalid("customer gone")
        return customer(person.id, person.business_id, locale=person.locale)
    if row.actor_kind != ActorKind.STAFF:
        raise LinkInvalid("not a sign-in token")
    member = session.get(StaffMember, row.actor_id)
    if member is None or not member.active:
        raise LinkInvalid("staff member gone")
    return staff(member.id, member.business_id, member.role)
