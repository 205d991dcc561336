"""The real Resend SDK and the SMS adapter against a local fake provider."""

from __future__ import annotations

import base64
import socket
from datetime import UTC, datetime

import pytest
import resend

from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.email import DeliveryError, ResendEmailSender
from portal_app.infra.sms import HttpSmsSender
from tests.integration.messaging.fake_http import FakeProvider, serve

SENDER = "Klantportaal <portal@example.com>"


def _message(channel="email", recipient="emma@example.com") -> OutboxMessage:
    return OutboxMessage(
        id=42,
        business_id=1,
        channel=channel,
        kind="login_code",
        recipient=recipient,
        subject="Je inlogcode voor Demo" if channel == "email" else "",
        body="Je code is 123456.",
        next_attempt_at=datetime(2026, 11, 23, 10, tzinfo=UTC),
        created_at=datetime(2026, 11, 23, 10, tzinfo=UTC),
    )


@pytest.fixture
def provider(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    # The SDK keeps its settings in module attributes; put them back afterwards.
    monkeypatch.setattr(resend, "api_key", resend.api_key)
    monkeypatch.setattr(resend, "api_url", resend.api_url)
    fake = FakeProvider()
    server = serve(fake)
    yield fake
    server.shutdown()
    server.server_close()


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_resend_request_carries_the_message_auth_and_idempotency_key(provider):
    ResendEmailSender("re_test_key", SENDER, api_url=provider.url).send(_message())
    [request] = provider.requests
    assert (request.method, request.path) == ("POST", "/emails")
    assert request.headers["authorization"] == "Bearer re_test_key"
    assert request.headers["idempotency-key"] == "outbox-42"
    assert request.json == {
        "from": SENDER,
        "to": ["emma@example.com"],
        "subject": "Je inlogcode voor Demo",
        "text": "Je code is 123456.",
    }


def test_resend_uses_the_sdk_api_url_as_set_from_resend_api_url(provider):
    # resend reads RESEND_API_URL once, at import, into resend.api_url.
    resend.api_url = provider.url
    ResendEmailSender("re_test_key", SENDER).send(_message())
    assert [r.path for r in provider.requests] == ["/emails"]


@pytest.mark.parametrize("status", [500, 422, 429])
def test_resend_refusal_is_a_delivery_error(provider, status):
    provider.status = status
    provider.reply = {"statusCode": status, "name": "application_error", "message": "boom"}
    with pytest.raises(DeliveryError, match="outbox message 42"):
        ResendEmailSender("re_test_key", SENDER, api_url=provider.url).send(_message())
    assert len(provider.requests) == 1


def test_resend_unreachable_is_a_delivery_error(provider):
    with pytest.raises(DeliveryError):
        ResendEmailSender("re_test_key", SENDER, api_url=_closed_port_url()).send(_message())


def test_sms_request_carries_the_message_and_bearer_auth(provider):
    provider.status = 201
    sender = HttpSmsSender(f"{provider.url}/messages", "sms-key", "Demo")
    sender.send(_message("sms", "+31612345678"))
    [request] = provider.requests
    assert (request.method, request.path) == ("POST", "/messages")
    assert request.headers["authorization"] == "Bearer sms-key"
    assert request.headers["content-type"] == "application/json"
    assert request.json == {
        "originator": "Demo",
        "recipients": ["+31612345678"],
        "body": "Je code is 123456.",
        "reference": "outbox-42",
    }


@pytest.mark.parametrize("status", [301, 401, 422, 500])
def test_sms_non_2xx_is_a_delivery_error(provider, status):
    provider.status = status
    sender = HttpSmsSender(f"{provider.url}/messages", "sms-key", "Demo")
    with pytest.raises(DeliveryError, match=f"HTTP {status}"):
        sender.send(_message("sms", "+31612345678"))


def test_sms_unreachable_is_a_delivery_error():
    sender = HttpSmsSender(f"{_closed_port_url()}/messages", "sms-key", "Demo", timeout=2)
    with pytest.raises(DeliveryError, match="unreachable"):
        sender.send(_message("sms", "+31612345678"))


def test_resend_gets_the_html_part_reply_to_business_sender_and_calendar_method(provider):
    message = _message()
    message.kind = "booking_confirmation"
    message.html_body = "<!doctype html><p>Je code is 123456.</p>"
    message.sender_name = "Garage De Vries"
    message.reply_to = "garage.devries@example.com"
    message.attachment_name = "afspraak.ics"
    message.attachment_content = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
    message.attachment_type = "text/calendar; method=REQUEST"
    ResendEmailSender("re_test_key", SENDER, api_url=provider.url).send(message)
    [request] = provider.requests
    sent = request.json
    assert sent["from"] == "Garage De Vries <portal@example.com>"
    assert sent["reply_to"] == ["garage.devries@example.com"]
    assert (sent["text"], sent["html"]) == (message.body, message.html_body)
    [attachment] = sent["attachments"]
    assert attachment["filename"] == "afspraak.ics"
    assert attachment["content_type"] == "text/calendar; method=REQUEST"
    assert base64.b64decode(attachment["content"]).decode() == message.attachment_content
