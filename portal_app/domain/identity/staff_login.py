"""Staff sign-in: e-mail and password (argon2 through the passlib API), with lockout."""

from __future__ import annotations

from datetime import timedelta

from passlib.context import CryptContext
from sqlalchemy import func
from sqlmodel import Session, select

from portal_app.core import paths
from portal_app.core.actor import Actor, Role, staff
from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput
from portal_app.domain.business.models import Business, StaffMember
from portal_app.domain.identity.errors import PasswordTooShort, StaffLockedOut, StaffLoginFailed
from portal_app.domain.identity.service import issue_handoff

PASSWORDS = CryptContext(schemes=["argon2"], deprecated="auto")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
_DUMMY_HASH = PASSWORDS.hash("not-a-real-password")


def hash_password(password: str) -> str:
    """An argon2 hash of a new password (at least 10 characters)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooShort("password too short")
    return PASSWORDS.hash(password)


def staff_sign_in(ctx: Context, *, email: object, password: object) -> str:
    """A hand-off token for correct credentials; failures are counted and committed, and
    lock the account after five."""
    address = email.strip().lower() if isinstance(email, str) else ""
    secret = password if isinstance(password, str) else ""
    with ctx.db.transaction() as session:
        outcome = _check_password(session, ctx, address, secret)
        if isinstance(outcome, Actor):
            return issue_handoff(session, ctx, outcome, paths.STAFF)
    raise outcome


def _check_password(session: Session, ctx: Context, address: str, secret: str):
    member = session.exec(
        select(StaffMember).where(func.lower(StaffMember.email) == address)
    ).first()
    now = ctx.clock.now()
    if member is None or not member.active or not member.password_hash:
        PASSWORDS.verify(secret, _DUMMY_HASH)  # same cost whether or not the account exists
        return StaffLoginFailed("unknown account")
    if member.locked_until is not None and member.locked_until > now:
        return StaffLockedOut("locked")
    valid, new_hash = PASSWORDS.verify_and_update(secret, member.password_hash)
    if not valid:
        member.failed_logins += 1
        if member.failed_logins >= MAX_FAILURES:
            member.locked_until = now + LOCKOUT
            member.failed_logins = 0
        session.add(member)
        return StaffLoginFailed("wrong password")
    member.failed_logins = 0
    member.locked_until = None
    if new_hash:
        member.password_hash = new_hash
    session.add(member)
    session.flush()
    return staff(member.id, member.business_id, member.role)


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
