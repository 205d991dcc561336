"""Queue e-mail and SMS in the outbox, inside the transaction of the change that causes it."""

from __future__ import annotations

from collections.abc import Mapping

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session

from portal_app.domain.errors import InvalidInput
from portal_app.domain.message_templates import overrides_for
from portal_app.domain.models.outbox import OutboxMessage
from portal_app.domain.notifications import normalise_locale, render_message
from portal_app.infra.clock import Clock

_SUBJECT_MAX = 300
_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def normalise_email(address: str) -> str:
    """The normalised e-mail address, or InvalidInput saying what is wrong with it."""
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise InvalidInput(f"{address!r} is not a valid e-mail address: {error}") from None


def normalise_mobile(number: str, region: str = "NL") -> str:
    """The mobile number in E.164 (+31612345678), or InvalidInput saying what is wrong."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        raise InvalidInput(f"{number!r} is not a phone number.") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(f"{number!r} is not a valid phone number.")
    if phonenumbers.number_type(parsed) not in _MOBILE_TYPES:
        raise InvalidInput(f"{number!r} is not a mobile number, so it cannot receive SMS.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def queue_message(
    session: Session,
    *,
    business_id: int,
    channel: str,
    recipient: str,
    kind: str,
    locale: str | None,
    values: Mapping[str, str],
    clock: Clock,
    overrides: Mapping[str, str] | None = None,
) -> OutboxMessage:
    """Render a message and add it to the caller's session as a pending outbox row.

    Does not commit: the row is written with the change that causes it, or not at all.
    Raises InvalidInput for a bad recipient or channel, UnknownPlaceholder for a bad
    override and MissingValue when a used placeholder has no value.
    """
    if channel == "email":
        recipient = normalise_email(recipient)
    elif channel == "sms":
        recipient = normalise_mobile(recipient)
    else:
        raise InvalidInput(f"Unknown channel {channel!r}; use 'email' or 'sms'.")
    if overrides is None:
        overrides = _saved_overrides(session, business_id, kind, locale)
    rendered = render_message(kind, locale, values, overrides, channel=channel)
    subject = rendered.subject
    if len(subject) > _SUBJECT_MAX:
        subject = subject[: _SUBJECT_MAX - 1].rstrip() + "…"
    now = clock.now()
    message = OutboxMessage(
        business_id=business_id,
        channel=channel,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body=rendered.body,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(message)
    return message


def _saved_overrides(session: Session, business_id: int, kind: str, locale: str | None) -> dict:
    """The owner's saved wording for this kind and locale, if any."""
    return overrides_for(session, business_id, kind, normalise_locale(locale))
