"""Customer sign-in (seeds 001, 002): an access link or a code, never a password.

Handlers never set cookies (rx.Cookie cannot be HttpOnly): after a correct code they get
a 60-second hand-off token and send the browser to the plain route that sets the cookie.
"""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.locale import locale_from_header
from portal_app.core.parsing import Text, form
from portal_app.domain.identity import service as access
from portal_app.runtime import context, settings
from portal_app.ui.base import SessionState, public

EMAIL = Text(254)


class CustomerLoginState(SessionState):
    dev_tools: bool = False
    step: str = "email"  # email | link_sent | code_sent
    email: str = ""

    @public
    def load(self):
        """Reset the form; pick nl or en from the browser; offer demo sign-in in dev."""
        self._use_locale(locale_from_header(self.router.headers.accept_language))
        self.dev_tools = settings().dev_tools
        self.step, self.notice, self.error = "email", "", ""

    @public
    def send_link(self, data: Annotated[dict, form(email=EMAIL)]):
        """Mail an access link; the answer is the same for strangers."""
        access.request_access_link(context(), email=data["email"], client_ip=self._client_ip())
        self._sent(data["email"], "link_sent")

    @public
    def set_email(self, value: Annotated[str, EMAIL]):
        """Keep the typed address (the code button sends it)."""
        self.email = value

    @public
    def send_code(self):
        """Send a one-time code by SMS or e-mail; the same answer for strangers."""
        access.request_login_code(context(), email=self.email, client_ip=self._client_ip())
        self._sent(self.email, "code_sent")

    def _sent(self, email: str, step: str) -> None:
        self.email, self.error, self.step = email, "", step
        key = "login.link_sent" if step == "link_sent" else "login.code_sent"
        self.notice = self._t(key, minutes=context().access.link_minutes)

    @public
    def verify_code(self, data: Annotated[dict, form(code=Text(20))]):
        """Check the code; on success hand the browser to the cookie-setting route."""
        token = access.verify_login_code(context(), email=self.email, code=data["code"])
        self._browser_load(paths.handoff(token))

    @public
    def restart(self):
        """Back to the e-mail step."""
        self.step, self.notice, self.error = "email", "", ""
