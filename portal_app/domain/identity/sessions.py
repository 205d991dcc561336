"""Server-side sessions: the cookie holds a random value, the table only its hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from portal_app.core.actor import Actor, ActorKind, customer, staff
from portal_app.core.context import Context
from portal_app.core.tokens import hash_secret, new_secret
from portal_app.domain.business.models import Business, StaffMember
from portal_app.domain.business.views import BusinessView
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.models import UserSession

SESSION_COOKIE = "portal_session"
IDLE_TIMEOUT = timedelta(hours=2)
ABSOLUTE_LIFETIME = timedelta(days=7)
# last_seen_at is written at most this often, so most requests only read.
SEEN_RESOLUTION = timedelta(minutes=1)


def start_session(session: Session, actor: Actor, now: datetime) -> str:
    """Create a session for `actor` in the caller's transaction; return the cookie value."""
    raw = new_secret()
    session.add(
        UserSession(
            token_hash=hash_secret(raw),
            actor_kind=actor.kind.value,
            actor_id=actor.id,
            business_id=actor.business_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + ABSOLUTE_LIFETIME,
        )
    )
    session.flush()
    return raw


@dataclass(frozen=True)
class Visit:
    """Who is behind a cookie, and the business whose portal they are in."""

    actor: Actor
    business: BusinessView


def resolve(ctx: Context, raw: object) -> Actor | None:
    """The actor behind a cookie value (None when absent, expired or revoked)."""
    visit = resolve_visit(ctx, raw)
    return visit.actor if visit else None


def resolve_visit(ctx: Context, raw: object) -> Visit | None:
    """The actor and business behind a cookie value (None when absent, expired or revoked).

    One joined read; a write only when last_seen_at is more than a minute old.
    """
    if not raw or not isinstance(raw, str) or len(raw) > 200:
        return None
    with ctx.db.transaction() as session:
        return _visit(session, raw, ctx.clock.now())


# Every event of every signed-in page runs this, so it is built once and reads plain
# columns (no ORM objects): one statement, about a fifth of the cost of loading entities.
_VISIT = (
    select(
        UserSession.id,
        UserSession.revoked_at,
        UserSession.expires_at,
        UserSession.last_seen_at,
        Business.id,
        Business.name,
        Business.logo_url,
        Business.timezone,
        Business.currency,
        Business.email,
        Business.phone,
        Customer.id,
        Customer.locale,
        StaffMember.id,
        StaffMember.role,
        StaffMember.active,
    )
    .join(Business, Business.id == UserSession.business_id)
    .join(
        Customer,
        (Customer.id == UserSession.actor_id) & (UserSession.actor_kind == ActorKind.CUSTOMER),
        isouter=True,
    )
    .join(
        StaffMember,
        (StaffMember.id == UserSession.actor_id) & (UserSession.actor_kind == ActorKind.STAFF),
        isouter=True,
    )
    .where(UserSession.token_hash == bindparam("digest"))
)


def _visit(session: Session, raw: str, now: datetime) -> Visit | None:
    row = session.connection().execute(_VISIT, {"digest": hash_secret(raw)}).first()
    if row is None:
        return None
    (session_id, revoked_at, expires_at, last_seen_at) = row[:4]
    business_id, name, logo_url, timezone, currency, email, phone = row[4:11]
    business = BusinessView(business_id, name, logo_url, timezone, currency, email, phone)
    person_id, person_locale, member_id, member_role, member_active = row[11:]
    if revoked_at is not None or now >= expires_at or now - last_seen_at > IDLE_TIMEOUT:
        return None
    if person_id is not None:
        actor = customer(person_id, business.id, locale=person_locale, timezone=business.timezone)
    elif member_id is not None and member_active:
        actor = staff(member_id, business.id, member_role, timezone=business.timezone)
    else:
        return None
    if now - last_seen_at > SEEN_RESOLUTION:
        session.exec(
            update(UserSession).where(col(UserSession.id) == session_id).values(last_seen_at=now)
        )
    return Visit(actor, business)


def end_session(ctx: Context, raw: str | None) -> None:
    """Revoke the session behind a cookie value, if any."""
    if not raw or not isinstance(raw, str) or len(raw) > 200:
        return
    with ctx.db.transaction() as session:
        revoke_cookie(session, raw, ctx.clock.now())


def revoke_cookie(session: Session, raw: str, now: datetime) -> None:
    """`end_session` inside the caller's transaction."""
    session.exec(
        update(UserSession)
        .where(
            col(UserSession.token_hash) == hash_secret(raw), col(UserSession.revoked_at).is_(None)
        )
        .values(revoked_at=now)
    )


def end_all_sessions(ctx: Context, actor: Actor) -> int:
    """Revoke every live session of `actor` (log out everywhere); return how many."""
    with ctx.db.transaction() as session:
        result = session.exec(
            update(UserSession)
            .where(
                col(UserSession.actor_kind) == actor.kind.value,
                col(UserSession.actor_id) == actor.id,
                col(UserSession.revoked_at).is_(None),
            )
            .values(revoked_at=ctx.clock.now())
        )
        return result.rowcount
