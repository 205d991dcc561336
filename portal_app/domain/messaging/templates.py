"""Message kinds, the placeholders each offers, and rendering with the owner's wording.

The default texts are catalog entries `message.<kind>.subject|body|sms` (texts/messages.toml).
An owner's text with a placeholder its kind does not offer is refused when saved
(`validate_template`); a placeholder without a value is refused when a message is rendered,
so a customer never receives a message with a blank in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from portal_app.core.catalog import MissingValue, fill, modernise, placeholders_in, raw_text
from portal_app.core.errors import InvalidInput
from portal_app.core.locale import normalise_locale

CHANNELS = ("email", "sms")
PARTS = ("subject", "body", "sms")

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

# After the visit: marked done or missed by staff.
_VISIT = frozenset(
    {"customer_name", "business_name", "service_name", "start", "customer_panel_url"}
)

PLACEHOLDERS: dict[str, frozenset[str]] = {
    "access_link": frozenset(
        {"customer_name", "business_name", "customer_panel_url", "valid_minutes"}
    ),
    "login_code": frozenset({"customer_name", "business_name", "code", "valid_minutes"}),
    "contact_code": frozenset({"customer_name", "business_name", "code", "valid_minutes"}),
    "contact_changed": frozenset({"customer_name", "business_name", "change", "business_contact"}),
    "booking_confirmation": _APPOINTMENT,
    "reminder": _APPOINTMENT,
    "rescheduled": _APPOINTMENT,
    "cancelled": frozenset({"customer_name", "business_name", "service_name", "start"}),
    "completed": _VISIT,
    "no_show": _VISIT,
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


class UnknownPlaceholder(InvalidInput):
    """A template uses a placeholder that its kind of message does not offer."""

    code = "templates.unknown_placeholder"

    def __init__(self, kind: str, placeholder: str):
        self.kind = kind
        self.placeholder = placeholder
        super().__init__(f"{{{{{placeholder}}}}} cannot be used in {kind!r} messages")


@dataclass(frozen=True)
class RenderedMessage:
    """A message ready for the outbox: subject (empty for SMS) and plain-text body."""

    subject: str
    body: str


def placeholders_for(kind: str) -> frozenset[str]:
    """The placeholder names a kind of message offers; ValueError for an unknown kind."""
    try:
        return PLACEHOLDERS[kind]
    except KeyError:
        raise ValueError(f"Unknown message kind {kind!r}; known: {', '.join(KINDS)}.") from None


def validate_template(kind: str, text: str) -> None:
    """Raise UnknownPlaceholder for the first placeholder the kind does not offer."""
    known = placeholders_for(kind)
    for name in placeholders_in(modernise(text)):
        if name not in known:
            raise UnknownPlaceholder(kind, name)


def default_texts(kind: str, locale: str | None) -> dict[str, str]:
    """The built-in subject, body and sms text of a kind."""
    placeholders_for(kind)
    return {part: raw_text(f"message.{kind}.{part}", locale) for part in PARTS}


def render_message(
    kind: str,
    locale: str | None,
    values: Mapping[str, object],
    overrides: Mapping[str, str] | None = None,
    channel: str = "email",
) -> RenderedMessage:
    """Render a message of `kind` in `locale` for `channel` ("email" or "sms").

    `overrides` holds the owner's texts per part; a blank one falls back to the built-in
    text. Raises UnknownPlaceholder for a bad override and MissingValue for a used
    placeholder without a value.
    """
    if channel not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}; use 'email' or 'sms'.")
    texts = default_texts(kind, normalise_locale(locale))
    for part, text in (overrides or {}).items():
        if part not in PARTS:
            raise InvalidInput(f"Unknown template part {part!r}; use one of {', '.join(PARTS)}.")
        if text and text.strip():
            validate_template(kind, text)
            texts[part] = modernise(text)
    key = f"message.{kind}"
    if channel == "sms":
        return RenderedMessage(subject="", body=fill(texts["sms"], values, key).strip())
    subject = " ".join(fill(texts["subject"], values, key).split())
    return RenderedMessage(subject=subject, body=fill(texts["body"], values, key).strip())


def change_phrase(action: str, locale: str | None) -> str:
    """The words for what a customer did, in a business notice."""
    return raw_text(f"change.{action}", locale)


__all__ = ["MissingValue", "RenderedMessage", "UnknownPlaceholder", "render_message"]
