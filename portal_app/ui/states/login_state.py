"""Log-in pages: customers by link or code, staff by password.

Handlers never set cookies (rx.Cookie cannot be HttpOnly): after a correct code
or password they issue a 60-second hand-off token and send the browser to the
plain route /auth/handoff, which sets the cookie.
"""

from __future__ import annotations

import reflex as rx

from portal_app.domain.access import (
    issue_handoff,
    request_access_link,
    request_login_code,
    verify_login_code,
)
from portal_app.domain.errors import DomainError
from portal_app.domain.staff_auth import staff_login
from portal_app.infra.database import session_scope
from portal_app.ui.texts.catalog import catalog_for, text
from portal_app.web.runtime import access_policy, clock, settings


def _field(form_data: object, name: str, limit: int = 300) -> str:
    """One text field of submitted form data; anything else becomes ''."""
    if not isinstance(form_data, dict):
        return ""
    value = form_data.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


class LoginState(rx.State):
    texts: dict[str, str] = catalog_for("nl")
    locale: str = "nl"
    dev_tools: bool = False
    step: str = "email"  # email | link_sent | code_sent
    email: str = ""
    notice: str = ""
    error: str = ""

    def _client_ip(self) -> str:
        return self.router.headers.raw_headers.get("asgi-scope-client", "")

    @rx.event
    def load(self):
        """Reset the form; pick nl or en from the browser; offer demo sign-in in dev."""
        accepted = (self.router.headers.accept_language or "").lower()
        self.locale = "en" if accepted.startswith("en") else "nl"
        self.texts = catalog_for(self.locale)
        self.dev_tools = settings().dev_tools
        self.step, self.notice, self.error = "email", "", ""

    def _attempt(self, action):
        """Run `action(session)` and commit even when it refuses (counters must persist)."""
        with session_scope() as session:
            try:
                return action(session), None
            except DomainError as error:
                return None, error

    @rx.event
    def send_link(self, form_data: dict):
        """Mail an access link; the answer is the same for strangers."""
        email = _field(form_data, "email")
        _, error = self._attempt(
            lambda s: request_access_link(
                s,
                email=email,
                client_ip=self._client_ip(),
                public_url=settings().public_url,
                clock=clock(),
                policy=access_policy(),
            )
        )
        self._after_request(email, error, "link_sent")

    @rx.event
    def set_email(self, value: str):
        """Keep the typed address (the code button sends it)."""
        self.email = value.strip()[:300] if isinstance(value, str) else ""

    @rx.event
    def send_code(self):
        """Send a one-time code by SMS or e-mail; same answer for strangers."""
        email = self.email
        _, error = self._attempt(
            lambda s: request_login_code(
                s, email=email, client_ip=self._client_ip(), clock=clock(), policy=access_policy()
            )
        )
        self._after_request(email, error, "code_sent")

    def _after_request(self, email: str, error: DomainError | None, step: str) -> None:
        if error is not None:
            self.error = text(error.code, self.locale)
            return
        self.email, self.error, self.step = email, "", step
        key = "login.link_sent" if step == "link_sent" else "login.code_sent"
        self.notice = text(key, self.locale, minutes=access_policy().link_minutes)

    @rx.event
    def verify_code(self, form_data: dict):
        """Check the code; on success hand the browser to the cookie-setting route."""
        code = _field(form_data, "code", 20)

        def verify(session):
            actor = verify_login_code(
                session, email=self.email, code=code, clock=clock(), policy=access_policy()
            )
            return issue_handoff(session, actor, clock(), "/portal")

        token, error = self._attempt(verify)
        if error is not None:
            self.error = text(error.code, self.locale)
            return None
        return rx.call_script(f"window.location.assign('/auth/handoff?token={token}')")

    @rx.event
    def restart(self):
        """Back to the e-mail step."""
        self.step, self.notice, self.error = "email", "", ""

    @rx.event
    def staff_sign_in(self, form_data: dict):
        """Check e-mail and password; lockout and roles are enforced in the domain."""
        email = _field(form_data, "email")
        password = form_data.get("password", "") if isinstance(form_data, dict) else ""

        def sign_in(session):
            actor = staff_login(session, email=email, password=password, clock=clock())
            return issue_handoff(session, actor, clock(), "/staff")

        token, error = self._attempt(sign_in)
        if error is not None:
            self.error = text(error.code, self.locale)
            return None
        return rx.call_script(f"window.location.assign('/auth/handoff?token={token}')")
