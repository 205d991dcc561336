"""The customer's profile."""

from __future__ import annotations

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.domain.customers.queries import profile
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import CustomerCard


class ProfileState(SessionState):
    card: CustomerCard | None = None

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The signed-in customer's details."""
        self.card = CustomerCard.of(profile(context(), actor), actor.locale)
