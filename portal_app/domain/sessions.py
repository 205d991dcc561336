"""Server-side sessions: the cookie holds a random value, the table its hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlmodel import Session, select

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.models import Customer, StaffMember, UserSession
from portal_app.infra.clock import Clock

SESSION_COOKIE = "portal_session"
IDLE_TIMEOUT = timedelta(hours=2)
ABSOLUTE_LIFETIME = timedelta(days=7)


def hash_token(raw: str) -> str:
    """SHA-256 hex digest of a secret value."""
    return hashlib.sha256(raw.encode()).hexdigest()


def start_session(session: Session, actor: Actor, clock: Clock) -> str:
    """Create a session for `actor` and return the raw cookie value."""
    raw = secrets.token_urlsafe(32)
    now = clock.now()
    session.add(
        UserSession(
            token_hash=hash_token(raw),
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


def resolve_session(session: Session, raw: str | None, clock: Clock) -> Actor | None:
    """The actor behind a cookie value, or None when absent, expired or revoked."""
    if not raw or not isinstance(raw, str) or len(raw) > 200:
        return None
    row = session.exec(select(UserSession).where(UserSession.token_hash == hash_token(raw))).first()
    now = clock.now()
    if row is None or row.revoked_at is not None:
        return None
    if now >= row.expires_at or now - row.last_seen_at > IDLE_TIMEOUT:
        return None
    actor = _load_actor(session, row)
    if actor is None:
        return None
    if now - row.last_seen_at > timedelta(minutes=1):
        row.last_seen_at = now
        session.add(row)
    return actor


def end_session(session: Session, raw: str | None, clock: Clock) -> None:
    """Revoke the session behind a cookie value, if any."""
    if not raw:
        return
    row = session.exec(select(UserSession).where(UserSession.token_hash == hash_token(raw))).first()
    if row is not None and row.revoked_at is None:
        row.revoked_at = clock.now()
        session.add(row)


def _load_actor(session: Session, row: UserSession) -> Actor | None:
    if row.actor_kind == ActorKind.CUSTOMER:
        customer = session.get(Customer, row.actor_id)
        if customer is None:
            return None
        return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id, locale=customer.locale)
    staff = session.get(StaffMember, row.actor_id)
    if staff is None or not staff.active:
        return None
    return Actor(ActorKind.STAFF, staff.id, staff.business_id, role=StaffRole(staff.role))


def end_all_sessions(session: Session, actor: Actor, clock: Clock) -> int:
    """Revoke every live session of `actor` (log out everywhere); return how many."""
    rows = session.exec(
        select(UserSession).where(
            UserSession.actor_kind == actor.kind.value,
            UserSession.actor_id == actor.id,
            UserSession.revoked_at == None,  # noqa: E711
        )
    ).all()
    for row in rows:
        row.revoked_at = clock.now()
        session.add(row)
    return len(rows)
