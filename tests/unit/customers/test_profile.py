"""Customers edit their own details (issue 9, item 9): name, channel and language at once;
a new e-mail address or mobile number only after the code sent to it is entered."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from portal_app.core.errors import InvalidInput, NotAllowed
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.customers import service as profiles
from portal_app.domain.customers.errors import (
    ContactCodeExpired,
    ContactCodeInvalid,
    EmailInUse,
    SameContact,
    SmsNeedsMobile,
    TooManyCodes,
)
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import profile
from portal_app.domain.identity.service import request_access_link
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    add_customer,
    book_first_option,
    customer_actor,
    one,
    rows,
    staff_actor,
)


def _new(ctx, **kwargs):
    _name, email, customer_id = add_customer(ctx, "Profiel", **kwargs)
    return customer_actor(ctx, email), email, customer_id


def _code(ctx, recipient: str) -> str:
    [message] = [m for m in rows(ctx, OutboxMessage) if m.recipient == recipient]
    assert message.kind == "contact_code"
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def test_name_channel_and_language_change_at_once_with_an_activity_line(demo):
    actor, _email, customer_id = _new(demo, mobile="0611223344")
    view = profiles.update_profile(
        demo, actor, name="  Anna de Wit ", preferred_channel="sms", locale="en"
    )
    assert (view.customer.name, view.customer.preferred_channel, view.customer.locale) == (
        "Anna de Wit",
        "sms",
        "en",
    )
    stored = one(demo, Customer, Customer.id == customer_id)
    assert (stored.name, stored.preferred_channel, stored.locale) == ("Anna de Wit", "sms", "en")
    assert one(demo, ActivityEntry, ActivityEntry.actor_id == customer_id).action == (
        "profile_updated"
    )
    assert profiles.choose_language(demo, actor, locale="nl") == "nl"
    assert one(demo, Customer, Customer.id == customer_id).locale == "nl"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": "", "preferred_channel": "email", "locale": "nl"}, InvalidInput),
        ({"name": "X", "preferred_channel": "fax", "locale": "nl"}, InvalidInput),
        ({"name": "X", "preferred_channel": "email", "locale": "de"}, InvalidInput),
        ({"name": "X" * 201, "preferred_channel": "email", "locale": "nl"}, InvalidInput),
        ({"name": "X", "preferred_channel": "sms", "locale": "nl"}, SmsNeedsMobile),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(demo, fields, error):
    actor, _email, customer_id = _new(demo)  # no mobile number
    before = one(demo, Customer, Customer.id == customer_id)
    with pytest.raises(error):
        profiles.update_profile(demo, actor, **fields)
    assert one(demo, Customer, Customer.id == customer_id) == before


def test_a_new_email_address_takes_effect_only_with_the_code_sent_to_it(demo):
    actor, old_email, customer_id = _new(demo)
    pending = profiles.request_contact_change(demo, actor, kind="email", value="New@Example.com")
    assert pending.pending_email == "new@example.com"
    assert pending.customer.email == old_email
    assert one(demo, Customer, Customer.id == customer_id).email == old_email
    code = _code(demo, "new@example.com")
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(ContactCodeInvalid):
        profiles.confirm_contact_change(demo, actor, kind="email", code=wrong)
    assert one(demo, Customer, Customer.id == customer_id).email == old_email
    done = profiles.confirm_contact_change(demo, actor, kind="email", code=code)
    assert done.customer.email == "new@example.com" and done.pending_email == ""
    assert one(demo, Customer, Customer.id == customer_id).email == "new@example.com"
    actions = [e.action for e in rows(demo, ActivityEntry, ActivityEntry.actor_id == customer_id)]
    assert actions == ["contact_changed"]
    with pytest.raises(ContactCodeInvalid):  # used once
        profiles.confirm_contact_change(demo, actor, kind="email", code=code)
    request_access_link(demo, email="new@example.com", client_ip=None)  # signs in with it
    assert any(m.kind == "access_link" for m in rows(demo, OutboxMessage))
    # The old address hears of it (a warning if someone else took the account over).
    [notice] = [m for m in rows(demo, OutboxMessage) if m.kind == "contact_changed"]
    assert (notice.channel, notice.recipient) == ("email", old_email)
    assert "n•••@example.com" in notice.body and "new@example.com" not in notice.body
    assert "Heb je dit niet zelf gedaan?" in notice.body


def test_a_new_mobile_number_gets_its_code_by_sms_and_a_wrong_code_counts(demo):
    actor, _email, customer_id = _new(demo)
    profiles.request_contact_change(demo, actor, kind="mobile", value="06 87654329")
    [sms] = rows(demo, OutboxMessage)
    assert (sms.channel, sms.recipient) == ("sms", "+31687654329") and len(sms.body) <= 160
    code = _code(demo, "+31687654329")
    wrong = "000000" if code != "000000" else "111111"
    for _attempt in range(5):
        with pytest.raises(ContactCodeInvalid):
            profiles.confirm_contact_change(demo, actor, kind="mobile", code=wrong)
    with pytest.raises(ContactCodeInvalid):  # dead after five wrong tries
        profiles.confirm_contact_change(demo, actor, kind="mobile", code=code)
    assert one(demo, Customer, Customer.id == customer_id).mobile == ""


def test_a_confirmed_mobile_number_is_announced_to_the_email_address_in_english(demo):
    actor, email, customer_id = _new(demo, locale="en")
    profiles.request_contact_change(demo, actor, kind="mobile", value="06 87654329")
    profiles.confirm_contact_change(demo, actor, kind="mobile", code=_code(demo, "+31687654329"))
    assert one(demo, Customer, Customer.id == customer_id).mobile == "+31687654329"
    [notice] = [m for m in rows(demo, OutboxMessage) if m.kind == "contact_changed"]
    assert (notice.channel, notice.recipient) == ("email", email)
    assert "Your mobile number has been changed to •••••••••329." in notice.body
    assert "+31687654329" not in notice.body


def test_an_expired_code_is_refused(demo):
    actor, _email, customer_id = _new(demo)
    profiles.request_contact_change(demo, actor, kind="mobile", value="0687654329")
    code = _code(demo, "+31687654329")
    demo.clock.advance(timedelta(minutes=11))
    with pytest.raises(ContactCodeExpired):
        profiles.confirm_contact_change(demo, actor, kind="mobile", code=code)
    assert profile(demo, actor).pending_mobile == ""


def test_the_same_address_an_address_in_use_and_too_many_requests_are_refused(demo):
    actor, email, _customer_id = _new(demo)
    with pytest.raises(SameContact):
        profiles.request_contact_change(demo, actor, kind="email", value=email.upper())
    with pytest.raises(InvalidInput):
        profiles.request_contact_change(demo, actor, kind="mobile", value="020 1234567")
    profiles.request_contact_change(demo, actor, kind="email", value="lucas@example.com")
    with pytest.raises(EmailInUse):
        profiles.confirm_contact_change(
            demo, actor, kind="email", code=_code(demo, "lucas@example.com")
        )
    for n in range(4):
        profiles.request_contact_change(demo, actor, kind="email", value=f"n{n}@example.com")
    with pytest.raises(TooManyCodes):
        profiles.request_contact_change(demo, actor, kind="email", value="late@example.com")


def test_staff_cannot_use_the_customer_profile_services(demo):
    with pytest.raises(NotAllowed):
        profiles.update_profile(
            demo, staff_actor(demo), name="X", preferred_channel="email", locale="nl"
        )
    with pytest.raises(NotAllowed):
        profiles.request_contact_change(demo, staff_actor(demo), kind="email", value="a@b.nl")


def _pending_reminder(ctx, appointment_id: int) -> OutboxMessage:
    return one(
        ctx,
        OutboxMessage,
        OutboxMessage.appointment_id == appointment_id,
        OutboxMessage.kind == "reminder",
        OutboxMessage.status == "pending",
    )


def test_a_pending_reminder_follows_the_new_address_channel_and_language(demo):
    actor, old_email, _customer_id = _new(demo, mobile="0611223344")
    booked = book_first_option(demo, actor)
    appointment_id = booked.id
    first = _pending_reminder(demo, appointment_id)
    assert (first.channel, first.recipient) == ("email", old_email)

    profiles.request_contact_change(demo, actor, kind="email", value="nieuw@example.com")
    profiles.confirm_contact_change(
        demo, actor, kind="email", code=_code(demo, "nieuw@example.com")
    )
    moved = _pending_reminder(demo, appointment_id)
    assert moved.recipient == "nieuw@example.com"
    assert moved.next_attempt_at == first.next_attempt_at
    assert one(demo, OutboxMessage, OutboxMessage.id == first.id).status == "withdrawn"

    profiles.update_profile(demo, actor, name="Profiel Test", preferred_channel="sms", locale="en")
    by_sms = _pending_reminder(demo, appointment_id)
    assert (by_sms.channel, by_sms.recipient) == ("sms", "+31611223344")
    assert by_sms.body.startswith("Reminder: MOT test (APK)")  # in English now
