"""Staff passwords (argon2 through the passlib API) and lockout."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from portal_app.core.actor import Role
from portal_app.core.errors import InvalidInput
from portal_app.domain.business.models import StaffMember
from portal_app.domain.demo_data import DEMO_OWNER_TOTP_SECRET, DEMO_STAFF_PASSWORD
from portal_app.domain.identity.errors import StaffLockedOut, StaffLoginFailed
from portal_app.domain.identity.service import redeem
from portal_app.domain.identity.sessions import resolve
from portal_app.domain.identity.staff_login import create_owner, staff_sign_in
from portal_app.domain.identity.two_factor import (
    confirm_enrolment,
    finish_enrolment,
    verify_second_factor,
)
from tests.factories import one

OWNER = "sanne.devries@example.com"


def _signed_in(ctx, **credentials):
    outcome = staff_sign_in(ctx, **credentials)
    handoff = outcome.handoff
    if outcome.enrolment is not None:  # a new owner sets up the authenticator first
        code = totp_code(ctx, outcome.enrolment.secret)
        confirm_enrolment(ctx, challenge=outcome.challenge, code=code)
        handoff = finish_enrolment(ctx, challenge=outcome.challenge)
    elif not handoff:
        handoff = verify_second_factor(ctx, challenge=outcome.challenge, code=totp_code(ctx))
    cookie, target = redeem(ctx, handoff, None)
    assert target == "/staff"
    return resolve(ctx, cookie)


def totp_code(ctx, secret: str = DEMO_OWNER_TOTP_SECRET) -> str:
    """The authenticator's code at the test clock's time."""
    return pyotp.TOTP(secret).at(ctx.clock.now())


def test_password_is_stored_as_argon2(demo):
    member = one(demo, StaffMember, StaffMember.email == OWNER)
    assert member.password_hash.startswith("$argon2")
    assert DEMO_STAFF_PASSWORD not in member.password_hash


def test_owner_signs_in_with_role(demo):
    actor = _signed_in(demo, email=OWNER.upper(), password=DEMO_STAFF_PASSWORD)
    assert actor.is_staff and actor.role == Role.OWNER


def test_wrong_password_and_unknown_account_fail_alike(demo):
    with pytest.raises(StaffLoginFailed):
        staff_sign_in(demo, email=OWNER, password="wrong-password")
    with pytest.raises(StaffLoginFailed):
        staff_sign_in(demo, email="nobody@example.com", password="x")
    with pytest.raises(StaffLoginFailed):
        staff_sign_in(demo, email={"x": 1}, password=["x"])


def test_lockout_after_five_failures_then_release(demo):
    for _ in range(5):
        with pytest.raises(StaffLoginFailed):
            staff_sign_in(demo, email=OWNER, password="wrong-password", source="10.0.0.9")
    with pytest.raises(StaffLockedOut):
        staff_sign_in(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, source="10.0.0.9")
    demo.clock.advance(timedelta(minutes=16))
    assert _signed_in(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, source="10.0.0.9").is_staff


def test_create_owner_checks_input(demo):
    create_owner(
        demo,
        business_slug="demo",
        name="Nieuwe Eigenaar",
        email="baas@example.com",
        password="een-lang-wachtwoord",
    )
    actor = _signed_in(demo, email="baas@example.com", password="een-lang-wachtwoord")
    assert actor.role == Role.OWNER
    with pytest.raises(InvalidInput):
        create_owner(
            demo,
            business_slug="demo",
            name="X",
            email="baas@example.com",
            password="een-lang-wachtwoord",
        )
    with pytest.raises(InvalidInput):
        create_owner(demo, business_slug="demo", name="X", email="y@example.com", password="kort")
