"""Message templates: both locales, one placeholder syntax (old form converted), strict."""

from __future__ import annotations

import pytest

from portal_app.core.catalog import MissingValue, modernise, placeholders_in
from portal_app.core.errors import InvalidInput
from portal_app.core.locale import LOCALES
from portal_app.domain.messaging.templates import (
    KINDS,
    UnknownPlaceholder,
    default_texts,
    placeholders_for,
    render_message,
    validate_template,
)

VALUES = {
    "customer_name": "Emma de Boer",
    "business_name": "Garage Van Dijk",
    "customer_panel_url": "https://portal.example.com/p/abc",
    "valid_minutes": "30",
    "code": "482913",
    "service_name": "APK-keuring",
    "start": "di 24 nov 2026 14:30",
    "staff_name": "Daan Jansen",
    "reschedule_link": "https://portal.example.com/r/xyz",
    "checkin_link": "https://portal.example.com/c/123",
    "options_link": "https://portal.example.com/o/456",
    "change": "heeft geboekt",
    "business_contact": "020 123 4567 / info@garagevandijk.nl",
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_default_renders_completely(kind, locale):
    for text in default_texts(kind, locale).values():
        validate_template(kind, text)
    for channel in ("email", "sms"):
        values = {name: VALUES[name] for name in placeholders_for(kind)}
        message = render_message(kind, locale, values, channel=channel)
        assert message.body and "{{" not in message.body + message.subject
        assert "%" not in message.body + message.subject
        assert values["business_name"] in message.body + message.subject
        assert (message.subject == "") == (channel == "sms")


def test_dutch_and_english_texts_differ_and_locale_is_normalised():
    nl = render_message("booking_confirmation", "nl", VALUES)
    en = render_message("booking_confirmation", "en_GB", VALUES)
    assert nl.subject == "Bevestiging van je afspraak bij Garage Van Dijk"
    assert en.subject == "Your appointment at Garage Van Dijk is confirmed"
    assert "Beste Emma de Boer," in nl.body and "Dear Emma de Boer," in en.body
    assert "https://portal.example.com/r/xyz" in nl.body  # {{reschedule_link}}
    assert "https://portal.example.com/p/abc" in nl.body  # {{customer_panel_url}}
    assert render_message("booking_confirmation", "fr", VALUES) == nl
    assert render_message("booking_confirmation", None, VALUES) == nl


def test_an_owners_old_percent_placeholders_still_resolve():
    body = "Hoi {{customer_name}} / {{ customer_name }} / %customer_name%: %customer_panel_url%"
    message = render_message("new_message", "nl", VALUES, {"body": body})
    assert message.body == (
        "Hoi Emma de Boer / Emma de Boer / Emma de Boer: https://portal.example.com/p/abc"
    )
    assert placeholders_in(modernise(body)) == [
        "customer_name",
        "customer_name",
        "customer_name",
        "customer_panel_url",
    ]


@pytest.mark.parametrize(
    ("kind", "text", "name"),
    [
        ("cancelled", "Verplaats via {{reschedule_link}}", "reschedule_link"),
        ("login_code", "Open %customer_panel_url%", "customer_panel_url"),
        ("reminder", "Hoi {{klantnaam}}", "klantnaam"),
        ("reminder", "Verplaats via {{reschedule link}}", "reschedule link"),
        ("reminder", "Hoi %Customer_Name%", "Customer_Name"),
    ],
)
def test_unknown_placeholder_is_refused_when_saving(kind, text, name):
    with pytest.raises(UnknownPlaceholder) as caught:
        validate_template(kind, text)
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.placeholder == name and name in str(caught.value)
    assert caught.value.code == "templates.unknown_placeholder"


def test_plain_percentages_are_not_placeholders():
    validate_template("booking_confirmation", "Nu 20% korting, 100 % tevreden!")


def test_unknown_placeholder_in_an_override_is_refused_when_rendering():
    with pytest.raises(UnknownPlaceholder):
        render_message("cancelled", "nl", VALUES, {"subject": "{{reschedule_link}}"})
    with pytest.raises(InvalidInput):
        render_message("cancelled", "nl", VALUES, {"footer": "Groet"})
    with pytest.raises(ValueError):
        validate_template("no_such_kind", "x")


def test_owner_override_replaces_the_default_and_blank_falls_back():
    overrides = {"subject": "Tot {{start}}!", "body": "  "}
    message = render_message("reminder", "nl", VALUES, overrides)
    assert message.subject == "Tot di 24 nov 2026 14:30!"
    assert message.body == render_message("reminder", "nl", VALUES).body


def test_missing_or_blank_value_is_an_error_never_a_blank():
    values = dict(VALUES, staff_name="  ")
    del values["reschedule_link"]
    with pytest.raises(MissingValue) as caught:
        render_message("reminder", "nl", values)
    assert caught.value.names == ["reschedule_link", "staff_name"]
    assert "{{reschedule_link}}" in str(caught.value)
    # cancelled does not use the link, so it is not needed there
    render_message("cancelled", "nl", values)


def test_values_are_inserted_once_not_expanded_again():
    values = dict(VALUES, customer_name="{{code}} %customer_panel_url%")
    message = render_message("login_code", "nl", values)
    assert "Beste {{code}} %customer_panel_url%," in message.body


def test_subject_stays_on_one_line():
    values = dict(VALUES, business_name="Garage\r\nBcc: evil@example.com")
    assert "\n" not in render_message("cancelled", "en", values).subject


@pytest.mark.parametrize("locale", LOCALES)
def test_login_code_sms_is_short(locale):
    values = dict(VALUES, business_name="Autobedrijf Van der Heijden-Jansen B.V.")
    message = render_message("login_code", locale, values, channel="sms")
    assert len(message.body) <= 160 and message.body.isascii()
    assert message.body.startswith("482913 ")
    assert message.subject == ""
    email = render_message("login_code", locale, values)
    assert len(message.body) < len(email.body)


def test_sms_override_is_used_only_for_sms():
    overrides = {"sms": "Code {{code}}", "body": "Je code: {{code}}"}
    assert render_message("login_code", "nl", VALUES, overrides, channel="sms").body == (
        "Code 482913"
    )
    assert render_message("login_code", "nl", VALUES, overrides).body == "Je code: 482913"
