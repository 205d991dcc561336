"""Invitations: options on the fly, more options, preferred date, decline, no options."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from portal_app.core.errors import InvalidInput, NotAllowed, NotFound
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.invitations import service as invitations
from portal_app.domain.invitations.errors import NoMoreRounds
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    PUBLIC,
    add_customer,
    business_id,
    customer_actor,
    invite,
    one,
    rows,
    staff_actor,
)


def _emma(ctx):
    return customer_actor(ctx, "emma@example.com")


def test_invite_sends_a_link_to_the_options_page_by_the_preferred_channel(demo):
    lucas = customer_actor(demo, "lucas@example.com")  # prefers e-mail
    emma = _emma(demo)  # prefers SMS and has a mobile number
    invitation_id = invite(demo, lucas.id)
    invite(demo, emma.id)
    mail, sms = rows(demo, OutboxMessage)
    assert (mail.kind, mail.channel, mail.recipient) == ("invitation", "email", "lucas@example.com")
    assert f"{PUBLIC}/auth/link?token=" in mail.body
    assert (sms.channel, sms.recipient) == ("sms", "+31612345678")
    assert f"{PUBLIC}/l/" in sms.body and len(sms.body) <= 160  # the short link
    assert one(demo, Invitation, Invitation.id == invitation_id).status == "open"


def test_mechanic_cannot_invite(demo):
    mechanic = staff_actor(demo, "Pieter Bakker")
    with pytest.raises(NotAllowed):
        invitations.invite(demo, mechanic, customer_id=1, service_id=1)


def test_reload_shows_the_same_round_and_more_never_repeats(demo):
    emma = _emma(demo)
    invitation_id = invite(demo, emma.id)
    first = invitations.show_options(demo, emma, invitation_id=invitation_id)
    again = invitations.show_options(demo, emma, invitation_id=str(invitation_id))
    assert first.options == again.options and len(first.options) == 3
    starts = [o.start_utc for o in first.options]
    assert starts == sorted(starts)  # shown by time
    seen = {o.key for o in first.options}
    for _ in range(2):
        more = invitations.show_options(demo, emma, invitation_id=invitation_id, more=True)
        keys = {o.key for o in more.options}
        assert keys and not keys & seen
        seen |= keys
    assert not more.can_request_more  # max_option_rounds = 3
    with pytest.raises(NoMoreRounds):
        invitations.show_options(demo, emma, invitation_id=invitation_id, more=True)


def test_more_options_can_be_switched_off(demo):
    with demo.db.transaction() as session:
        session.get(BusinessSettings, business_id(demo)).more_options_enabled = False
    emma = _emma(demo)
    invitation_id = invite(demo, emma.id)
    assert not invitations.show_options(demo, emma, invitation_id=invitation_id).can_request_more
    with pytest.raises(NotAllowed):
        invitations.show_options(demo, emma, invitation_id=invitation_id, more=True)


def test_preferred_date_gives_options_near_that_day(demo):
    emma = _emma(demo)
    invitation_id = invite(demo, emma.id)
    day = (demo.clock.now() + timedelta(days=20)).date()
    view = invitations.show_options(
        demo, emma, invitation_id=invitation_id, preferred_date=day.isoformat()
    )
    tz = ZoneInfo("Europe/Amsterdam")
    distances = [abs((o.start_utc.astimezone(tz).date() - day).days) for o in view.options]
    assert view.options and max(distances) <= 3


def test_booking_an_option_closes_the_invitation(demo):
    emma = _emma(demo)
    invitation_id = invite(demo, emma.id)
    option = invitations.show_options(demo, emma, invitation_id=invitation_id).options[1]
    booked = invitations.book_option(
        demo,
        emma,
        invitation_id=invitation_id,
        staff_id=option.staff_id,
        start=option.start_utc.isoformat(),
    )
    assert booked.appointment.start_utc == option.start_utc and booked.channel == "sms"
    invitation = one(demo, Invitation, Invitation.id == invitation_id)
    assert invitation.status == "booked" and invitation.appointment_id == booked.appointment.id
    assert invitations.show_options(demo, emma, invitation_id=invitation_id).status == "booked"


def test_decline_becomes_a_backoffice_task_with_the_message(demo):
    emma = _emma(demo)
    invitation_id = invite(demo, emma.id)
    with pytest.raises(InvalidInput):
        invitations.decline_options(demo, emma, invitation_id=invitation_id, message="  ")
    invitations.decline_options(
        demo, emma, invitation_id=invitation_id, message="Alleen op vrijdagmiddag"
    )
    task = one(demo, BackofficeTask)
    assert task.kind == "options_declined" and task.message == "Alleen op vrijdagmiddag"
    assert task.customer_id == emma.id


def test_no_options_outside_the_service_area_creates_one_task(demo):
    _name, email, customer_id = add_customer(demo, "Gerrit", far_away=True)
    invitation_id = invite(demo, customer_id)
    gerrit = customer_actor(demo, email)
    view = invitations.show_options(demo, gerrit, invitation_id=invitation_id)
    assert view.options == () and view.reason == "outside_service_area"
    invitations.show_options(demo, gerrit, invitation_id=invitation_id)
    tasks = rows(demo, BackofficeTask)
    assert [(t.kind, t.reason) for t in tasks] == [("no_options", "outside_service_area")]


def test_someone_elses_invitation_is_not_found(demo):
    invitation_id = invite(demo, _emma(demo).id)
    lucas = customer_actor(demo, "lucas@example.com")
    for call in (
        lambda: invitations.show_options(demo, lucas, invitation_id=invitation_id),
        lambda: invitations.decline_options(demo, lucas, invitation_id=invitation_id, message="x"),
        lambda: invitations.book_option(
            demo,
            lucas,
            invitation_id=invitation_id,
            staff_id=2,
            start="2026-12-01T09:00:00+00:00",
        ),
    ):
        with pytest.raises(NotFound):
            call()
    assert one(demo, Invitation, Invitation.id == invitation_id).status == "open"
