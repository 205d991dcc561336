"""The not-yet-built modules only check that a customer is signed in."""

from __future__ import annotations

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.ui.base import SessionState, guarded


class ModuleState(SessionState):
    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """Show the page's shell for the signed-in customer."""
