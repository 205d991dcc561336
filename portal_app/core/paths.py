"""Every address of the portal, in one place (pages, plain routes, files)."""

from __future__ import annotations

# customers
PORTAL = "/portal"
PORTAL_LOGIN = "/portal/login"
PORTAL_NEW_LINK = "/portal/new-link"
APPOINTMENTS = "/portal/appointments"
BOOK = "/portal/book"
PROFILE = "/portal/profile"
PACKAGES = "/portal/packages"
EVENTS = "/portal/events"
PAYMENTS = "/portal/payments"
DOCUMENTS = "/portal/documents"
MESSAGES = "/portal/messages"
CHECKIN = "/portal/checkin"
PRIVACY = "/portal/privacy"

# staff and owners
STAFF = "/staff"
STAFF_LOGIN = "/staff/login"
INBOX = "/staff/inbox"
CUSTOMERS = "/staff/customers"
TEAM = "/staff/team"
AUDIT = "/staff/audit"
NEW_CUSTOMER = "/staff/customers/new"
EDITOR = "/editor"
EDITOR_TEMPLATES = "/editor/templates"
EDITOR_PRIVACY = "/editor/privacy"
EDITOR_SERVICES = "/editor/services"

# plain routes
AUTH_LINK = "/auth/link"
SHORT_LINK = "/l"
AUTH_HANDOFF = "/auth/handoff"
AUTH_LOGOUT = "/auth/logout"
AUTH_SIGNED_OUT = "/auth/signed-out"
MY_DATA = "/portal-files/my-data.json"
HEALTH = "/healthz"
DEV_LOGIN = "/dev/login"
DEV_MAILBOX = "/dev/mailbox"


def appointment(appointment_id: int | str) -> str:
    """A customer's appointment detail page."""
    return f"{APPOINTMENTS}/{appointment_id}"


def reschedule(appointment_id: int | str) -> str:
    """The reschedule screen of a customer's appointment."""
    return f"{APPOINTMENTS}/{appointment_id}/reschedule"


def invitation(invitation_id: int | str) -> str:
    """The options page of an invitation."""
    return f"/portal/invitations/{invitation_id}"


def appointment_ics(appointment_id: int | str) -> str:
    """The calendar file of a customer's appointment (an authorised plain route)."""
    return f"/portal-files/appointments/{appointment_id}.ics"


def staff_appointment(appointment_id: int | str) -> str:
    """An appointment's page in the back-office."""
    return f"/staff/appointments/{appointment_id}"


def staff_customer(customer_id: int | str) -> str:
    """A customer's page in the back-office."""
    return f"{CUSTOMERS}/{customer_id}"


def edit_customer(customer_id: int | str) -> str:
    """The form to change a customer's details."""
    return f"{CUSTOMERS}/{customer_id}/edit"


def short_link(token: str) -> str:
    """The short form of a sign-in link, for an SMS: lands on the same Continue page."""
    return f"{SHORT_LINK}/{token}"


def handoff(token: str) -> str:
    """The plain route that turns a hand-off token into the session cookie."""
    return f"{AUTH_HANDOFF}?token={token}"


def dev_mail_html(message_id: int | str) -> str:
    """The HTML part of an e-mail in the dev mailbox."""
    return f"{DEV_MAILBOX}/{message_id}.html"


def login_for(staff: bool) -> str:
    """Where someone without a (suitable) session signs in."""
    return STAFF_LOGIN if staff else PORTAL_LOGIN
