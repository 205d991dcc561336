"""/staff/audit: the audit log, newest first, paged (owner only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.catalog import text
from portal_app.core.locale import format_when
from portal_app.core.paging import PageNumber, PageRequest
from portal_app.domain.audit.queries import audit_page
from portal_app.domain.audit.views import AuditView
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


@dataclass(frozen=True)
class AuditLine:
    id: int
    when: str
    what: str
    who: str
    about: str
    detail: str
    source: str

    @classmethod
    def of(cls, entry: AuditView, actor: Actor) -> AuditLine:
        who = entry.actor_name or text(f"audit.actor.{entry.actor_kind}", actor.locale)
        return cls(
            id=entry.id,
            when=format_when(entry.at, actor.timezone, actor.locale),
            what=text(f"audit.event.{entry.event}", actor.locale),
            who=who,
            about=entry.subject_name,
            detail=entry.detail,
            source=entry.source,
        )


class AuditState(SessionState):
    entries: list[AuditLine] = []
    page_number: int = 1
    has_next_page: bool = False

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """The newest page of the audit log."""
        self._page(actor, 1)

    @guarded(OWNERS, refusal="editor.owner_only")
    def show_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the audit log."""
        self._page(actor, number)

    def _page(self, actor: Actor, number: int) -> None:
        page = audit_page(context(), actor, PageRequest.clamp(number))
        self.entries = [AuditLine.of(entry, actor) for entry in page.items]
        self.page_number, self.has_next_page = page.number, page.has_next
