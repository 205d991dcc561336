"""Invitations: options on the fly, more options, preferred date, decline, no options."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from portal_app.domain import invitations
from portal_app.domain.errors import InvalidInput, NotAllowed, NotFound
from portal_app.domain.models import (
    BackofficeTask,
    BusinessSettings,
    Customer,
    Invitation,
    OutboxMessage,
)
from tests.unit.booking_helpers import PUBLIC, customer_actor, service_id, staff_actor


def _invite(session, clock, email="emma@example.com", service="APK-keuring"):
    owner = staff_actor(session, "Sanne de Vries")
    customer = session.exec(select(Customer).where(Customer.email == email)).one()
    return invitations.invite(
        session,
        owner,
        clock,
        customer_id=customer.id,
        service_id=service_id(session, service),
        public_url=PUBLIC,
    )


def test_invite_mails_a_link_to_the_options_page(demo, clock):
    invitation = _invite(demo, clock)
    mail = demo.exec(select(OutboxMessage)).one()
    assert mail.kind == "invitation" and mail.recipient == "emma@example.com"
    assert f"{PUBLIC}/auth/link?token=" in mail.body
    assert invitation.status == "open"


def test_mechanic_cannot_invite(demo, clock):
    mechanic = staff_actor(demo, "Pieter Bakker")
    with pytest.raises(NotAllowed):
        invitations.invite(demo, mechanic, clock, customer_id=1, service_id=1, public_url=PUBLIC)


def test_reload_shows_the_same_round_and_more_never_repeats(demo, clock):
    invitation = _invite(demo, clock)
    emma = customer_actor(demo, "emma@example.com")
    first = invitations.show_options(demo, emma, clock, invitation_id=invitation.id)
    again = invitations.show_options(demo, emma, clock, invitation_id=str(invitation.id))
    assert first.options == again.options and len(first.options) == 3
    seen = {o.key for o in first.options}
    for _ in range(2):
        more = invitations.show_options(demo, emma, clock, invitation_id=invitation.id, more=True)
        keys = {o.key for o in more.options}
        assert keys and not keys & seen
        seen |= keys
    assert not more.can_request_more  # max_option_rounds = 3
    with pytest.raises(invitations.NoMoreRounds):
        invitations.show_options(demo, emma, clock, invitation_id=invitation.id, more=True)


def test_more_options_can_be_switched_off(demo, clock):
    demo.get(BusinessSettings, 1).more_options_enabled = False
    invitation = _invite(demo, clock)
    emma = customer_actor(demo, "emma@example.com")
    view = invitations.show_options(demo, emma, clock, invitation_id=invitation.id)
    assert not view.can_request_more
    with pytest.raises(NotAllowed):
        invitations.show_options(demo, emma, clock, invitation_id=invitation.id, more=True)


def test_preferred_date_gives_options_near_that_day(demo, clock):
    invitation = _invite(demo, clock)
    emma = customer_actor(demo, "emma@example.com")
    day = (clock.now() + timedelta(days=20)).date()
    view = invitations.show_options(
        demo, emma, clock, invitation_id=invitation.id, preferred_date=day.isoformat()
    )
    tz = ZoneInfo("Europe/Amsterdam")
    distances = [abs((o.start_utc.astimezone(tz).date() - day).days) for o in view.options]
    assert view.options and max(distances) <= 3


def test_booking_an_option_closes_the_invitation(demo, clock):
    invitation = _invite(demo, clock)
    emma = customer_actor(demo, "emma@example.com")
    option = invitations.show_options(demo, emma, clock, invitation_id=invitation.id).options[1]
    appointment = invitations.book_invitation_option(
        demo,
        emma,
        clock,
        invitation_id=invitation.id,
        staff_id=option.staff_id,
        start=option.start_utc.isoformat(),
        public_url=PUBLIC,
    )
    assert appointment.start_utc == option.start_utc
    assert invitation.status == "booked" and invitation.appointment_id == appointment.id
    assert invitations.show_options(demo, emma, clock, invitation_id=invitation.id).status == (
        "booked"
    )


def test_decline_becomes_a_backoffice_task_with_the_message(demo, clock):
    invitation = _invite(demo, clock)
    emma = customer_actor(demo, "emma@example.com")
    with pytest.raises(InvalidInput):
        invitations.decline_options(demo, emma, clock, invitation_id=invitation.id, message="  ")
    invitations.decline_options(
        demo, emma, clock, invitation_id=invitation.id, message="Alleen op vrijdagmiddag"
    )
    task = demo.exec(select(BackofficeTask)).one()
    assert task.kind == "options_declined" and task.message == "Alleen op vrijdagmiddag"
    assert task.customer_id == emma.id


def test_no_options_outside_the_service_area_creates_one_task(demo, clock):
    far = Customer(
        business_id=1,
        name="Gerrit Groningen",
        email="gerrit@example.com",
        postcode="9711 AA",
        city="Groningen",
        latitude=53.219,
        longitude=6.566,
    )
    demo.add(far)
    demo.flush()
    invitation = _invite(demo, clock, email="gerrit@example.com")
    gerrit = customer_actor(demo, "gerrit@example.com")
    view = invitations.show_options(demo, gerrit, clock, invitation_id=invitation.id)
    assert view.options == () and view.reason == "outside_service_area"
    invitations.show_options(demo, gerrit, clock, invitation_id=invitation.id)
    tasks = demo.exec(select(BackofficeTask)).all()
    assert [(t.kind, t.reason) for t in tasks] == [("no_options", "outside_service_area")]


def test_someone_elses_invitation_is_not_found(demo, clock):
    invitation = _invite(demo, clock)
    lucas = customer_actor(demo, "lucas@example.com")
    for call in (
        lambda: invitations.show_options(demo, lucas, clock, invitation_id=invitation.id),
        lambda: invitations.decline_options(
            demo, lucas, clock, invitation_id=invitation.id, message="x"
        ),
        lambda: invitations.book_invitation_option(
            demo,
            lucas,
            clock,
            invitation_id=invitation.id,
            staff_id=2,
            start="2026-12-01T09:00:00+00:00",
            public_url=PUBLIC,
        ),
    ):
        with pytest.raises(NotFound):
            call()
    assert demo.get(Invitation, invitation.id).status == "open"
