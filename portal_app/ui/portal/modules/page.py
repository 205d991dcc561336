"""Packages, events, payments, documents, messages and check-in: empty for now."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.cards import empty_state
from portal_app.ui.kit.shells import page_title, portal_shell
from portal_app.ui.portal.modules.state import ModuleState

MODULES = (
    (paths.PACKAGES, "nav.packages", "portal.empty.packages"),
    (paths.EVENTS, "nav.events", "portal.empty.events"),
    (paths.PAYMENTS, "nav.payments", "portal.empty.payments"),
    (paths.DOCUMENTS, "nav.documents", "portal.empty.documents"),
    (paths.MESSAGES, "nav.messages", "portal.empty.messages"),
    (paths.CHECKIN, "nav.checkin", "portal.empty.checkin"),
)


def _module_page(nav_key: str, empty_key: str):
    def page() -> rx.Component:
        return portal_shell(
            nav_key, rx.vstack(page_title(nav_key), empty_state(empty_key), width="100%")
        )

    return page


def register(app: rx.App) -> None:
    """Add the module pages."""
    for route, nav_key, empty_key in MODULES:
        app.add_page(
            _module_page(nav_key, empty_key),
            route=route,
            on_load=ModuleState.load,
            title="Klantportaal",
        )
