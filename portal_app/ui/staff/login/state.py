"""Staff sign-in: e-mail and password, then (owners always, other staff when required)
an authenticator code; throttling, lockout and roles are enforced in the domain."""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.parsing import Secret, Text, form
from portal_app.domain.identity import two_factor
from portal_app.domain.identity.staff_login import staff_sign_in
from portal_app.runtime import context
from portal_app.ui.base import SessionState, public

CODE = Text(20)


class StaffLoginState(SessionState):
    step: str = "password"  # password | code | enrol | recovery_codes
    qr_code: str = ""
    secret: str = ""
    recovery_codes: list[str] = []
    # The challenge between password and second factor stays on the server.
    _challenge: str = ""

    @public
    def load(self):
        """Dutch, empty form."""
        self._use_locale("nl")
        self._restart()

    def _restart(self) -> None:
        self.notice = self.error = ""
        self.step, self.qr_code, self.secret, self.recovery_codes = "password", "", "", []
        self._challenge = ""

    @public
    def sign_in(self, data: Annotated[dict, form(email=Text(254), password=Secret())]):
        """Check e-mail and password; then the second step, or the cookie route."""
        outcome = staff_sign_in(
            context(), email=data["email"], password=data["password"], source=self._client_ip()
        )
        self.error = ""
        if outcome.handoff:
            self._browser_load(paths.handoff(outcome.handoff))
            return
        self._challenge = outcome.challenge
        if outcome.enrolment is not None:
            self.step = "enrol"
            self.qr_code, self.secret = outcome.enrolment.qr_data_uri, outcome.enrolment.secret
        else:
            self.step = "code"

    @public
    def verify(self, data: Annotated[dict, form(code=CODE)]):
        """An authenticator or recovery code; on success hand over to the cookie route."""
        token = two_factor.verify_second_factor(
            context(), challenge=self._challenge, code=data["code"], source=self._client_ip()
        )
        self._browser_load(paths.handoff(token))

    @public
    def confirm(self, data: Annotated[dict, form(code=CODE)]):
        """Confirm the new authenticator; show the recovery codes once."""
        self.recovery_codes = two_factor.confirm_enrolment(
            context(), challenge=self._challenge, code=data["code"], source=self._client_ip()
        )
        self.error, self.step, self.qr_code, self.secret = "", "recovery_codes", "", ""

    @public
    def finish(self):
        """The recovery codes are written down: sign in."""
        token = two_factor.finish_enrolment(context(), challenge=self._challenge)
        self.recovery_codes = []
        self._browser_load(paths.handoff(token))

    @public
    def restart(self):
        """Back to e-mail and password."""
        self._restart()
