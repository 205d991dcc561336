"""The one auth guard: resolve the actor from the HttpOnly cookie, server-side."""

from __future__ import annotations

import reflex as rx

from portal_app.domain.actor import Actor
from portal_app.domain.appointment_queries import business_view
from portal_app.domain.sessions import end_all_sessions, end_session, resolve_session
from portal_app.infra.database import session_scope
from portal_app.ui.texts.catalog import catalog_for
from portal_app.web.runtime import clock
from portal_app.web.session_cookie import session_value


class SessionState(rx.State):
    """Texts and business header for every page; never holds secrets or rows."""

    texts: dict[str, str] = catalog_for("nl")
    locale: str = "nl"
    business_name: str = ""
    logo_url: str = "/logo.svg"
    signed_in: bool = False

    def _actor(self) -> Actor | None:
        """The actor behind this client's session cookie, checked in the database."""
        raw = session_value(self.router.headers.cookie)
        with session_scope() as session:
            return resolve_session(session, raw, clock())

    def _apply_chrome(self, actor: Actor, locale: str) -> None:
        with session_scope() as session:
            business = business_view(session, actor.business_id)
        self.business_name = business.name
        self.logo_url = business.logo_url
        self.locale = locale
        self.texts = catalog_for(locale)
        self.signed_in = True

    @rx.event
    def logout(self):
        """Revoke this browser's session, then let a plain route clear the cookie."""
        raw = session_value(self.router.headers.cookie)
        with session_scope() as session:
            end_session(session, raw, clock())
        self.signed_in = False
        return rx.call_script("window.location.assign('/auth/signed-out')")

    @rx.event
    def logout_everywhere(self):
        """Revoke every session of this person, on every device."""
        actor = self._actor()
        if actor is not None:
            with session_scope() as session:
                end_all_sessions(session, actor, clock())
        self.signed_in = False
        return rx.call_script("window.location.assign('/auth/signed-out')")
