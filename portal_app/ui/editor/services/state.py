"""The services' names and descriptions, in Dutch and English."""

from __future__ import annotations

from typing import Annotated

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.parsing import Id, Text, form
from portal_app.domain.business.service import save_service_wording, service_wording
from portal_app.domain.business.views import ServiceWording
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded

WORDING = form(
    service_id=Id(),
    name=Text(200),
    name_en=Text(200),
    description=Text(1000),
    description_en=Text(1000),
)


class ServicesState(SessionState):
    services: list[ServiceWording] = []
    # Remounts the forms after a save, so they show what is stored.
    version: int = 0

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """Every active service with its wording; only the owner."""
        self.services = service_wording(context(), actor)

    @guarded(OWNERS, refusal="editor.owner_only")
    def save(self, actor: Actor, data: Annotated[dict, WORDING]):
        """Store one service's names and descriptions."""
        saved = save_service_wording(context(), actor, **data)
        self.services = [saved if s.id == saved.id else s for s in self.services]
        self.error, self.version = "", self.version + 1
        self.notice = self._t("services.saved", name=saved.name)
