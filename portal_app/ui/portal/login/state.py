"""Customer sign-in (seeds 001, 002): an access link or a code, never a password.

Handlers never set cookies (rx.Cookie cannot be HttpOnly): after a correct code they get
a 60-second hand-off token and send the browser to the plain route that sets the cookie.
"""

from __future__ import annotations

from datetime import datetime, timedelta
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
    # When the last link or code went out (kept on the server, never sent to the browser).
    _sent_at: datetime | None = None

    @public
    def load(self):
        """Pick nl or en from the browser; offer demo sign-in in dev; start at the e-mail
        step, unless a link or code went out in this tab and is still valid: a phone that
        reloads the tab after the mail app, or a websocket that reconnects (which runs
        this again), keeps the code field instead of asking for the address again."""
        self._use_locale(locale_from_header(self.router.headers.accept_language))
        self.dev_tools = settings().dev_tools
        self.error = ""
        if self.step != "email" and self._sent_within_its_lifetime():
            return
        self.step, self.notice = "email", ""

    def _sent_within_its_lifetime(self) -> bool:
        limits = context().access
        minutes = limits.code_minutes if self.step == "code_sent" else limits.link_minutes
        sent, now = self._sent_at, context().clock.now()
        return sent is not None and now - sent < timedelta(minutes=minutes)

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
        self._sent_at = context().clock.now()
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
