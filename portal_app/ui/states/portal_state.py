"""The customer portal's pages: dashboard, appointments, profile."""

from __future__ import annotations

import reflex as rx

from portal_app.domain import appointment_queries, staff_queries
from portal_app.domain.views import AppointmentView
from portal_app.infra.database import session_scope
from portal_app.ui.states.session_state import SessionState
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import format_money, format_when
from portal_app.web.runtime import clock


def appointment_card_data(view: AppointmentView, timezone: str, locale: str) -> dict[str, str]:
    """Strings a card shows for one appointment, formatted for the locale."""
    return {
        "id": str(view.id),
        "service": view.service_name,
        "when": format_when(view.start_utc, timezone, locale),
        "with": text("appointment.with", locale, staff=view.staff_name),
        "customer": view.customer_name,
        "duration": text("appointment.duration", locale, minutes=view.duration_minutes),
        "price": format_money(view.price_cents, locale),
        "status": text(f"status.{view.status}", locale),
        "location": view.location,
    }


class PortalState(SessionState):
    customer_name: str = ""
    welcome: str = ""
    contact: str = ""
    upcoming: list[dict[str, str]] = []
    history: list[dict[str, str]] = []
    profile: dict[str, str] = {}

    @rx.event
    def load(self):
        """Load the signed-in customer's portal; send strangers to the log-in page."""
        actor = self._actor()
        if actor is None or not actor.is_customer:
            self.signed_in = False
            return rx.redirect("/portal/login")
        now = clock().now()
        with session_scope() as session:
            profile = staff_queries.customer_profile(session, actor)
            business = appointment_queries.business_view(session, actor.business_id)
            upcoming = appointment_queries.customer_upcoming(session, actor, now)
            history = appointment_queries.customer_history(session, actor, now)
        locale = profile.locale
        self._apply_chrome(actor, locale)
        self.customer_name = profile.name
        self.welcome = text("portal.welcome", locale, name=profile.name)
        self.contact = text("portal.contact", locale, phone=business.phone, email=business.email)
        self.upcoming = [appointment_card_data(v, business.timezone, locale) for v in upcoming]
        self.history = [appointment_card_data(v, business.timezone, locale) for v in history]
        self.profile = {
            "name": profile.name,
            "email": profile.email,
            "mobile": profile.mobile or "—",
            "city": profile.city or "—",
            "channel": text(f"channel.{profile.preferred_channel}", locale),
        }
