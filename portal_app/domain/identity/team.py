"""The owner's view of the team: who is blocked, who needs a second step; unlock and
require (each change written to the audit log)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from portal_app.core.actor import OWNERS, Actor, Role, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.core.parsing import parse_id
from portal_app.domain.audit.service import record
from portal_app.domain.business.models import StaffMember
from portal_app.domain.identity.models import StaffTwoFactor
from portal_app.domain.identity.throttle import blocked_sources, clear_account


@dataclass(frozen=True)
class TeamMember:
    id: int
    name: str
    email: str
    role: str
    two_factor: str  # on | pending | off
    required: bool
    blocked_from: int


def team(ctx: Context, actor: Actor) -> list[TeamMember]:
    """Every staff member of the business with their sign-in state (two statements)."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(StaffMember, StaffTwoFactor)
            .join(StaffTwoFactor, StaffTwoFactor.staff_id == StaffMember.id, isouter=True)
            .where(StaffMember.business_id == actor.business_id, StaffMember.active)
            .order_by(StaffMember.name)
        ).all()
        blocked = blocked_sources(session, ctx, [member.id for member, _ in rows])
    members = []
    for member, second in rows:
        required = member.role == Role.OWNER.value or bool(second and second.required)
        confirmed = second is not None and second.confirmed_at is not None
        state = "on" if confirmed else ("pending" if required else "off")
        members.append(
            TeamMember(
                member.id,
                member.name,
                member.email,
                member.role,
                state,
                required,
                blocked.get(member.id, 0),
            )
        )
    return members


def _member(session, actor: Actor, staff_id: object) -> StaffMember:
    member = session.get(StaffMember, parse_id(staff_id))
    if member is None or member.business_id != actor.business_id:
        raise NotFound("no such staff member")
    return member


def unlock(ctx: Context, actor: Actor, *, staff_id: object) -> str:
    """Lift every sign-in block of a staff member; returns their name."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        member = _member(session, actor, staff_id)
        cleared = clear_account(session, member.id)
        record(
            session,
            "staff_unlocked",
            at=ctx.clock.now(),
            business_id=actor.business_id,
            actor=actor,
            subject_kind="staff",
            subject_id=member.id,
            detail=f"{cleared} failures forgotten",
        )
        return member.name


def require_two_factor(ctx: Context, actor: Actor, *, staff_id: object, required: bool) -> str:
    """Whether a (non-owner) staff member needs a second step; returns their name."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        member = _member(session, actor, staff_id)
        if member.role == Role.OWNER.value:
            return member.name  # always required
        settings = session.get(StaffTwoFactor, member.id) or StaffTwoFactor(staff_id=member.id)
        settings.required = bool(required)
        session.add(settings)
        record(
            session,
            "staff_two_factor_changed",
            at=ctx.clock.now(),
            business_id=actor.business_id,
            actor=actor,
            subject_kind="staff",
            subject_id=member.id,
            detail="required" if required else "optional",
        )
        return member.name
