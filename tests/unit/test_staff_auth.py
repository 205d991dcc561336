"""Staff passwords (argon2 through passlib) and lockout."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.domain.actor import StaffRole
from portal_app.domain.demo_data import DEMO_STAFF_PASSWORD
from portal_app.domain.errors import InvalidInput
from portal_app.domain.models import StaffMember
from portal_app.domain.staff_auth import (
    StaffLockedOut,
    StaffLoginFailed,
    create_owner,
    staff_login,
)

OWNER = "sanne.devries@example.com"


def test_password_is_stored_as_argon2(demo):
    member = demo.exec(select(StaffMember).where(StaffMember.email == OWNER)).one()
    assert member.password_hash.startswith("$argon2")
    assert DEMO_STAFF_PASSWORD not in member.password_hash


def test_owner_signs_in_with_role(demo, clock):
    actor = staff_login(demo, email=OWNER.upper(), password=DEMO_STAFF_PASSWORD, clock=clock)
    assert actor.is_staff and actor.role == StaffRole.OWNER


def test_wrong_password_and_unknown_account_fail_alike(demo, clock):
    with pytest.raises(StaffLoginFailed):
        staff_login(demo, email=OWNER, password="wrong-password", clock=clock)
    with pytest.raises(StaffLoginFailed):
        staff_login(demo, email="nobody@example.com", password="x", clock=clock)
    with pytest.raises(StaffLoginFailed):
        staff_login(demo, email={"x": 1}, password=["x"], clock=clock)


def test_lockout_after_five_failures_then_release(demo, clock):
    for _ in range(5):
        with pytest.raises(StaffLoginFailed):
            staff_login(demo, email=OWNER, password="wrong-password", clock=clock)
    with pytest.raises(StaffLockedOut):
        staff_login(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, clock=clock)
    clock.advance(timedelta(minutes=16))
    assert staff_login(demo, email=OWNER, password=DEMO_STAFF_PASSWORD, clock=clock).is_staff


def test_create_owner_checks_input(demo, clock):
    create_owner(
        demo,
        business_slug="demo",
        name="Nieuwe Eigenaar",
        email="baas@example.com",
        password="een-lang-wachtwoord",
    )
    assert (
        staff_login(
            demo, email="baas@example.com", password="een-lang-wachtwoord", clock=clock
        ).role
        == StaffRole.OWNER
    )
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
