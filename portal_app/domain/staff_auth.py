"""Staff sign-in: e-mail + password (argon2 via the passlib API), with lockout."""

from __future__ import annotations

from datetime import timedelta

from passlib.context import CryptContext
from sqlalchemy import func
from sqlmodel import Session, select

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.errors import DomainError, InvalidInput
from portal_app.domain.models import Business, StaffMember

PASSWORDS = CryptContext(schemes=["argon2"], deprecated="auto")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
_DUMMY_HASH = PASSWORDS.hash("not-a-real-password")


class StaffLoginFailed(DomainError):
    code = "staff.login_failed"


class StaffLockedOut(DomainError):
    code = "staff.locked_out"


def hash_password(password: str) -> str:
    """An argon2 hash of a new password (at least 10 characters)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password too short", code="staff.password_too_short")
    return PASSWORDS.hash(password)


def staff_login(session: Session, *, email: object, password: object, clock) -> Actor:
    """The staff actor for correct credentials; lock the account after repeated failures."""
    address = email.strip().lower() if isinstance(email, str) else ""
    secret = password if isinstance(password, str) else ""
    member = session.exec(
        select(StaffMember).where(func.lower(StaffMember.email) == address)
    ).first()
    now = clock.now()
    if member is None or not member.active or not member.password_hash:
        PASSWORDS.verify(secret, _DUMMY_HASH)  # same cost whether or not the account exists
        raise StaffLoginFailed("unknown account")
    if member.locked_until is not None and member.locked_until > now:
        raise StaffLockedOut("locked")
    valid, new_hash = PASSWORDS.verify_and_update(secret, member.password_hash)
    if not valid:
        member.failed_logins += 1
        if member.failed_logins >= MAX_FAILURES:
            member.locked_until = now + LOCKOUT
            member.failed_logins = 0
        session.add(member)
        session.flush()
        raise StaffLoginFailed("wrong password")
    member.failed_logins = 0
    member.locked_until = None
    if new_hash:
        member.password_hash = new_hash
    session.add(member)
    session.flush()
    return Actor(ActorKind.STAFF, member.id, member.business_id, StaffRole(member.role))


def create_owner(session: Session, *, business_slug: str, name: str, email: str, password: str):
    """Create the first owner of a business (CLI); refuses an e-mail already in use."""
    business = session.exec(select(Business).where(Business.slug == business_slug)).first()
    if business is None:
        raise InvalidInput(f"no business with slug {business_slug!r}")
    address = email.strip().lower()
    if "@" not in address or not name.strip():
        raise InvalidInput("give a name and a valid e-mail address")
    if session.exec(select(StaffMember).where(func.lower(StaffMember.email) == address)).first():
        raise InvalidInput(f"{address} already has an account")
    member = StaffMember(
        business_id=business.id,
        name=name.strip(),
        email=address,
        role=StaffRole.OWNER.value,
        password_hash=hash_password(password),
    )
    session.add(member)
    session.flush()
    return member
