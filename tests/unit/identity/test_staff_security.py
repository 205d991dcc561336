"""Staff sign-in hardening: over-long passwords, throttling per account and address, the
owner's unlock, and two-factor sign-in with an authenticator and recovery codes."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from portal_app.core.errors import InvalidInput
from portal_app.domain.audit.models import AuditEntry
from portal_app.domain.business.models import StaffMember
from portal_app.domain.demo_data import DEMO_OWNER_TOTP_SECRET, DEMO_STAFF_PASSWORD
from portal_app.domain.identity import two_factor
from portal_app.domain.identity.errors import (
    LinkInvalid,
    StaffLockedOut,
    StaffLoginFailed,
    TwoFactorExpired,
    TwoFactorInvalid,
)
from portal_app.domain.identity.models import StaffTwoFactor
from portal_app.domain.identity.service import redeem
from portal_app.domain.identity.sessions import resolve
from portal_app.domain.identity.staff_login import hash_password, staff_sign_in
from tests.factories import one, rows

OWNER = "sanne.devries@example.com"
STAFF = "daan.jansen@example.com"
ATTACKER, OFFICE = "203.0.113.7", "198.51.100.20"


def _code(ctx, secret=DEMO_OWNER_TOTP_SECRET, seconds: int = 0) -> str:
    return pyotp.TOTP(secret).at(ctx.clock.now() + timedelta(seconds=seconds))


def test_an_over_long_password_gets_the_normal_refusal(demo):
    for length in (1025, 5000, 100_000):
        with pytest.raises(StaffLoginFailed):
            staff_sign_in(demo, email=STAFF, password="x" * length, source=OFFICE)
    with pytest.raises(InvalidInput) as refused:
        hash_password("x" * 5000)
    assert refused.value.code == "staff.password_too_long"


def test_an_attacker_elsewhere_cannot_lock_out_the_real_person(demo):
    for _ in range(5):
        with pytest.raises(StaffLoginFailed):
            staff_sign_in(demo, email=STAFF, password="guess", source=ATTACKER)
    with pytest.raises(StaffLockedOut):
        staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=ATTACKER)
    outcome = staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    assert outcome.handoff


def test_one_address_guessing_many_accounts_is_blocked(demo):
    for number in range(30):
        with pytest.raises(StaffLoginFailed):
            staff_sign_in(demo, email=f"x{number}@example.com", password="guess", source=ATTACKER)
    with pytest.raises(StaffLockedOut):
        staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=ATTACKER)


def test_failures_and_blocks_are_in_the_audit_log(demo):
    for _ in range(6):
        with pytest.raises((StaffLoginFailed, StaffLockedOut)):
            staff_sign_in(demo, email=STAFF, password="guess", source=ATTACKER)
    events = [entry.event for entry in rows(demo, AuditEntry)]
    assert events == ["staff_sign_in_failed"] * 5 + ["staff_sign_in_throttled"]
    assert {entry.source for entry in rows(demo, AuditEntry)} == {ATTACKER}


def test_owner_needs_the_authenticator_code(demo):
    outcome = staff_sign_in(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    assert not outcome.handoff and outcome.challenge and outcome.enrolment is None
    with pytest.raises(LinkInvalid):  # the challenge is no sign-in token
        redeem(demo, outcome.challenge, None)
    with pytest.raises(TwoFactorInvalid):
        two_factor.verify_second_factor(demo, challenge=outcome.challenge, code="000000")
    handoff = two_factor.verify_second_factor(demo, challenge=outcome.challenge, code=_code(demo))
    cookie, _target = redeem(demo, handoff, None)
    assert resolve(demo, cookie).role == "owner"


def test_a_code_works_once_and_the_challenge_ends_after_five_failures(demo):
    first = staff_sign_in(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    code = _code(demo)
    two_factor.verify_second_factor(demo, challenge=first.challenge, code=code)
    second = staff_sign_in(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    with pytest.raises(TwoFactorInvalid):
        two_factor.verify_second_factor(demo, challenge=second.challenge, code=code)
    for _ in range(4):
        with pytest.raises(TwoFactorInvalid):
            two_factor.verify_second_factor(demo, challenge=second.challenge, code="123456")
    with pytest.raises(TwoFactorExpired):
        two_factor.verify_second_factor(
            demo, challenge=second.challenge, code=_code(demo, seconds=30)
        )


def test_enrolment_qr_code_and_one_time_recovery_codes(demo):
    daan = one(demo, StaffMember, StaffMember.email == STAFF)
    with demo.db.transaction() as session:
        session.add(StaffTwoFactor(staff_id=daan.id, required=True))
    outcome = staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    enrolment = outcome.enrolment
    assert enrolment is not None and enrolment.qr_data_uri.startswith("data:image/svg+xml")
    assert enrolment.uri.startswith("otpauth://totp/") and "Garage" in enrolment.uri
    with pytest.raises(TwoFactorExpired):  # no session before the authenticator works
        two_factor.finish_enrolment(demo, challenge=outcome.challenge)
    codes = two_factor.confirm_enrolment(
        demo, challenge=outcome.challenge, code=_code(demo, enrolment.secret)
    )
    assert len(codes) == 10 and len(set(codes)) == 10
    assert redeem(demo, two_factor.finish_enrolment(demo, challenge=outcome.challenge), None)
    [stored] = rows(
        demo, StaffTwoFactor, StaffTwoFactor.staff_id == daan.id, order=StaffTwoFactor.staff_id
    )
    assert stored.confirmed_at is not None
    again = staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    assert again.enrolment is None
    handoff = two_factor.verify_second_factor(demo, challenge=again.challenge, code=codes[0])
    assert redeem(demo, handoff, None)
    third = staff_sign_in(demo, email=STAFF, password=DEMO_STAFF_PASSWORD, source=OFFICE)
    with pytest.raises(TwoFactorInvalid):  # a recovery code works once
        two_factor.verify_second_factor(demo, challenge=third.challenge, code=codes[0])
    events = [entry.event for entry in rows(demo, AuditEntry)]
    assert "two_factor_enrolled" in events and "recovery_code_used" in events
