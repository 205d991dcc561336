"""Parsing untrusted input: every value a browser sends is checked here, once.

Reflex event handlers can be called by any client with any arguments of any type, and
forms can be posted with any fields. Each parser takes `object` and returns a clean value
or raises a DomainError whose code is the sentence the user sees. UI handlers declare
their arguments as `Annotated[<type>, <spec>]` with the specs below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from portal_app.core.errors import InvalidInput, NotFound

MAX_ID_DIGITS = 12
MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def parse_id(value: object) -> int:
    """A positive database id from an int or a string of digits; anything else: NotFound."""
    if isinstance(value, bool):
        raise NotFound("bad id")
    if isinstance(value, int) and 0 < value < 10**MAX_ID_DIGITS:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        if 0 < len(value) <= MAX_ID_DIGITS and int(value) > 0:
            return int(value)
    raise NotFound("bad id")


def parse_optional_id(value: object) -> int | None:
    """None for '', None, 0, 'any' or 'none'; else a parsed id."""
    if value in (None, "", "any", "none", 0):
        return None
    return parse_id(value)


def parse_datetime(value: object) -> datetime:
    """An aware datetime from an ISO string or a datetime; InvalidInput otherwise."""
    if isinstance(value, str) and len(value) <= 40:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput("not a time", code="error.bad_time") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidInput("not a time", code="error.bad_time")
    return value


def parse_date(value: object) -> date:
    """A date from 'YYYY-MM-DD' or a date; InvalidInput otherwise."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput("not a date", code="error.bad_date")


def parse_text(value: object, limit: int, *, required: bool = False) -> str:
    """Trimmed text of at most `limit` characters; too long or (when required) empty is
    refused with a sentence, never cut off silently. Non-text counts as empty."""
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > limit:
        raise InvalidInput("too long", code="error.too_long")
    if required and not text:
        raise InvalidInput("empty", code="error.required")
    return text


def parse_choice(value: object, allowed: tuple[str, ...], default: str | None = None) -> str:
    """One of `allowed`; `default` (or InvalidInput) for anything else."""
    if isinstance(value, str) and value in allowed:
        return value
    if default is not None:
        return default
    raise InvalidInput("not a choice", code="error.invalid_input")


def parse_flag(value: object) -> bool:
    """True only for True, 'true', 'on', 'yes' or '1'."""
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() in {"true", "on", "yes", "1"}


def parse_email(value: object) -> str:
    """A syntactically valid, lower-cased e-mail address, or InvalidInput."""
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 254:
        raise InvalidInput("enter an e-mail address", code="error.email_invalid")
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidInput("not an e-mail address", code="error.email_invalid") from None


def parse_mobile(value: object, region: str = "NL") -> str:
    """A mobile number in E.164 (+31612345678), or InvalidInput saying what is wrong."""
    raw = value.strip() if isinstance(value, str) else ""
    if not raw or len(raw) > 32:
        raise InvalidInput("enter a mobile number", code="error.mobile_invalid")
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("not a phone number", code="error.mobile_invalid") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput("not a valid number", code="error.mobile_invalid")
    if phonenumbers.number_type(parsed) not in MOBILE_TYPES:
        raise InvalidInput("not a mobile number", code="error.not_mobile")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def valid_mobile(value: str | None, region: str = "NL") -> str | None:
    """The E.164 form of a valid mobile number, else None."""
    try:
        return parse_mobile(value or "", region)
    except InvalidInput:
        return None


def parse_phone(value: object, region: str = "NL") -> str:
    """Any valid phone number (landline or mobile) in E.164; '' stays ''."""
    raw = value.strip() if isinstance(value, str) else ""
    if not raw:
        return ""
    try:
        parsed = phonenumbers.parse(raw[:32], region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("not a phone number", code="error.phone_invalid") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput("not a valid number", code="error.phone_invalid")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# -- argument specs for event handlers: Annotated[str, Text(80)] and friends ----------------


class Spec:
    """How to parse one argument."""

    def parse(self, value: object) -> object:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Spec):
    limit: int = 200
    required: bool = False

    def parse(self, value: object) -> str:
        return parse_text(value, self.limit, required=self.required)


@dataclass(frozen=True)
class Secret(Spec):
    """A password as typed: never trimmed, never refused for its length here (the service
    gives over-long input its normal refusal); non-text counts as empty."""

    def parse(self, value: object) -> str:
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Id(Spec):
    optional: bool = False

    def parse(self, value: object) -> int | None:
        if isinstance(value, Mapping):  # a select's {"value": ...}
            value = value.get("value", value.get("id"))
        return parse_optional_id(value) if self.optional else parse_id(value)


@dataclass(frozen=True)
class Day(Spec):
    def parse(self, value: object) -> date:
        return parse_date(value)


@dataclass(frozen=True)
class Choice(Spec):
    options: tuple[str, ...]
    default: str | None = None

    def parse(self, value: object) -> str:
        if isinstance(value, list) and len(value) == 1:  # segmented controls send lists
            value = value[0]
        return parse_choice(value, self.options, self.default)


@dataclass(frozen=True)
class Flag(Spec):
    def parse(self, value: object) -> bool:
        return parse_flag(value)


@dataclass(frozen=True)
class Form(Spec):
    """A submitted form: only the named fields, each parsed by its spec; others ignored."""

    fields: Mapping[str, Spec] = field(default_factory=dict)

    def parse(self, value: object) -> dict[str, object]:
        data = value if isinstance(value, Mapping) else {}
        return {name: spec.parse(data.get(name, "")) for name, spec in self.fields.items()}


def form(**fields: Spec) -> Form:
    """A Form spec from keyword fields: form(email=Text(254), code=Text(8))."""
    return Form(fields)
