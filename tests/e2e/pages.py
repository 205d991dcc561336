"""Every page of the portal, with who opens it in the browser tests and at which address.

The page-wide checks (accessibility, no sideways scroll) visit these; a page registered
in `portal_app/ui/pages.py` but missing here fails `test_every_page_is_listed`, so a new
page is checked from the day it lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlmodel import select

from portal_app.core.context import Context
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.service import issue_access_link
from tests.factories import add_appointment, add_customer, invite
from tests.moments import local_time, weekday_ahead

SIGNED_OUT, CUSTOMER, STAFF, OWNER = "signed out", "customer", "staff", "owner"

# Registered route -> (who opens it, the address to open; {names} are filled by `ids`).
PAGES: dict[str, tuple[str, str]] = {
    "/portal/login": (SIGNED_OUT, "/portal/login"),
    "/portal/new-link": (SIGNED_OUT, "/portal/new-link"),
    "/staff/login": (SIGNED_OUT, "/staff/login"),
    "404": (SIGNED_OUT, "/no/such/page"),
    "/portal": (CUSTOMER, "/portal"),
    "/portal/appointments": (CUSTOMER, "/portal/appointments"),
    "/portal/appointments/[appointment_id]": (
        CUSTOMER,
        "/portal/appointments/{appointment}",
    ),
    "/portal/appointments/[appointment_id]/reschedule": (
        CUSTOMER,
        "/portal/appointments/{appointment}/reschedule",
    ),
    "/portal/book": (CUSTOMER, "/portal/book"),
    "/portal/invitations/[invitation_id]": (CUSTOMER, "/portal/invitations/{invitation}"),
    "/portal/profile": (CUSTOMER, "/portal/profile"),
    "/portal/privacy": (CUSTOMER, "/portal/privacy"),
    "/portal/packages": (CUSTOMER, "/portal/packages"),
    "/portal/events": (CUSTOMER, "/portal/events"),
    "/portal/payments": (CUSTOMER, "/portal/payments"),
    "/portal/documents": (CUSTOMER, "/portal/documents"),
    "/portal/messages": (CUSTOMER, "/portal/messages"),
    "/portal/checkin": (CUSTOMER, "/portal/checkin"),
    "/staff": (STAFF, "/staff"),
    "/staff/inbox": (STAFF, "/staff/inbox"),
    "/staff/customers": (STAFF, "/staff/customers"),
    "/staff/customers/new": (STAFF, "/staff/customers/new"),
    "/staff/customers/[customer_id]": (STAFF, "/staff/customers/{customer}"),
    "/staff/customers/[customer_id]/edit": (STAFF, "/staff/customers/{customer}/edit"),
    "/staff/appointments/[appointment_id]": (STAFF, "/staff/appointments/{appointment}"),
    "/staff/team": (OWNER, "/staff/team"),
    "/staff/audit": (OWNER, "/staff/audit"),
    "/editor": (OWNER, "/editor"),
    "/editor/templates": (OWNER, "/editor/templates"),
    "/editor/privacy": (OWNER, "/editor/privacy"),
    "/editor/services": (OWNER, "/editor/services"),
}

# Server-rendered pages of the plain routes (Jinja2), opened signed out.
PLAIN_PAGES = [
    "/auth/link?token=x",  # a link that does not work
    "/l/abcdefghijklmnop",  # a short link that does not work
    "{link}",  # a working link: the page with the button that signs in
    "/dev/login",
    "/dev/mailbox",
]


# Pages that speak one language whoever visits (the back-office is Dutch, the development
# tools English); every other page speaks the visitor's.
ONE_LANGUAGE = {"/staff/login": "nl", "/dev/login": "en", "/dev/mailbox": "en"}


@dataclass(frozen=True)
class Visitor:
    """A customer the page-wide checks sign in as, and the ids of the addresses in PAGES
    and PLAIN_PAGES that are theirs (the staff pages show this customer too)."""

    name: str
    ids: dict[str, int | str]


def arrange(live: Context, first: str, locale: str = "nl", at: time = time(16, 0)) -> Visitor:
    """A fresh customer speaking `locale` with an appointment four weeks ahead (at `at` on
    a working day, clear of the days other browser tests book) and an invitation."""
    name, email, customer_id = add_customer(live, first, locale=locale)
    start = local_time(weekday_ahead(live.clock.now(), 28), at)
    ids: dict[str, int | str] = {
        "customer": customer_id,
        "appointment": add_appointment(live, customer_id, start),
        "invitation": invite(live, customer_id),
        "link": _link(live, email),
    }
    return Visitor(name, ids)


def _link(live: Context, email: str) -> str:
    """A working sign-in link's path (the landing page with its button)."""
    with live.db.transaction() as session:
        person = session.exec(select(Customer).where(Customer.email == email)).one()
        url = issue_access_link(session, live, person, "/portal", 15)
    return url.removeprefix(live.public_url.rstrip("/"))


def addresses(who: str, ids: dict[str, int | str]) -> list[str]:
    """The addresses of the pages `who` opens."""
    return [address.format(**ids) for audience, address in PAGES.values() if audience == who]
