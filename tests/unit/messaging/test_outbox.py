"""queue_message and notify_customer: validated recipients, rendered text, the caller's
transaction, the customer's preferred channel."""

from __future__ import annotations

import pytest

from portal_app.core.catalog import MissingValue
from portal_app.core.errors import InvalidInput
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.outbox import Attachment, notify_customer, queue_message
from portal_app.domain.messaging.templates import UnknownPlaceholder
from tests.factories import add_customer, business_id, one, rows

VALUES = {
    "customer_name": "Emma de Boer",
    "business_name": "Demo",
    "code": "123456",
    "valid_minutes": "10",
}


def _queue(ctx, session, **kwargs):
    params = dict(
        business_id=business_id(ctx),
        channel="email",
        recipient="Emma@Example.COM",
        kind="login_code",
        locale="nl",
        values=VALUES,
    )
    params.update(kwargs)
    return queue_message(session, ctx, **params)


class Rollback(Exception):
    pass


def test_queued_row_is_pending_and_due_now_but_only_written_with_the_change(demo):
    with pytest.raises(Rollback), demo.db.transaction() as session:
        message = _queue(demo, session)
        assert message in session.new
        assert message.recipient == "emma@example.com"
        assert message.status == "pending" and message.attempts == 0
        assert message.next_attempt_at == demo.clock.now() == message.created_at
        assert message.subject == "Je inlogcode voor Demo" and "123456" in message.body
        raise Rollback
    assert rows(demo, OutboxMessage) == []
    with demo.db.transaction() as session:
        _queue(demo, session)
    assert len(rows(demo, OutboxMessage)) == 1


@pytest.mark.parametrize("number", ["06 12345678", "+31 6 1234 5678", "0031612345678"])
def test_sms_recipient_is_stored_in_e164_with_short_body(demo, number):
    with demo.db.transaction() as session:
        message = _queue(demo, session, channel="sms", recipient=number)
        assert message.recipient == "+31612345678"
        assert message.subject == "" and len(message.body) <= 160


@pytest.mark.parametrize(
    ("channel", "recipient", "code"),
    [
        ("email", "emma@", "error.email_invalid"),
        ("email", "emma de boer@example.com", "error.email_invalid"),
        ("sms", "hallo", "error.mobile_invalid"),
        ("sms", "0612", "error.mobile_invalid"),
        ("sms", "020 123 4567", "error.not_mobile"),
        ("fax", "0612345678", "error.invalid_input"),
    ],
)
def test_bad_recipient_is_refused_clearly(demo, channel, recipient, code):
    with demo.db.transaction() as session:
        with pytest.raises(InvalidInput) as refused:
            _queue(demo, session, channel=channel, recipient=recipient)
        assert refused.value.code == code
        assert not session.new


def test_template_errors_reach_the_caller(demo):
    with demo.db.transaction() as session:
        with pytest.raises(MissingValue):
            _queue(demo, session, values={"business_name": "Demo"})
        with pytest.raises(UnknownPlaceholder):
            _queue(demo, session, overrides={"body": "{{reschedule_link}}"})
        assert not session.new


def _notify(ctx, customer_id):
    values = {
        "customer_name": "X",
        "business_name": "Demo",
        "service_name": "APK",
        "start": "morgen",
    }
    with ctx.db.transaction() as session:
        person = session.get(Customer, customer_id)
        notify_customer(session, ctx, person, "cancelled", values, Attachment("a.ics", "ICS"))


def test_a_customer_who_prefers_sms_with_a_mobile_number_gets_an_sms_without_a_file(demo):
    _name, _email, customer_id = add_customer(demo, "Sms", channel="sms", mobile="0612345678")
    _notify(demo, customer_id)
    message = one(demo, OutboxMessage)
    assert (message.channel, message.recipient) == ("sms", "+31612345678")
    assert message.attachment_content == ""


@pytest.mark.parametrize("mobile", ["", "020 1234567"])
def test_without_a_valid_mobile_number_sms_falls_back_to_email_with_the_file(demo, mobile):
    _name, email, customer_id = add_customer(demo, "Mail", channel="sms", mobile=mobile)
    _notify(demo, customer_id)
    message = one(demo, OutboxMessage)
    assert (message.channel, message.recipient) == ("email", email)
    assert (message.attachment_name, message.attachment_content) == ("a.ics", "ICS")
