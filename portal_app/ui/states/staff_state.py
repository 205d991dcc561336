"""Back-office pages: overview with this week and the activity feed, customers."""

from __future__ import annotations

import reflex as rx

from portal_app.domain import appointment_queries, staff_queries
from portal_app.domain.actor import StaffRole
from portal_app.domain.errors import NotAllowed
from portal_app.infra.database import session_scope
from portal_app.ui.states.portal_state import appointment_card_data
from portal_app.ui.states.session_state import SessionState
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import format_when
from portal_app.web.runtime import clock


class StaffState(SessionState):
    staff_name: str = ""
    hello: str = ""
    is_owner: bool = False
    can_see_customers: bool = False
    week: list[dict[str, str]] = []
    activity: list[dict[str, str]] = []
    customers: list[dict[str, str]] = []
    error: str = ""

    def _staff_actor(self):
        actor = self._actor()
        if actor is None or not actor.is_staff:
            self.signed_in = False
            return None
        self._apply_chrome(actor, "nl")
        with session_scope() as session:
            self.staff_name = staff_queries.staff_name(session, actor)
        self.hello = text("staff.hello", self.locale, name=self.staff_name)
        self.is_owner = actor.role == StaffRole.OWNER
        self.can_see_customers = actor.role != StaffRole.MECHANIC
        return actor

    @rx.event
    def load_dashboard(self):
        """This week's appointments and the newest online activity."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        now = clock().now()
        with session_scope() as session:
            business = appointment_queries.business_view(session, actor.business_id)
            week = appointment_queries.staff_day(session, actor, now, days=7)
            activity = staff_queries.recent_activity(session, actor)
        self.week = [appointment_card_data(v, business.timezone, self.locale) for v in week]
        self.activity = [
            {
                "when": format_when(a.at, business.timezone, self.locale),
                "who": a.actor_name,
                "what": text(f"activity.{a.action}", self.locale),
                "summary": a.summary,
            }
            for a in activity
        ]

    @rx.event
    def load_customers(self):
        """The customer list (owners and staff; mechanics are refused)."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        try:
            with session_scope() as session:
                rows = staff_queries.list_customers(session, actor)
        except NotAllowed:
            self.customers = []
            self.error = text("error.not_allowed", self.locale)
            return None
        self.error = ""
        self.customers = [
            {
                "name": c.name,
                "email": c.email,
                "mobile": c.mobile or "—",
                "city": c.city or "—",
                "channel": text(f"channel.{c.preferred_channel}", self.locale),
            }
            for c in rows
        ]
