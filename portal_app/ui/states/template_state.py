"""The portal editor's message templates (owner only)."""

from __future__ import annotations

import reflex as rx

from portal_app.domain.errors import DomainError
from portal_app.domain.message_templates import reset_template, save_template, template_form
from portal_app.domain.notifications import KINDS, LOCALES, UnknownPlaceholder
from portal_app.infra.database import session_scope
from portal_app.ui.states.staff_state import StaffState
from portal_app.ui.texts.catalog import text
from portal_app.web.runtime import clock


def _choice(value: object, allowed: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in allowed else default


def _text(form_data: object, name: str) -> object:
    return form_data.get(name, "") if isinstance(form_data, dict) else ""


class TemplateState(StaffState):
    kind: str = KINDS[0]
    template_locale: str = "nl"
    subject: str = ""
    body: str = ""
    sms: str = ""
    placeholders: list[str] = []
    customised: bool = False
    kinds: list[dict[str, str]] = []
    saved: str = ""
    form_version: int = 0

    def _load(self, actor) -> None:
        with session_scope() as session:
            form = template_form(session, actor, kind=self.kind, locale=self.template_locale)
        self.subject, self.body, self.sms = form.subject, form.body, form.sms
        self.placeholders = [f"{{{{{name}}}}}" for name in form.placeholders]
        self.customised = form.customised
        self.form_version += 1  # remounts the uncontrolled fields with the new texts

    def _owner(self):
        actor = self._staff_actor()
        if actor is None:
            return None, rx.redirect("/staff/login")
        if not self.is_owner:
            self.error = text("editor.owner_only", self.locale)
            return None, None
        return actor, None

    @rx.event
    def load_templates(self):
        """Open the editor on the first kind, in Dutch."""
        actor, redirect = self._owner()
        if actor is None:
            return redirect
        self.error = self.saved = ""
        self.kinds = [
            {"value": k, "label": text(f"templates.kind.{k}", self.locale)} for k in KINDS
        ]
        self._load(actor)
        return None

    @rx.event
    def choose(self, kind: str):
        """Show another kind of message."""
        actor, redirect = self._owner()
        if actor is None:
            return redirect
        self.kind = _choice(kind, KINDS, self.kind)
        self.error = self.saved = ""
        self._load(actor)
        return None

    @rx.event
    def choose_locale(self, locale: str | list[str]):
        """Show the texts of another language."""
        actor, redirect = self._owner()
        if actor is None:
            return redirect
        self.template_locale = _choice(locale, LOCALES, self.template_locale)
        self.error = self.saved = ""
        self._load(actor)
        return None

    @rx.event
    def save(self, form_data: dict):
        """Save; an unknown placeholder is named in a clear sentence and nothing is stored."""
        actor, redirect = self._owner()
        if actor is None:
            return redirect
        self.saved = ""
        try:
            with session_scope() as session:
                save_template(
                    session,
                    actor,
                    clock(),
                    kind=self.kind,
                    locale=self.template_locale,
                    subject=_text(form_data, "subject"),
                    body=_text(form_data, "body"),
                    sms=_text(form_data, "sms"),
                )
        except UnknownPlaceholder as error:
            self.error = text(
                "templates.unknown_placeholder",
                self.locale,
                placeholder="{{" + error.placeholder + "}}",
            )
            return None
        except DomainError as error:
            self.error = text(error.code, self.locale)
            return None
        self.error = ""
        self.saved = text("templates.saved", self.locale)
        self._load(actor)
        return None

    @rx.event
    def restore_default(self):
        """Back to the built-in texts."""
        actor, redirect = self._owner()
        if actor is None:
            return redirect
        with session_scope() as session:
            reset_template(session, actor, kind=self.kind, locale=self.template_locale)
        self.error = ""
        self.saved = text("templates.reset_done", self.locale)
        self._load(actor)
        return None
