"""Every message to a customer goes by the preferred channel (issue 9, item 1).

SMS when the customer prefers it and a valid mobile number is known, else e-mail. An
e-mail keeps its calendar file; an SMS carries a short link (/l/<token>) that opens the
same Continue page and fits one 160-character SMS.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from starlette.testclient import TestClient

from portal_app import runtime
from portal_app.core import paths
from portal_app.domain.appointments import service as booking
from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.identity.service import redeem
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.templates import render_message
from portal_app.web.routes import build_routes
from tests.factories import (
    PUBLIC,
    add_appointment,
    add_customer,
    at,
    book_first_option,
    business_id,
    customer_actor,
    invite,
    rows,
    working_day,
)

SHORT_LINK = re.compile(re.escape(PUBLIC) + r"/l/([A-Za-z0-9_-]{16})(?=\s|$)")
SMS_LIMIT = 160


def _customer(ctx, channel: str):
    mobile = "06 11223344" if channel == "sms" else "06 55667788"
    _name, email, customer_id = add_customer(ctx, channel.title(), channel=channel, mobile=mobile)
    return customer_actor(ctx, email), email


def _messages(ctx, kind: str) -> list[OutboxMessage]:
    return [m for m in rows(ctx, OutboxMessage) if m.kind == kind]


def _assert_by_channel(message: OutboxMessage, channel: str, email: str, with_file: bool):
    if channel == "sms":
        assert (message.channel, message.recipient) == ("sms", "+31611223344")
        assert message.attachment_content == "" and message.html_body == ""
        assert len(message.body) <= SMS_LIMIT, message.body
        assert "/auth/link" not in message.body
    else:
        assert (message.channel, message.recipient) == ("email", email)
        assert ("BEGIN:VCALENDAR" in message.attachment_content) == with_file


@pytest.mark.parametrize("channel", ["sms", "email"])
def test_confirmation_reschedule_and_cancel_go_by_the_preferred_channel(demo, channel):
    actor, email = _customer(demo, channel)
    appointment = book_first_option(demo, actor)
    [confirmation] = _messages(demo, "booking_confirmation")
    _assert_by_channel(confirmation, channel, email, with_file=True)

    start = at(working_day(demo, 9), 10)
    moving = add_appointment(demo, actor.id, start)  # a second one, to move
    booking.reschedule(demo, actor, appointment_id=moving, start=start + timedelta(hours=1))
    [moved] = _messages(demo, "rescheduled")
    _assert_by_channel(moved, channel, email, with_file=True)

    booking.cancel(demo, actor, appointment_id=appointment.id)
    [cancelled] = _messages(demo, "cancelled")
    _assert_by_channel(cancelled, channel, email, with_file=True)
    if channel == "sms":
        assert SHORT_LINK.search(confirmation.body) and SHORT_LINK.search(moved.body)


@pytest.mark.parametrize("channel", ["sms", "email"])
def test_reminder_goes_by_the_preferred_channel(demo, channel):
    actor, email = _customer(demo, channel)
    with demo.db.transaction() as session:  # a reminder one hour before every booking
        session.get(BusinessSettings, business_id(demo)).reminder_hours = 1
    book_first_option(demo, actor)
    [reminder] = [m for m in _messages(demo, "reminder") if m.recipient in (email, "+31611223344")]
    _assert_by_channel(reminder, channel, email, with_file=False)


@pytest.mark.parametrize("channel", ["sms", "email"])
def test_invitation_goes_by_the_preferred_channel(demo, channel):
    actor, email = _customer(demo, channel)
    invite(demo, actor.id)
    [invitation] = _messages(demo, "invitation")
    _assert_by_channel(invitation, channel, email, with_file=False)
    link = SHORT_LINK.search(invitation.body) if channel == "sms" else None
    assert bool(link) == (channel == "sms")
    if channel == "email":
        assert f"{PUBLIC}/auth/link?token=" in invitation.body


def test_sms_without_a_valid_mobile_number_falls_back_to_email(demo):
    _name, email, customer_id = add_customer(demo, "Vast", channel="sms", mobile="020 1234567")
    invite(demo, customer_id)
    [invitation] = _messages(demo, "invitation")
    assert (invitation.channel, invitation.recipient) == ("email", email)


def test_the_short_link_opens_the_continue_page_and_signs_in_once(demo):
    actor, _email = _customer(demo, "sms")
    invitation_id = invite(demo, actor.id)
    [sms] = _messages(demo, "invitation")
    token = SHORT_LINK.search(sms.body).group(1)
    runtime.use_context(demo)
    try:
        page = TestClient(build_routes(), base_url=PUBLIC).get(paths.short_link(token))
    finally:
        runtime.use_context(None)
    assert page.status_code == 200
    assert f'value="{token}"' in page.text and f'action="{paths.AUTH_LINK}"' in page.text
    _cookie, target = redeem(demo, token, None)
    assert target == paths.invitation(invitation_id)


KINDS_WITH_LINKS = {
    "booking_confirmation": "reschedule_link",
    "reminder": "reschedule_link",
    "rescheduled": "reschedule_link",
    "invitation": "options_link",
}


@pytest.mark.parametrize("locale", ["nl", "en"])
@pytest.mark.parametrize("kind", sorted(KINDS_WITH_LINKS) + ["cancelled", "booking_requested"])
def test_every_appointment_sms_fits_one_message_with_its_short_link(locale, kind):
    values = {
        "customer_name": "Alexandra van der Berg-Jansen",
        "business_name": "Garage De Vries",
        "service_name": "Kleine onderhoudsbeurt",
        "start": "wo 30 dec 2026 14:30",
        "staff_name": "Fatima El Amrani",
        "customer_panel_url": f"{PUBLIC}/portal",
        "reschedule_link": f"{PUBLIC}/l/" + "x" * 16,
        "options_link": f"{PUBLIC}/l/" + "x" * 16,
    }
    sms = render_message(kind, locale, values, channel="sms").body
    assert len(sms) <= SMS_LIMIT, (len(sms), sms)
    if kind in KINDS_WITH_LINKS:
        assert values[KINDS_WITH_LINKS[kind]] in sms
