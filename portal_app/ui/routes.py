"""The navigation of each audience, and which roles see each item.

Every address itself lives in `portal_app.core.paths` (the plain routes use them too).
"""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.core import paths
from portal_app.core.actor import ALL_STAFF, CUSTOMERS, OFFICE, OWNERS, Role


@dataclass(frozen=True)
class NavItem:
    """One menu item; `tab` items sit in the phone's bottom tab bar, the others in its
    "more" sheet (from tablet width up, every item is in the sidebar)."""

    text_key: str
    href: str
    icon: str
    roles: frozenset[Role]
    tab: bool = False
    # A shorter text for the phone's tab bar, where a long word would break mid-word.
    tab_key: str = ""


PORTAL_NAV = (
    NavItem("nav.dashboard", paths.PORTAL, "layout-dashboard", CUSTOMERS, tab=True),
    NavItem("nav.appointments", paths.APPOINTMENTS, "calendar", CUSTOMERS, tab=True),
    NavItem("nav.packages", paths.PACKAGES, "package", CUSTOMERS),
    NavItem("nav.events", paths.EVENTS, "ticket", CUSTOMERS),
    NavItem("nav.payments", paths.PAYMENTS, "credit-card", CUSTOMERS),
    NavItem("nav.documents", paths.DOCUMENTS, "file-text", CUSTOMERS),
    NavItem("nav.messages", paths.MESSAGES, "mail", CUSTOMERS, tab=True),
    NavItem("nav.checkin", paths.CHECKIN, "car", CUSTOMERS),
    NavItem("nav.profile", paths.PROFILE, "user", CUSTOMERS, tab=True),
    NavItem("nav.privacy", paths.PRIVACY, "shield", CUSTOMERS),
)

STAFF_NAV = (
    NavItem("staff.nav.dashboard", paths.STAFF, "layout-dashboard", ALL_STAFF, tab=True),
    NavItem("staff.nav.inbox", paths.INBOX, "inbox", OFFICE, tab=True),
    NavItem("staff.nav.customers", paths.CUSTOMERS, "users", OFFICE, tab=True),
    NavItem("staff.nav.team", paths.TEAM, "shield-check", OWNERS),
    NavItem("staff.nav.audit", paths.AUDIT, "scroll-text", OWNERS),
    NavItem(
        "staff.nav.editor",
        paths.EDITOR,
        "palette",
        OWNERS,
        tab=True,
        tab_key="staff.nav.editor_tab",
    ),
)

EDITOR_NAV = (
    NavItem("editor.nav.settings", paths.EDITOR, "sliders-horizontal", OWNERS, tab=True),
    NavItem("editor.nav.templates", paths.EDITOR_TEMPLATES, "mail", OWNERS, tab=True),
    NavItem("editor.nav.services", paths.EDITOR_SERVICES, "wrench", OWNERS, tab=True),
    NavItem("editor.nav.privacy", paths.EDITOR_PRIVACY, "shield", OWNERS),
    NavItem("editor.nav.back", paths.STAFF, "arrow-left", OWNERS, tab=True),
)
