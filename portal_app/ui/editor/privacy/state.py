"""/editor/privacy: erase customers after N months without activity (owner only)."""

from __future__ import annotations

from typing import Annotated

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.errors import InvalidInput
from portal_app.core.parsing import Text, form
from portal_app.domain.privacy import service as privacy
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


class PrivacySettingsState(SessionState):
    months: str = "0"

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """The current setting."""
        self.months = str(privacy.erase_after_months(context(), actor))

    @guarded(OWNERS, refusal="editor.owner_only")
    def save(self, actor: Actor, data: Annotated[dict, form(months=Text(4))]):
        """Save the number of months (0: never erase automatically)."""
        raw = data["months"]
        if not (raw.isascii() and raw.isdigit()):
            raise InvalidInput("not a number", code="privacy.months_invalid")
        saved = privacy.set_erase_after_months(context(), actor, months=int(raw))
        self.months = str(saved)
        self.notice = self._t("privacy.saved")
