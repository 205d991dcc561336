"""A customer's contact details as staff enter them: parsed, checked, applied.

E-mail addresses are checked with email-validator and phone numbers with phonenumbers
(stored in E.164); SMS as the preferred channel needs a mobile number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from sqlmodel import Session, select

from portal_app.core.errors import InvalidInput
from portal_app.core.locale import DEFAULT_LOCALE, LOCALES
from portal_app.core.parsing import (
    parse_choice,
    parse_email,
    parse_phone,
    parse_text,
    valid_mobile,
)
from portal_app.domain.customers.errors import EmailTaken, InvalidField
from portal_app.domain.customers.models import Customer

CHANNELS = ("email", "sms")
# Changes after which messages already scheduled must be written again.
ADDRESSING = frozenset({"name", "email", "mobile", "preferred_channel", "locale"})
PLACE = frozenset({"street", "postcode", "city"})


@dataclass(frozen=True)
class CustomerDetails:
    """What staff can set of a customer (also what the form shows)."""

    name: str
    email: str
    mobile: str
    preferred_channel: str
    locale: str
    street: str
    postcode: str
    city: str


def details_of(customer: Customer) -> CustomerDetails:
    """The details of a customer row."""
    return CustomerDetails(
        **{name: getattr(customer, name) for name in CustomerDetails.__annotations__}
    )


def _field(name: str, parse, value: object):
    try:
        return parse(value)
    except InvalidInput as refused:
        raise InvalidField(name, refused.code) from None


def parse_details(data: object) -> CustomerDetails:
    """The details from a submitted form; InvalidField names the first wrong field."""
    form = data if isinstance(data, Mapping) else {}
    name = _field("name", lambda v: parse_text(v, 200), form.get("name"))
    if not name:
        raise InvalidField("name", "staff_customers.name_required")
    mobile = _field("mobile", parse_phone, form.get("mobile"))
    channel = parse_choice(form.get("preferred_channel"), CHANNELS, "email")
    if channel == "sms" and not valid_mobile(mobile):
        raise InvalidField("mobile", "staff_customers.sms_needs_mobile")
    return CustomerDetails(
        name=name,
        email=_field("email", parse_email, form.get("email")),
        mobile=mobile,
        preferred_channel=channel,
        locale=parse_choice(form.get("locale"), LOCALES, DEFAULT_LOCALE),
        street=_field("street", lambda v: parse_text(v, 200), form.get("street")),
        postcode=_field("postcode", lambda v: parse_text(v, 16), form.get("postcode")),
        city=_field("city", lambda v: parse_text(v, 100), form.get("city")),
    )


def check_email_free(
    session: Session, business_id: int, email: str, customer_id: int | None = None
) -> None:
    """Refuse an address another customer of the business already signs in with."""
    query = select(Customer.id).where(Customer.business_id == business_id, Customer.email == email)
    if customer_id is not None:
        query = query.where(Customer.id != customer_id)
    if session.exec(query).first() is not None:
        raise EmailTaken("e-mail address in use")


def apply_details(customer: Customer, details: CustomerDetails) -> dict[str, tuple[str, str]]:
    """Write the details on the row; the changed fields as {name: (old, new)}. A new
    address forgets the old coordinates (the planner then goes by postcode)."""
    changes = {
        name: (getattr(customer, name), new)
        for name, new in asdict(details).items()
        if getattr(customer, name) != new
    }
    for name, (_old, new) in changes.items():
        setattr(customer, name, new)
    if PLACE & changes.keys():
        customer.latitude = customer.longitude = None
    return changes
