"""/staff/team: the owner unlocks accounts and decides who needs a second step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.catalog import text
from portal_app.core.parsing import Flag, Id
from portal_app.domain.identity import team
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


@dataclass(frozen=True)
class TeamLine:
    id: int
    name: str
    email: str
    role: str
    two_factor: str
    required: bool
    can_change: bool
    blocked: bool
    blocked_text: str

    @classmethod
    def of(cls, member: team.TeamMember, locale: str) -> TeamLine:
        return cls(
            id=member.id,
            name=member.name,
            email=member.email,
            role=text(f"team.role.{member.role}", locale),
            two_factor=text(f"team.two_factor.{member.two_factor}", locale),
            required=member.required,
            can_change=member.role != "owner",
            blocked=member.blocked_from > 0,
            blocked_text=text("team.locked", locale, count=member.blocked_from)
            if member.blocked_from
            else text("team.not_locked", locale),
        )


class TeamState(SessionState):
    members: list[TeamLine] = []

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """The team with sign-in state."""
        self._show(actor)

    def _show(self, actor: Actor) -> None:
        self.members = [TeamLine.of(m, actor.locale) for m in team.team(context(), actor)]

    @guarded(OWNERS, refusal="editor.owner_only")
    def unlock(self, actor: Actor, staff_id: Annotated[int, Id()]):
        """Lift a staff member's sign-in blocks."""
        name = team.unlock(context(), actor, staff_id=staff_id)
        self.notice = self._t("team.unlocked", name=name)
        self._show(actor)

    @guarded(OWNERS, refusal="editor.owner_only")
    def set_required(
        self, actor: Actor, staff_id: Annotated[int, Id()], required: Annotated[bool, Flag()]
    ):
        """Require (or no longer require) a second step of a staff member."""
        name = team.require_two_factor(context(), actor, staff_id=staff_id, required=required)
        self.notice = self._t("team.changed", name=name)
        self._show(actor)
