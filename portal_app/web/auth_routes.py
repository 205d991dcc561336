"""Sign-in routes that must set or clear the HttpOnly session cookie."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from portal_app.domain.access import AccessError, LinkInvalid, redeem_access_token
from portal_app.domain.sessions import end_session, start_session
from portal_app.infra.database import session_scope
from portal_app.ui.texts.catalog import text
from portal_app.web.html_pages import page
from portal_app.web.runtime import clock
from portal_app.web.session_cookie import clear_session_cookie, session_value, set_session_cookie


def request_locale(request: Request) -> str:
    """nl or en, from the browser's Accept-Language (nl when unsure)."""
    accepted = request.headers.get("accept-language", "").lower()
    first = accepted.split(",")[0].strip()
    return "en" if first.startswith("en") else "nl"


async def link_landing(request: Request) -> Response:
    """Shows a Continue button; opening the link alone never uses it up."""
    locale = request_locale(request)
    token = request.query_params.get("token", "")
    body = (
        f"<h1>{escape(text('access.continue_title', locale))}</h1>"
        f"<p>{escape(text('access.continue_text', locale))}</p>"
        "<form method='post' action='/auth/link'>"
        f"<input type='hidden' name='token' value='{escape(token, quote=True)}'>"
        f"<button class='button' type='submit'>{escape(text('access.continue', locale))}</button>"
        "</form>"
    )
    return HTMLResponse(
        page(text("access.continue_title", locale), body, lang=locale),
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


async def link_redeem(request: Request) -> Response:
    """Uses the token once, rotates the session and lands on the link's page."""
    form = await request.form()
    return _redeem(request, form.get("token"))


async def handoff(request: Request) -> Response:
    """Turns a 60-second hand-off token (after a code or password) into the cookie."""
    return _redeem(request, request.query_params.get("token"))


def _redeem(request: Request, token: object) -> Response:
    locale = request_locale(request)
    old = session_value(request.headers.get("cookie"))
    try:
        with session_scope() as session:
            actor, target = redeem_access_token(session, token, clock())
            end_session(session, old, clock())
            raw = start_session(session, actor, clock())
    except AccessError as error:
        return access_error_page(error, locale)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, raw)
    return response


def access_error_page(error: AccessError, locale: str) -> Response:
    """A clear sentence about what went wrong and a way to get a new link."""
    if not isinstance(error, AccessError):
        error = LinkInvalid()
    body = (
        f"<h1>{escape(text('access.problem_title', locale))}</h1>"
        f"<p class='error' role='alert'>{escape(text(error.code, locale))}</p>"
        f"<a class='button' href='/portal/login'>{escape(text('access.request_new', locale))}</a>"
    )
    return HTMLResponse(
        page(text("access.problem_title", locale), body, lang=locale),
        status_code=400,
        headers={"Cache-Control": "no-store"},
    )


async def logout(request: Request) -> Response:
    """Revokes this browser's session (form POST without JavaScript)."""
    with session_scope() as session:
        end_session(session, session_value(request.headers.get("cookie")), clock())
    response = RedirectResponse("/portal/login", status_code=303)
    clear_session_cookie(response)
    return response


async def signed_out(_request: Request) -> Response:
    """Clears the (already revoked) session cookie and shows the log-in page."""
    response = RedirectResponse("/portal/login", status_code=303)
    clear_session_cookie(response)
    return response
