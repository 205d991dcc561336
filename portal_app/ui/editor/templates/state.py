"""The portal editor's message templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core.actor import OWNERS, Actor
from portal_app.core.catalog import text
from portal_app.core.locale import LOCALES
from portal_app.core.parsing import Choice, Text, form
from portal_app.domain.messaging import service as templates
from portal_app.domain.messaging.templates import KINDS, UnknownPlaceholder
from portal_app.domain.messaging.views import TemplateForm
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded

# Longer than any template part may be: the service refuses over-long texts itself.
TEMPLATE_FORM = form(subject=Text(1000), body=Text(10_000), sms=Text(1000))


@dataclass(frozen=True)
class KindChoice:
    value: str
    label: str


class TemplateState(SessionState):
    kind: str = KINDS[0]
    template_locale: str = "nl"
    subject: str = ""
    body: str = ""
    sms: str = ""
    placeholders: list[str] = []
    customised: bool = False
    kinds: list[KindChoice] = []
    form_version: int = 0

    def _show(self, form_view: TemplateForm) -> None:
        self.subject, self.body, self.sms = form_view.subject, form_view.body, form_view.sms
        self.placeholders = ["{{" + name + "}}" for name in form_view.placeholders]
        self.customised = form_view.customised
        self.form_version += 1  # remounts the uncontrolled fields with the new texts

    def _load(self, actor: Actor) -> None:
        self._show(
            templates.template_form(context(), actor, kind=self.kind, locale=self.template_locale)
        )

    @guarded(OWNERS, load=True, refusal="editor.owner_only")
    def load(self, actor: Actor):
        """Open the editor on the first kind, in Dutch."""
        self.kinds = [KindChoice(k, text(f"templates.kind.{k}", actor.locale)) for k in KINDS]
        self._load(actor)

    @guarded(OWNERS)
    def choose(self, actor: Actor, kind: Annotated[str, Choice(KINDS, KINDS[0])]):
        """Show another kind of message."""
        self.kind, self.notice, self.error = kind, "", ""
        self._load(actor)

    @guarded(OWNERS)
    def choose_locale(
        self, actor: Actor, locale: Annotated[str | list[str], Choice(LOCALES, "nl")]
    ):
        """Show the texts of another language."""
        self.template_locale, self.notice, self.error = locale, "", ""
        self._load(actor)

    @guarded(OWNERS)
    def save(self, actor: Actor, data: Annotated[dict, TEMPLATE_FORM]):
        """Save; an unknown placeholder is named in a clear sentence and nothing is stored."""
        self.notice = ""
        try:
            saved = templates.save_template(
                context(),
                actor,
                kind=self.kind,
                locale=self.template_locale,
                subject=data["subject"],
                body=data["body"],
                sms=data["sms"],
            )
        except UnknownPlaceholder as error:
            self.error = self._t(error.code, placeholder="{{" + error.placeholder + "}}")
            return
        self.error = ""
        self.notice = self._t("templates.saved")
        self._show(saved)

    @guarded(OWNERS)
    def restore_default(self, actor: Actor):
        """Back to the built-in texts."""
        reset = templates.reset_template(
            context(), actor, kind=self.kind, locale=self.template_locale
        )
        self.error = ""
        self.notice = self._t("templates.reset_done")
        self._show(reset)
