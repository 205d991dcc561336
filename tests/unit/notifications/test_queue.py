"""queue_message: validated recipients, rendered text, same transaction, no commit."""

from __future__ import annotations

import pytest
from sqlmodel import select

from portal_app.domain.errors import InvalidInput
from portal_app.domain.models import Business, OutboxMessage
from portal_app.domain.notifications import MissingValue, UnknownPlaceholder
from portal_app.domain.outbox import queue_message

VALUES = {
    "customer_name": "Emma de Boer",
    "business_name": "Demo",
    "code": "123456",
    "valid_minutes": "10",
}


@pytest.fixture
def business_id(demo):
    return demo.exec(select(Business.id)).first()


def _queue(session, business_id, clock, **kwargs):
    params = dict(
        business_id=business_id,
        channel="email",
        recipient="Emma@Example.COM",
        kind="login_code",
        locale="nl",
        values=VALUES,
        clock=clock,
    )
    params.update(kwargs)
    return queue_message(session, **params)


def test_queued_row_is_pending_and_due_now_but_not_committed(demo, business_id, clock):
    message = _queue(demo, business_id, clock)
    assert message in demo.new
    assert message.recipient == "Emma@example.com"
    assert message.status == "pending" and message.attempts == 0
    assert message.next_attempt_at == clock.now() == message.created_at
    assert message.subject == "Je inlogcode voor Demo" and "123456" in message.body
    demo.rollback()
    assert demo.exec(select(OutboxMessage)).all() == []


def test_queued_row_is_written_with_the_callers_commit(demo, business_id, clock):
    _queue(demo, business_id, clock)
    demo.commit()
    assert len(demo.exec(select(OutboxMessage)).all()) == 1


@pytest.mark.parametrize("number", ["06 12345678", "+31 6 1234 5678", "0031612345678"])
def test_sms_recipient_is_stored_in_e164_with_short_body(demo, business_id, clock, number):
    message = _queue(demo, business_id, clock, channel="sms", recipient=number)
    assert message.recipient == "+31612345678"
    assert message.subject == "" and len(message.body) <= 160


@pytest.mark.parametrize(
    ("channel", "recipient", "says"),
    [
        ("email", "emma@", "not a valid e-mail address"),
        ("email", "emma de boer@example.com", "not a valid e-mail address"),
        ("sms", "hallo", "not a phone number"),
        ("sms", "0612", "not a valid phone number"),
        ("sms", "020 123 4567", "not a mobile number"),
        ("fax", "0612345678", "Unknown channel"),
    ],
)
def test_bad_recipient_is_refused_clearly(demo, business_id, clock, channel, recipient, says):
    with pytest.raises(InvalidInput, match=says):
        _queue(demo, business_id, clock, channel=channel, recipient=recipient)
    assert not demo.new


def test_template_errors_reach_the_caller(demo, business_id, clock):
    with pytest.raises(MissingValue):
        _queue(demo, business_id, clock, values={"business_name": "Demo"})
    with pytest.raises(UnknownPlaceholder):
        _queue(demo, business_id, clock, overrides={"body": "{{reschedule_link}}"})
    assert not demo.new
