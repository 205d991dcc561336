"""Staff sign-in: e-mail and password; lockout and roles are enforced in the domain."""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.parsing import Text, form
from portal_app.domain.identity.staff_login import staff_sign_in
from portal_app.runtime import context
from portal_app.ui.base import SessionState, browser_load, public

# Long enough for any pass phrase; longer input is refused before it is hashed.
PASSWORD = Text(1024)


class StaffLoginState(SessionState):
    @public
    def load(self):
        """Dutch, empty form."""
        self._use_locale("nl")
        self.notice = self.error = ""

    @public
    def sign_in(self, data: Annotated[dict, form(email=Text(254), password=PASSWORD)]):
        """Check e-mail and password; on success hand the browser to the cookie route."""
        token = staff_sign_in(context(), email=data["email"], password=data["password"])
        return browser_load(paths.handoff(token))
