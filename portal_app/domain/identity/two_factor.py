"""Two-factor sign-in for staff: an authenticator app (TOTP, pyotp) and recovery codes.

After a correct password, a staff member who needs a second factor (every owner; other
staff when the owner requires it) gets a challenge instead of a session. A confirmed
authenticator answers it with a 6-digit code (each code works once) or a one-time
recovery code; someone without one first scans a QR code and confirms a code, and is
shown ten recovery codes once. Five wrong codes end the challenge.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
import segno
from sqlmodel import Session, col, select

from portal_app.core import paths
from portal_app.core.actor import Role, staff
from portal_app.core.context import Context
from portal_app.core.tokens import hash_secret, matches_salted, new_secret, salted_hash
from portal_app.domain.audit.service import record
from portal_app.domain.business.models import Business, StaffMember
from portal_app.domain.identity.errors import TwoFactorExpired, TwoFactorInvalid
from portal_app.domain.identity.models import RecoveryCode, StaffTwoFactor, TwoFactorChallenge
from portal_app.domain.identity.service import issue_handoff
from portal_app.domain.identity.throttle import count_failure

CHALLENGE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5
RECOVERY_CODES = 10
STEP_SECONDS = 30


@dataclass(frozen=True)
class Enrolment:
    """What a staff member needs to add the portal to an authenticator app."""

    secret: str
    uri: str
    qr_data_uri: str


def needs_second_factor(member: StaffMember, row: StaffTwoFactor | None) -> bool:
    """Owners always; others when the owner requires it or they set it up themselves."""
    if member.role == Role.OWNER.value:
        return True
    return row is not None and (row.required or row.confirmed_at is not None)


def open_challenge(session: Session, ctx: Context, member: StaffMember) -> str:
    """A fresh challenge for a staff member whose password was right; its raw token."""
    raw, now = new_secret(), ctx.clock.now()
    session.add(
        TwoFactorChallenge(
            token_hash=hash_secret(raw),
            staff_id=member.id,
            created_at=now,
            expires_at=now + CHALLENGE_LIFETIME,
        )
    )
    session.flush()
    return raw


def _challenge(
    session: Session, ctx: Context, raw: object
) -> tuple[TwoFactorChallenge, StaffMember]:
    if not isinstance(raw, str) or not 20 <= len(raw) <= 100:
        raise TwoFactorExpired("no challenge")
    row = session.exec(
        select(TwoFactorChallenge).where(TwoFactorChallenge.token_hash == hash_secret(raw))
    ).first()
    now = ctx.clock.now()
    if row is None or row.used_at is not None or now >= row.expires_at:
        raise TwoFactorExpired("challenge over")
    if row.failed_attempts >= MAX_ATTEMPTS:
        raise TwoFactorExpired("too many attempts")
    member = session.get(StaffMember, row.staff_id)
    if member is None or not member.active:
        raise TwoFactorExpired("staff member gone")
    return row, member


def _settings(session: Session, member: StaffMember) -> StaffTwoFactor:
    row = session.get(StaffTwoFactor, member.id)
    if row is None:
        row = StaffTwoFactor(staff_id=member.id)
        session.add(row)
    return row


def _matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The 30-second step (now, or one before or after) whose code is `code`."""
    if not (len(code) == 6 and code.isdigit()) or not secret:
        return None
    totp = pyotp.TOTP(secret)
    for offset in (0, -1, 1):
        moment = now + timedelta(seconds=offset * STEP_SECONDS)
        if hmac.compare_digest(totp.at(moment), code):
            return totp.timecode(moment)
    return None


def _failed(session, ctx, row, member, source) -> None:
    row.failed_attempts += 1
    session.add(row)
    count_failure(session, ctx, member.id, source)
    record(
        session,
        "two_factor_failed",
        at=ctx.clock.now(),
        business_id=member.business_id,
        subject_kind="staff",
        subject_id=member.id,
        source=source,
    )


def _handoff(session: Session, ctx: Context, row: TwoFactorChallenge, member: StaffMember) -> str:
    now = ctx.clock.now()
    row.used_at = now
    session.add(row)
    actor = staff(member.id, member.business_id, member.role)
    record(session, "staff_signed_in", at=now, business_id=member.business_id, actor=actor)
    return issue_handoff(session, ctx, actor, paths.STAFF)


def verify_second_factor(
    ctx: Context, *, challenge: object, code: object, source: str | None = None
) -> str:
    """A hand-off token for a correct authenticator or recovery code; wrong codes are
    counted and committed before TwoFactorInvalid is raised."""
    entered = code.strip().replace(" ", "").replace("-", "") if isinstance(code, str) else ""
    with ctx.db.transaction() as session:
        row, member = _challenge(session, ctx, challenge)
        settings = session.get(StaffTwoFactor, member.id)
        if settings is None or settings.confirmed_at is None:
            raise TwoFactorExpired("no authenticator yet")
        now = ctx.clock.now()
        step = _matching_step(settings.secret, entered, now)
        if step is not None and step > settings.last_step:
            settings.last_step = step
            session.add(settings)
            return _handoff(session, ctx, row, member)
        if step is None and _use_recovery_code(session, ctx, member, entered.lower()):
            return _handoff(session, ctx, row, member)
        _failed(session, ctx, row, member, source)
    raise TwoFactorInvalid("wrong code")


def _use_recovery_code(session: Session, ctx: Context, member: StaffMember, entered: str) -> bool:
    if len(entered) != 10:
        return False
    live = session.exec(
        select(RecoveryCode).where(
            RecoveryCode.staff_id == member.id, col(RecoveryCode.used_at).is_(None)
        )
    ).all()
    for stored in live:
        if matches_salted(entered, stored.code_hash):
            stored.used_at = ctx.clock.now()
            session.add(stored)
            record(
                session,
                "recovery_code_used",
                at=ctx.clock.now(),
                business_id=member.business_id,
                subject_kind="staff",
                subject_id=member.id,
            )
            return True
    return False


def begin_enrolment(ctx: Context, *, challenge: object) -> Enrolment:
    """A new secret, its otpauth:// address and QR code, for someone without a confirmed
    authenticator."""
    with ctx.db.transaction() as session:
        _row, member = _challenge(session, ctx, challenge)
        return start_enrolment(session, member)


def start_enrolment(session: Session, member: StaffMember) -> Enrolment:
    """A new secret for a staff member without a confirmed authenticator, in the
    caller's transaction."""
    settings = _settings(session, member)
    if settings.confirmed_at is not None:
        raise TwoFactorExpired("already enrolled")
    settings.secret = pyotp.random_base32()
    business = session.get(Business, member.business_id)
    session.add(settings)
    return enrolment_of(settings.secret, member.email, business.name if business else "")


def enrolment_of(secret: str, email: str, issuer: str) -> Enrolment:
    """The address and QR code (an inline SVG data URI) of a TOTP secret."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer or "Klantportaal")
    qr = segno.make(uri, error="m").svg_data_uri(scale=5, border=2)
    return Enrolment(secret, uri, qr)


def confirm_enrolment(
    ctx: Context, *, challenge: object, code: object, source: str | None = None
) -> list[str]:
    """Confirm the new authenticator with one of its codes; the ten recovery codes
    (shown once, stored hashed). The challenge is then passed: `finish_enrolment`."""
    entered = code.strip().replace(" ", "") if isinstance(code, str) else ""
    with ctx.db.transaction() as session:
        row, member = _challenge(session, ctx, challenge)
        settings = _settings(session, member)
        now = ctx.clock.now()
        step = _matching_step(settings.secret, entered, now)
        if settings.confirmed_at is None and step is not None:
            settings.confirmed_at, settings.last_step = now, step
            row.passed_at = now
            session.add_all([settings, row])
            codes = new_recovery_codes(session, member.id)
            record(
                session,
                "two_factor_enrolled",
                at=now,
                business_id=member.business_id,
                subject_kind="staff",
                subject_id=member.id,
            )
            return codes
        _failed(session, ctx, row, member, source)
    raise TwoFactorInvalid("wrong code")


def new_recovery_codes(session: Session, staff_id: int) -> list[str]:
    """Replace a staff member's recovery codes by ten new ones; the raw codes."""
    for old in session.exec(select(RecoveryCode).where(RecoveryCode.staff_id == staff_id)).all():
        session.delete(old)
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = ["".join(secrets.choice(alphabet) for _ in range(10)) for _ in range(RECOVERY_CODES)]
    session.add_all(RecoveryCode(staff_id=staff_id, code_hash=salted_hash(c)) for c in codes)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def finish_enrolment(ctx: Context, *, challenge: object) -> str:
    """The hand-off token after a confirmed enrolment."""
    with ctx.db.transaction() as session:
        row, member = _challenge(session, ctx, challenge)
        if row.passed_at is None:
            raise TwoFactorExpired("not confirmed")
        return _handoff(session, ctx, row, member)
