"""The back-office overview."""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.core import paths
from portal_app.core.actor import ALL_STAFF, Actor
from portal_app.core.catalog import text
from portal_app.core.context import APPOINTMENTS
from portal_app.core.locale import format_when
from portal_app.domain.activity.views import ActivityView
from portal_app.domain.backoffice.queries import overview
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.live import business_key, live_page, refresh_as_viewer, watch


@dataclass(frozen=True)
class ActivityLine:
    id: int
    when: str
    who: str
    what: str
    summary: str

    @classmethod
    def of(cls, entry: ActivityView, actor: Actor) -> ActivityLine:
        return cls(
            id=entry.id,
            when=format_when(entry.at, actor.timezone, actor.locale),
            who=entry.actor_name,
            what=text(f"activity.{entry.action}", actor.locale),
            summary=entry.summary,
        )


@live_page(paths.STAFF)
class OverviewState(SessionState):
    hello: str = ""
    week: list[AppointmentCard] = []
    activity: list[ActivityLine] = []

    @guarded(ALL_STAFF, load=True)
    def load(self, actor: Actor):
        """This week's appointments and the newest online activity, kept live."""
        self._show(actor)
        watch(self, business_key(APPOINTMENTS, actor.business_id))

    def _live_refresh(self) -> bool:
        """A booking or change elsewhere: show it without a reload."""
        return refresh_as_viewer(self, ALL_STAFF, self._show)

    def _show(self, actor: Actor) -> None:
        view = overview(context(), actor)
        self.hello = self._t("staff.hello", name=view.staff_name)
        self.week = [AppointmentCard.of(v, actor) for v in view.week]
        self.activity = [ActivityLine.of(entry, actor) for entry in view.activity]
