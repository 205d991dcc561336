"""The navigation of each audience, and which roles see each item.

Every address itself lives in `portal_app.core.paths` (the plain routes use them too).
"""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.core import paths
from portal_app.core.actor import ALL_STAFF, CUSTOMERS, OFFICE, OWNERS, Role


@dataclass(frozen=True)
class NavItem:
    text_key: str
    href: str
    icon: str
    roles: frozenset[Role]


PORTAL_NAV = (
    NavItem("nav.dashboard", paths.PORTAL, "layout-dashboard", CUSTOMERS),
    NavItem("nav.appointments", paths.APPOINTMENTS, "calendar", CUSTOMERS),
    NavItem("nav.packages", paths.PACKAGES, "package", CUSTOMERS),
    NavItem("nav.events", paths.EVENTS, "ticket", CUSTOMERS),
    NavItem("nav.payments", paths.PAYMENTS, "credit-card", CUSTOMERS),
    NavItem("nav.documents", paths.DOCUMENTS, "file-text", CUSTOMERS),
    NavItem("nav.messages", paths.MESSAGES, "mail", CUSTOMERS),
    NavItem("nav.checkin", paths.CHECKIN, "car", CUSTOMERS),
    NavItem("nav.profile", paths.PROFILE, "user", CUSTOMERS),
    NavItem("nav.privacy", paths.PRIVACY, "shield", CUSTOMERS),
)

STAFF_NAV = (
    NavItem("staff.nav.dashboard", paths.STAFF, "layout-dashboard", ALL_STAFF),
    NavItem("staff.nav.inbox", paths.INBOX, "inbox", OFFICE),
    NavItem("staff.nav.customers", paths.CUSTOMERS, "users", OFFICE),
    NavItem("staff.nav.team", paths.TEAM, "shield-check", OWNERS),
    NavItem("staff.nav.audit", paths.AUDIT, "scroll-text", OWNERS),
    NavItem("staff.nav.editor", paths.EDITOR, "palette", OWNERS),
)

EDITOR_NAV = (
    NavItem("editor.nav.settings", paths.EDITOR, "sliders-horizontal", OWNERS),
    NavItem("editor.nav.templates", paths.EDITOR_TEMPLATES, "mail", OWNERS),
    NavItem("editor.nav.privacy", paths.EDITOR_PRIVACY, "shield", OWNERS),
    NavItem("editor.nav.back", paths.STAFF, "arrow-left", OWNERS),
)
