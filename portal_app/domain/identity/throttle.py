"""Throttling failed staff sign-ins per account *and* source address, and per source.

Five wrong passwords for one account from one address block that account from that
address for 15 minutes; the real person, elsewhere, still signs in. Thirty failures from
one address (any accounts) block that address. The owner can lift an account's blocks.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from portal_app.core.context import Context
from portal_app.domain.identity.models import RateLimitEvent

WINDOW = timedelta(minutes=15)
FAILURES_PER_ACCOUNT_AND_SOURCE = 5
FAILURES_PER_SOURCE = 30


def _source(source: str | None) -> str:
    return (source or "unknown")[:100]


def account_bucket(member_id: int, source: str | None) -> str:
    """The bucket of failures for one account from one address."""
    return f"staff-fail:{member_id}:{_source(source)}"


def source_bucket(source: str | None) -> str:
    """The bucket of failures from one address, whatever the account."""
    return f"staff-fail-ip:{_source(source)}"


def is_throttled(session: Session, ctx: Context, member_id: int | None, source: str | None):
    """Whether this address may not try this account (or any account) now; one statement."""
    buckets = {source_bucket(source): FAILURES_PER_SOURCE}
    if member_id is not None:
        buckets[account_bucket(member_id, source)] = FAILURES_PER_ACCOUNT_AND_SOURCE
    counts = dict(
        session.exec(
            select(RateLimitEvent.bucket, func.count())
            .where(
                col(RateLimitEvent.bucket).in_(list(buckets)),
                RateLimitEvent.at > ctx.clock.now() - WINDOW,
            )
            .group_by(RateLimitEvent.bucket)
        ).all()
    )
    return any(counts.get(bucket, 0) >= limit for bucket, limit in buckets.items())


def count_failure(session: Session, ctx: Context, member_id: int | None, source: str | None):
    """Count one failed attempt for the address (and the account, when known)."""
    now = ctx.clock.now()
    session.add(RateLimitEvent(bucket=source_bucket(source), at=now))
    if member_id is not None:
        session.add(RateLimitEvent(bucket=account_bucket(member_id, source), at=now))
    session.flush()


def clear_account(session: Session, member_id: int) -> int:
    """Forget every counted failure of an account (the owner unlocks it); how many."""
    result = session.exec(
        delete(RateLimitEvent).where(
            col(RateLimitEvent.bucket).startswith(f"staff-fail:{member_id}:")
        )
    )
    return result.rowcount


def blocked_sources(session: Session, ctx: Context, member_ids: list[int]) -> dict[int, int]:
    """For each account, from how many addresses it is blocked now (one statement)."""
    if not member_ids:
        return {}
    rows = session.exec(
        select(RateLimitEvent.bucket, func.count())
        .where(
            col(RateLimitEvent.bucket).startswith("staff-fail:"),
            RateLimitEvent.at > ctx.clock.now() - WINDOW,
        )
        .group_by(RateLimitEvent.bucket)
        .having(func.count() >= FAILURES_PER_ACCOUNT_AND_SOURCE)
    ).all()
    blocked: dict[int, int] = {}
    for bucket, _count in rows:
        member = int(bucket.split(":", 2)[1])
        if member in member_ids:
            blocked[member] = blocked.get(member, 0) + 1
    return blocked
