"""The portal editor (owner only): the booking rules currently in force."""

from __future__ import annotations

import reflex as rx

from portal_app.domain.business_settings import read_settings
from portal_app.domain.errors import NotAllowed
from portal_app.infra.database import session_scope
from portal_app.ui.states.staff_state import StaffState
from portal_app.ui.texts.catalog import text


class EditorState(StaffState):
    rules: list[dict[str, str]] = []

    @rx.event
    def load_editor(self):
        """Show the owner's booking rules; others get a refusal."""
        actor = self._staff_actor()
        if actor is None:
            return rx.redirect("/staff/login")
        try:
            with session_scope() as session:
                current = read_settings(session, actor)
        except NotAllowed:
            self.rules = []
            self.error = text("editor.owner_only", self.locale)
            return None
        loc = self.locale
        yes, no = text("common.yes", loc), text("common.no", loc)

        def hours(value: int) -> str:
            return str(value) if value else text("common.disabled", loc)

        self.error = ""
        self.rules = [
            {
                "label": text("settings.booking_mode", loc),
                "value": text(f"settings.booking_mode.{current.booking_mode}", loc),
            },
            {
                "label": text("settings.allow_reschedule", loc),
                "value": yes if current.allow_reschedule else no,
            },
            {
                "label": text("settings.reschedule_min_hours", loc),
                "value": hours(current.reschedule_min_hours),
            },
            {
                "label": text("settings.cancel_min_hours", loc),
                "value": hours(current.cancel_min_hours),
            },
            {"label": text("settings.reminder_hours", loc), "value": str(current.reminder_hours)},
            {"label": text("settings.options_count", loc), "value": str(current.options_count)},
            {
                "label": text("settings.more_options", loc),
                "value": yes if current.more_options_enabled else no,
            },
            {
                "label": text("settings.preferred_date", loc),
                "value": yes if current.preferred_date_enabled else no,
            },
        ]
