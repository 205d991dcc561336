"""Message templates for customer e-mail and SMS, per kind and locale (nl default, en).

Templates use two placeholder styles, as the seed products do: `%customer_panel_url%` and
`{{reschedule_link}}`. Both resolve against one dict of values. Each kind knows which
placeholders it offers; an owner's text with any other placeholder is refused when it is
saved (`validate_template`), and a placeholder without a value is refused when a message is
rendered (`render_message`), so a customer never receives a mail with a blank in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from portal_app.domain.errors import InvalidInput

DEFAULT_LOCALE = "nl"
LOCALES = ("nl", "en")
CHANNELS = ("email", "sms")
OVERRIDE_KEYS = ("subject", "body", "sms")

_APPOINTMENT = frozenset(
    {
        "customer_name",
        "business_name",
        "service_name",
        "start",
        "staff_name",
        "reschedule_link",
        "customer_panel_url",
    }
)

PLACEHOLDERS: dict[str, frozenset[str]] = {
    "access_link": frozenset(
        {"customer_name", "business_name", "customer_panel_url", "valid_minutes"}
    ),
    "login_code": frozenset({"customer_name", "business_name", "code", "valid_minutes"}),
    "booking_confirmation": _APPOINTMENT,
    "reminder": _APPOINTMENT,
    "rescheduled": _APPOINTMENT,
    "cancelled": frozenset({"customer_name", "business_name", "service_name", "start"}),
    "checkin_invite": frozenset({"customer_name", "business_name", "checkin_link", "start"}),
    "new_message": frozenset({"customer_name", "business_name", "customer_panel_url"}),
    "invitation": frozenset({"customer_name", "business_name", "service_name", "options_link"}),
    "booking_requested": frozenset(
        {"customer_name", "business_name", "service_name", "start", "customer_panel_url"}
    ),
    "business_notice": frozenset(
        {"business_name", "customer_name", "service_name", "start", "change"}
    ),
}
KINDS = tuple(PLACEHOLDERS)

# `{{ name }}` (spaces allowed inside the braces) or `%name%`. Anything between double
# braces counts as a placeholder, so a typo such as `{{reschedule link}}` is refused.
_PLACEHOLDER = re.compile(r"\{\{\s*(?P<brace>[^{}\n]*?)\s*\}\}|%(?P<pct>[A-Za-z_][A-Za-z0-9_]*)%")

_SIGN_OFF_NL = "\n\nMet vriendelijke groet,\n{{business_name}}"
_SIGN_OFF_EN = "\n\nKind regards,\n{{business_name}}"

# kind -> (subject, body)
_EMAIL: dict[str, dict[str, tuple[str, str]]] = {
    "nl": {
        "access_link": (
            "Je toegangslink voor {{business_name}}",
            "Beste {{customer_name}},\n\n"
            "Je hebt een toegangslink voor het klantportaal van {{business_name}} aangevraagd. "
            "Je hebt geen wachtwoord nodig: open de link hieronder om in te loggen.\n\n"
            "%customer_panel_url%\n\n"
            "De link is {{valid_minutes}} minuten geldig. Heb je deze link niet aangevraagd? "
            "Dan kun je deze e-mail negeren." + _SIGN_OFF_NL,
        ),
        "login_code": (
            "Je inlogcode voor {{business_name}}",
            "Beste {{customer_name}},\n\n"
            "Je inlogcode voor het klantportaal van {{business_name}} is:\n\n"
            "{{code}}\n\n"
            "De code is {{valid_minutes}} minuten geldig. Deel deze code met niemand; wij "
            "vragen er nooit om. Probeerde je niet in te loggen? Dan kun je deze e-mail "
            "negeren." + _SIGN_OFF_NL,
        ),
        "booking_confirmation": (
            "Bevestiging van je afspraak bij {{business_name}}",
            "Beste {{customer_name}},\n\n"
            "Bedankt voor je boeking. Je afspraak staat vast:\n\n"
            "Dienst: {{service_name}}\n"
            "Wanneer: {{start}}\n"
            "Bij: {{staff_name}}\n\n"
            "Past het toch niet? Verplaats je afspraak via {{reschedule_link}}\n"
            "Al je afspraken vind je in het klantportaal: %customer_panel_url%\n\n"
            "Tot dan!" + _SIGN_OFF_NL,
        ),
        "reminder": (
            "Herinnering: je afspraak bij {{business_name}} op {{start}}",
            "Beste {{customer_name}},\n\n"
            "Graag herinneren we je aan je afspraak:\n\n"
            "Dienst: {{service_name}}\n"
            "Wanneer: {{start}}\n"
            "Bij: {{staff_name}}\n\n"
            "Kun je toch niet? Verplaats je afspraak via {{reschedule_link}}\n"
            "Je afspraken bekijken kan in het klantportaal: %customer_panel_url%" + _SIGN_OFF_NL,
        ),
        "rescheduled": (
            "Je afspraak bij {{business_name}} is verplaatst",
            "Beste {{customer_name}},\n\n"
            "Je afspraak is verplaatst. Dit is het nieuwe tijdstip:\n\n"
            "Dienst: {{service_name}}\n"
            "Wanneer: {{start}}\n"
            "Bij: {{staff_name}}\n\n"
            "Wil je opnieuw verplaatsen? Dat kan via {{reschedule_link}}\n"
            "Al je afspraken vind je in het klantportaal: %customer_panel_url%" + _SIGN_OFF_NL,
        ),
        "cancelled": (
            "Je afspraak bij {{business_name}} is geannuleerd",
            "Beste {{customer_name}},\n\n"
            "Je afspraak voor {{service_name}} op {{start}} is geannuleerd.\n\n"
            "Wil je een nieuwe afspraak maken? Neem dan contact met ons op; we helpen je "
            "graag." + _SIGN_OFF_NL,
        ),
        "invitation": (
            "Plan je afspraak bij {{business_name}}",
            "Beste {{customer_name}},\n\n"
            "{{business_name}} nodigt je uit om zelf een moment te kiezen voor: "
            "{{service_name}}.\n\n"
            "Open de link hieronder; je ziet meteen een paar voorgestelde tijden en je "
            "afspraak staat vast zodra je er een kiest:\n\n"
            "{{options_link}}" + _SIGN_OFF_NL,
        ),
        "booking_requested": (
            "We hebben je aanvraag ontvangen",
            "Beste {{customer_name}},\n\n"
            "Je aanvraag voor {{service_name}} op {{start}} is ontvangen. We bevestigen zo "
            "snel mogelijk. De status zie je in het klantportaal: %customer_panel_url%"
            + _SIGN_OFF_NL,
        ),
        "business_notice": (
            "Online activiteit: {{customer_name}} {{change}}",
            "{{customer_name}} {{change}}: {{service_name}}, {{start}}.\n\n"
            "Dit bericht is automatisch verstuurd door het klantportaal van {{business_name}}.",
        ),
        "checkin_invite": (
            "Check alvast online in voor je afspraak op {{start}}",
            "Beste {{customer_name}},\n\n"
            "Je afspraak bij {{business_name}} is op {{start}}. Check alvast online in: "
            "controleer je gegevens, bekijk de geplande werkzaamheden met prijzen (incl. btw) "
            "en laat ons weten als je vragen of opmerkingen hebt.\n\n"
            "{{checkin_link}}\n\n"
            "Zo staat alles klaar als je binnenkomt." + _SIGN_OFF_NL,
        ),
        "new_message": (
            "Nieuw bericht van {{business_name}}",
            "Beste {{customer_name}},\n\n"
            "Je hebt een nieuw bericht van {{business_name}}. Lees en beantwoord het in het "
            "klantportaal:\n\n"
            "%customer_panel_url%" + _SIGN_OFF_NL,
        ),
    },
    "en": {
        "access_link": (
            "Your access link for {{business_name}}",
            "Dear {{customer_name}},\n\n"
            "You asked for an access link to the customer portal of {{business_name}}. "
            "No password needed: open the link below to sign in.\n\n"
            "%customer_panel_url%\n\n"
            "The link is valid for {{valid_minutes}} minutes. Did you not ask for this link? "
            "Then you can ignore this e-mail." + _SIGN_OFF_EN,
        ),
        "login_code": (
            "Your sign-in code for {{business_name}}",
            "Dear {{customer_name}},\n\n"
            "Your sign-in code for the customer portal of {{business_name}} is:\n\n"
            "{{code}}\n\n"
            "The code is valid for {{valid_minutes}} minutes. Do not share it with anyone; we "
            "will never ask you for it. Did you not try to sign in? Then you can ignore this "
            "e-mail." + _SIGN_OFF_EN,
        ),
        "booking_confirmation": (
            "Your appointment at {{business_name}} is confirmed",
            "Dear {{customer_name}},\n\n"
            "Thank you for your booking. Your appointment is confirmed:\n\n"
            "Service: {{service_name}}\n"
            "When: {{start}}\n"
            "With: {{staff_name}}\n\n"
            "Does the time not suit you after all? Reschedule via {{reschedule_link}}\n"
            "All your appointments are in the customer portal: %customer_panel_url%\n\n"
            "See you then!" + _SIGN_OFF_EN,
        ),
        "reminder": (
            "Reminder: your appointment at {{business_name}} on {{start}}",
            "Dear {{customer_name}},\n\n"
            "A friendly reminder of your appointment:\n\n"
            "Service: {{service_name}}\n"
            "When: {{start}}\n"
            "With: {{staff_name}}\n\n"
            "Can you not make it? Reschedule via {{reschedule_link}}\n"
            "Your appointments are in the customer portal: %customer_panel_url%" + _SIGN_OFF_EN,
        ),
        "rescheduled": (
            "Your appointment at {{business_name}} has been rescheduled",
            "Dear {{customer_name}},\n\n"
            "Your appointment has been rescheduled. This is the new time:\n\n"
            "Service: {{service_name}}\n"
            "When: {{start}}\n"
            "With: {{staff_name}}\n\n"
            "Need to change it again? Reschedule via {{reschedule_link}}\n"
            "All your appointments are in the customer portal: %customer_panel_url%" + _SIGN_OFF_EN,
        ),
        "cancelled": (
            "Your appointment at {{business_name}} has been cancelled",
            "Dear {{customer_name}},\n\n"
            "Your appointment for {{service_name}} on {{start}} has been cancelled.\n\n"
            "Would you like to make a new appointment? Please get in touch; we are happy to "
            "help." + _SIGN_OFF_EN,
        ),
        "invitation": (
            "Plan your appointment with {{business_name}}",
            "Dear {{customer_name}},\n\n"
            "{{business_name}} invites you to choose a time yourself for: {{service_name}}.\n\n"
            "Open the link below; you will see a few suggested times at once, and your "
            "appointment is booked as soon as you pick one:\n\n"
            "{{options_link}}" + _SIGN_OFF_EN,
        ),
        "booking_requested": (
            "We have received your request",
            "Dear {{customer_name}},\n\n"
            "Your request for {{service_name}} on {{start}} has been received. We will confirm "
            "as soon as possible. You can follow its status in the customer portal: "
            "%customer_panel_url%" + _SIGN_OFF_EN,
        ),
        "business_notice": (
            "Online activity: {{customer_name}} {{change}}",
            "{{customer_name}} {{change}}: {{service_name}}, {{start}}.\n\n"
            "This message was sent automatically by the customer portal of {{business_name}}.",
        ),
        "checkin_invite": (
            "Check in online for your appointment on {{start}}",
            "Dear {{customer_name}},\n\n"
            "Your appointment at {{business_name}} is on {{start}}. Check in online ahead of "
            "time: confirm your details, review the planned work with prices (incl. VAT) and "
            "let us know if you have any questions or remarks.\n\n"
            "{{checkin_link}}\n\n"
            "That way everything is ready when you arrive." + _SIGN_OFF_EN,
        ),
        "new_message": (
            "New message from {{business_name}}",
            "Dear {{customer_name}},\n\n"
            "You have a new message from {{business_name}}. Read and reply in the customer "
            "portal:\n\n"
            "%customer_panel_url%" + _SIGN_OFF_EN,
        ),
    },
}

# Short SMS bodies: plain ASCII (GSM-7) so one text holds 160 characters.
_SMS: dict[str, dict[str, str]] = {
    "nl": {
        "access_link": "Je toegangslink voor {{business_name}}: %customer_panel_url% "
        "(geldig {{valid_minutes}} min)",
        "login_code": "{{code}} is je inlogcode voor {{business_name}}. "
        "Geldig {{valid_minutes}} min. Deel deze code met niemand.",
        "booking_confirmation": "Afspraak bevestigd bij {{business_name}}: {{service_name}}, "
        "{{start}}. Verplaatsen: {{reschedule_link}}",
        "reminder": "Herinnering: {{service_name}} bij {{business_name}}, {{start}}. "
        "Verplaatsen: {{reschedule_link}}",
        "rescheduled": "Je afspraak bij {{business_name}} is verplaatst naar {{start}}.",
        "cancelled": "Je afspraak bij {{business_name}} op {{start}} is geannuleerd.",
        "invitation": "Plan je afspraak bij {{business_name}}: {{options_link}}",
        "booking_requested": "Je aanvraag bij {{business_name}} voor {{start}} is ontvangen.",
        "business_notice": "{{business_name}}: {{customer_name}} {{change}}, {{start}}",
        "checkin_invite": "Check alvast online in voor je afspraak bij {{business_name}} "
        "op {{start}}: {{checkin_link}}",
        "new_message": "Nieuw bericht van {{business_name}}: %customer_panel_url%",
    },
    "en": {
        "access_link": "Your access link for {{business_name}}: %customer_panel_url% "
        "(valid {{valid_minutes}} min)",
        "login_code": "{{code}} is your sign-in code for {{business_name}}. "
        "Valid {{valid_minutes}} min. Do not share this code.",
        "booking_confirmation": "Appointment confirmed at {{business_name}}: {{service_name}}, "
        "{{start}}. Reschedule: {{reschedule_link}}",
        "reminder": "Reminder: {{service_name}} at {{business_name}}, {{start}}. "
        "Reschedule: {{reschedule_link}}",
        "rescheduled": "Your appointment at {{business_name}} has moved to {{start}}.",
        "cancelled": "Your appointment at {{business_name}} on {{start}} has been cancelled.",
        "invitation": "Plan your appointment with {{business_name}}: {{options_link}}",
        "booking_requested": "Your request at {{business_name}} for {{start}} was received.",
        "business_notice": "{{business_name}}: {{customer_name}} {{change}}, {{start}}",
        "checkin_invite": "Check in online for your appointment at {{business_name}} "
        "on {{start}}: {{checkin_link}}",
        "new_message": "New message from {{business_name}}: %customer_panel_url%",
    },
}


class UnknownPlaceholder(InvalidInput):
    """A template uses a placeholder that its kind of message does not offer."""

    def __init__(self, kind: str, placeholder: str):
        self.kind = kind
        self.placeholder = placeholder
        allowed = ", ".join(f"{{{{{name}}}}}" for name in sorted(PLACEHOLDERS[kind]))
        super().__init__(
            f"The placeholder {{{{{placeholder}}}}} cannot be used in {kind!r} messages; "
            f"available: {allowed}."
        )


class MissingValue(ValueError):
    """A template uses a placeholder for which the caller gave no (or an empty) value."""

    def __init__(self, kind: str, names: list[str]):
        self.kind = kind
        self.names = names
        listed = ", ".join(f"{{{{{name}}}}}" for name in names)
        super().__init__(f"The {kind!r} message uses {listed} but no value was given.")


@dataclass(frozen=True)
class RenderedMessage:
    """A message ready for the outbox: subject (empty for SMS) and plain-text body."""

    subject: str
    body: str


def normalise_locale(locale: str | None) -> str:
    """A supported locale for any input ("en_GB" -> "en", unknown -> "nl")."""
    short = (locale or "").split("_")[0].split("-")[0].lower()
    return short if short in LOCALES else DEFAULT_LOCALE


def placeholders_for(kind: str) -> frozenset[str]:
    """The placeholder names a kind of message offers; ValueError for an unknown kind."""
    try:
        return PLACEHOLDERS[kind]
    except KeyError:
        raise ValueError(f"Unknown message kind {kind!r}; known: {', '.join(KINDS)}.") from None


def _name(match: re.Match) -> str:
    return match["brace"] if match["brace"] is not None else match["pct"]


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in a text, in order of appearance, both styles."""
    return [_name(match) for match in _PLACEHOLDER.finditer(text)]


def validate_template(kind: str, text: str) -> None:
    """Raise UnknownPlaceholder for the first placeholder the kind does not offer."""
    known = placeholders_for(kind)
    for name in placeholders_in(text):
        if name not in known:
            raise UnknownPlaceholder(kind, name)


def default_template(kind: str, locale: str | None = None, channel: str = "email") -> dict:
    """The built-in texts of a kind, as {"subject", "body"} (e-mail) or {"sms"} (SMS)."""
    placeholders_for(kind)
    locale = normalise_locale(locale)
    if channel == "sms":
        return {"sms": _SMS[locale][kind]}
    subject, body = _EMAIL[locale][kind]
    return {"subject": subject, "body": body}


def _fill(kind: str, text: str, values: Mapping[str, str]) -> str:
    missing = sorted(
        {name for name in placeholders_in(text) if not str(values.get(name) or "").strip()}
    )
    if missing:
        raise MissingValue(kind, missing)

    # One pass: a value that itself looks like a placeholder is never expanded.
    return _PLACEHOLDER.sub(lambda match: str(values[_name(match)]), text)


def render_message(
    kind: str,
    locale: str | None,
    values: Mapping[str, str],
    overrides: Mapping[str, str] | None = None,
    channel: str = "email",
) -> RenderedMessage:
    """Render a message of `kind` in `locale` for `channel` ("email" or "sms").

    `overrides` holds the owner's texts: "subject" and "body" for e-mail, "sms" for the SMS
    body; a blank override falls back to the built-in text. Every override is validated
    (UnknownPlaceholder). A placeholder used in the chosen texts without a non-empty value
    raises MissingValue. SMS messages have an empty subject.
    """
    placeholders_for(kind)
    if channel not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}; use 'email' or 'sms'.")
    overrides = {key: text for key, text in (overrides or {}).items() if text and text.strip()}
    for key, text in overrides.items():
        if key not in OVERRIDE_KEYS:
            raise InvalidInput(
                f"Unknown template part {key!r}; use one of {', '.join(OVERRIDE_KEYS)}."
            )
        validate_template(kind, text)
    texts = default_template(kind, locale, channel)
    texts.update({key: text for key, text in overrides.items() if key in texts})
    if channel == "sms":
        return RenderedMessage(subject="", body=_fill(kind, texts["sms"], values).strip())
    subject = " ".join(_fill(kind, texts["subject"], values).split())
    return RenderedMessage(subject=subject, body=_fill(kind, texts["body"], values).strip())


# The {{change}} of a business_notice, per locale.
CHANGE_PHRASES: dict[str, dict[str, str]] = {
    "nl": {
        "booked": "heeft geboekt",
        "requested": "heeft een afspraak aangevraagd",
        "rescheduled": "heeft verplaatst",
        "cancelled": "heeft geannuleerd",
    },
    "en": {
        "booked": "booked",
        "requested": "requested an appointment",
        "rescheduled": "rescheduled",
        "cancelled": "cancelled",
    },
}


def change_phrase(action: str, locale: str | None) -> str:
    """The words for what a customer did, for a business notice."""
    return CHANGE_PHRASES[normalise_locale(locale)][action]
