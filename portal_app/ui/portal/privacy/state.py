"""/portal/privacy: agree to the terms, read and download your data, erase it."""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.locale import format_when
from portal_app.core.parsing import Text, form
from portal_app.domain.privacy import service as privacy
from portal_app.domain.privacy.export import DataSection, export_document, readable
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


class PrivacyState(SessionState):
    sections: list[DataSection] = []
    consent_versions: str = ""
    agreed: str = ""  # when the current versions were agreed to ('' when not yet)
    download_url: str = paths.MY_DATA

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The consent state and everything the portal holds about this customer."""
        self.sections = readable(export_document(context(), actor))
        self._consent(actor, privacy.consent_status(context(), actor))

    def _consent(self, actor: Actor, view: privacy.ConsentView) -> None:
        self.consent_versions = self._t(
            "privacy.consent_versions", terms=view.terms_version, privacy=view.privacy_version
        )
        self.agreed = (
            self._t(
                "privacy.agreed_at",
                when=format_when(view.agreed_at, actor.timezone, actor.locale),
            )
            if view.agreed_at
            else ""
        )

    @guarded(CUSTOMERS)
    def agree(self, actor: Actor):
        """Record agreement to the current terms and privacy statement."""
        self._consent(actor, privacy.give_consent(context(), actor))

    @guarded(CUSTOMERS)
    def erase(self, actor: Actor, data: Annotated[dict, form(email=Text(254))]):
        """Erase this customer's personal data after they typed their address; signed out."""
        privacy.request_erasure(context(), actor, confirm_email=data["email"])
        self.signed_in = False
        self._browser_load(paths.AUTH_SIGNED_OUT)
