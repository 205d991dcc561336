"""The portal editor's first page: the booking rules currently in force."""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.catalog import text
from portal_app.domain.business.queries import booking_rules
from portal_app.domain.business.views import BookingRules
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


@dataclass(frozen=True)
class RuleLine:
    label: str
    value: str


def rule_lines(rules: BookingRules, locale: str) -> list[RuleLine]:
    """Each rule as a label and a readable value."""
    yes, no = text("common.yes", locale), text("common.no", locale)

    def hours(value: int) -> str:
        return str(value) if value else text("common.disabled", locale)

    def line(key: str, value: str) -> RuleLine:
        return RuleLine(text(key, locale), value)

    return [
        line("settings.booking_mode", text(f"settings.booking_mode.{rules.booking_mode}", locale)),
        line("settings.allow_reschedule", yes if rules.allow_reschedule else no),
        line("settings.reschedule_min_hours", hours(rules.reschedule_min_hours)),
        line("settings.cancel_min_hours", hours(rules.cancel_min_hours)),
        line("settings.reminder_hours", str(rules.reminder_hours)),
        line("settings.options_count", str(rules.options_count)),
        line("settings.more_options", yes if rules.more_options_enabled else no),
        line("settings.preferred_date", yes if rules.preferred_date_enabled else no),
    ]


class RulesState(SessionState):
    rules: list[RuleLine] = []

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """The owner's booking rules; others are refused."""
        self.rules = rule_lines(booking_rules(context(), actor), actor.locale)
