"""State of the log-in pages (before anyone is signed in)."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.texts.catalog import catalog_for
from portal_app.web.runtime import settings


class LoginState(rx.State):
    texts: dict[str, str] = catalog_for("nl")
    dev_tools: bool = False

    @rx.event
    def load(self):
        """Offer the demo sign-in only where the dev tools are on."""
        self.dev_tools = settings().dev_tools
