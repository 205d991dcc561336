"""Staff sign-in: e-mail and password (argon2 through the passlib API), throttled per
account and source address, then a second factor where one is needed."""

from __future__ import annotations

from dataclasses import dataclass

from passlib.context import CryptContext
from sqlalchemy import func
from sqlmodel import Session, select

from portal_app.core import paths
from portal_app.core.actor import Role, staff
from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput
from portal_app.domain.audit.service import record
from portal_app.domain.business.models import Business, StaffMember
from portal_app.domain.identity.errors import (
    PasswordTooLong,
    PasswordTooShort,
    StaffLockedOut,
    StaffLoginFailed,
)
from portal_app.domain.identity.models import StaffTwoFactor
from portal_app.domain.identity.service import issue_handoff
from portal_app.domain.identity.throttle import count_failure, is_throttled
from portal_app.domain.identity.two_factor import (
    Enrolment,
    needs_second_factor,
    open_challenge,
    start_enrolment,
)

PASSWORDS = CryptContext(schemes=["argon2"], deprecated="auto")
MIN_PASSWORD_LENGTH = 10
# Longer input is never handed to the hasher (passlib refuses over 4,096 characters).
MAX_PASSWORD_LENGTH = 1024
_DUMMY_HASH = PASSWORDS.hash("not-a-real-password")


@dataclass(frozen=True)
class StaffSignIn:
    """The outcome of a correct password: a hand-off token, or a second step to take
    (`challenge`; with `enrolment` when the authenticator still has to be set up)."""

    handoff: str = ""
    challenge: str = ""
    enrolment: Enrolment | None = None


def hash_password(password: str) -> str:
    """An argon2 hash of a new password (10 to 1,024 characters)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort("password too short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordTooLong("password too long")
    return PASSWORDS.hash(password)


def _verify(secret: str, stored: str) -> tuple[bool, str | None]:
    """(valid, new hash); over-long input costs the same and is simply wrong."""
    if len(secret) > MAX_PASSWORD_LENGTH:
        PASSWORDS.verify("", _DUMMY_HASH)
        return False, None
    return PASSWORDS.verify_and_update(secret, stored)


def staff_sign_in(
    ctx: Context, *, email: object, password: object, source: str | None = None
) -> StaffSignIn:
    """Check e-mail and password. Failures are counted (per account and address, and
    per address) and committed before StaffLoginFailed / StaffLockedOut is raised."""
    address = email.strip().lower()[:254] if isinstance(email, str) else ""
    secret = password if isinstance(password, str) else ""
    with ctx.db.transaction() as session:
        outcome = _check_password(session, ctx, address, secret, source)
        if isinstance(outcome, StaffSignIn):
            return outcome
    raise outcome


def _check_password(session: Session, ctx: Context, address: str, secret: str, source):
    member = session.exec(
        select(StaffMember).where(func.lower(StaffMember.email) == address)
    ).first()
    now = ctx.clock.now()
    known = member is not None and member.active and bool(member.password_hash)
    member_id = member.id if known else None
    business_id = member.business_id if member is not None else None
    if is_throttled(session, ctx, member_id, source):
        PASSWORDS.verify("", _DUMMY_HASH)  # the same cost as any other answer
        record(
            session,
            "staff_sign_in_throttled",
            at=now,
            business_id=business_id,
            subject_kind="staff" if member_id else "",
            subject_id=member_id,
            source=source,
        )
        return StaffLockedOut("too many failures from this address")
    valid, new_hash = _verify(secret, member.password_hash if known else _DUMMY_HASH)
    if not known or not valid:
        count_failure(session, ctx, member_id, source)
        record(
            session,
            "staff_sign_in_failed",
            at=now,
            business_id=business_id,
            subject_kind="staff" if member_id else "",
            subject_id=member_id,
            detail="" if known else "unknown account",
            source=source,
        )
        return StaffLoginFailed("wrong e-mail or password")
    if new_hash:
        member.password_hash = new_hash
        session.add(member)
    second = session.get(StaffTwoFactor, member.id)
    if needs_second_factor(member, second):
        challenge = open_challenge(session, ctx, member)
        if second is None or second.confirmed_at is None:
            return StaffSignIn(challenge=challenge, enrolment=start_enrolment(session, member))
        return StaffSignIn(challenge=challenge)
    actor = staff(member.id, member.business_id, member.role)
    record(session, "staff_signed_in", at=now, business_id=member.business_id, actor=actor)
    return StaffSignIn(handoff=issue_handoff(session, ctx, actor, paths.STAFF))


def create_owner(ctx: Context, *, business_slug: str, name: str, email: str, password: str) -> None:
    """Create the first owner of a business (CLI); refuses an e-mail already in use."""
    address = email.strip().lower()
    if "@" not in address or not name.strip():
        raise InvalidInput("give a name and a valid e-mail address")
    password_hash = hash_password(password)
    with ctx.db.transaction() as session:
        business = session.exec(select(Business).where(Business.slug == business_slug)).first()
        if business is None:
            raise InvalidInput(f"no business with slug {business_slug!r}")
        taken = session.exec(
            select(StaffMember).where(func.lower(StaffMember.email) == address)
        ).first()
        if taken:
            raise InvalidInput(f"{address} already has an account")
        session.add(
            StaffMember(
                business_id=business.id,
                name=name.strip(),
                email=address,
                role=Role.OWNER.value,
                password_hash=password_hash,
            )
        )
