"""E-mails carry an HTML part built from the same text, escaped, in the business's name
and colour, with the business as sender name and Reply-To (issue 9, item 16)."""

from __future__ import annotations

from portal_app.domain.business.models import BusinessSettings
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.html import band_colour
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.messaging.outbox import notify_customer, queue_message
from tests.factories import add_customer, business_id, one

VALUES = {
    "customer_name": 'Eve <script>alert("x")</script> & Co',
    "business_name": "Garage De Vries",
    "service_name": "APK-keuring",
    "options_link": "https://portal.example.nl/auth/link?token=abc&x=1",
}


def _invite(ctx, customer_id: int) -> OutboxMessage:
    with ctx.db.transaction() as session:
        person = session.get(Customer, customer_id)
        return notify_customer(session, ctx, person, "invitation", VALUES)


def test_an_email_has_an_escaped_html_part_with_the_same_text_and_the_business_as_sender(demo):
    _name, email, customer_id = add_customer(demo, "Html")
    _invite(demo, customer_id)
    mail = one(demo, OutboxMessage)
    assert mail.channel == "email" and mail.body.startswith("Beste Eve <script>")
    html = mail.html_body
    assert html.startswith("<!doctype html>") and '<html lang="nl">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Co" in html
    assert 'href="https://portal.example.nl/auth/link?token=abc&amp;x=1"' in html
    assert "Garage De Vries" in html and band_colour("teal") in html
    assert 'name="viewport"' in html and "max-width:600px" in html
    for sentence in ("nodigt je uit om zelf een moment te kiezen", "Met vriendelijke groet"):
        assert sentence in mail.body and sentence in html
    assert (mail.sender_name, mail.reply_to) == ("Garage De Vries", "garage.devries@example.com")


def test_the_band_takes_the_owners_colour_and_an_sms_has_no_html(demo):
    with demo.db.transaction() as session:
        session.get(BusinessSettings, business_id(demo)).primary_color = "crimson"
    _name, _email, customer_id = add_customer(demo, "Kleur")
    _invite(demo, customer_id)
    assert band_colour("crimson") in one(demo, OutboxMessage).html_body
    with demo.db.transaction() as session:
        sms = queue_message(
            session,
            demo,
            business_id=business_id(demo),
            channel="sms",
            recipient="0612345678",
            kind="invitation",
            locale="en",
            values=VALUES,
        )
        assert (sms.html_body, sms.reply_to, sms.sender_name) == ("", "", "")


def test_unknown_colours_fall_back_to_teal():
    assert band_colour("no-such") == band_colour(None) == band_colour("teal")
