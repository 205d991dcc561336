"""The customer dashboard."""

from __future__ import annotations

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.domain.appointments.queries import dashboard
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard


class DashboardState(SessionState):
    welcome: str = ""
    contact: str = ""
    upcoming: list[AppointmentCard] = []

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """Welcome the customer with their next appointments."""
        view = dashboard(context(), actor)
        self.welcome = self._t("portal.welcome", name=view.customer_name)
        self.contact = self._t(
            "portal.contact", phone=view.business_phone, email=view.business_email
        )
        self.upcoming = [AppointmentCard.of(v, actor) for v in view.upcoming]
