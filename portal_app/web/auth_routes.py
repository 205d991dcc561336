"""Sign-in routes that must set or clear the HttpOnly session cookie."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from portal_app.core import paths
from portal_app.core.locale import locale_from_header
from portal_app.domain.identity import service as access
from portal_app.domain.identity.errors import AccessError, LinkInvalid
from portal_app.domain.identity.sessions import end_session
from portal_app.runtime import context
from portal_app.web.pages import page_response
from portal_app.web.session_cookie import clear_session_cookie, session_value, set_session_cookie


def request_locale(request: Request) -> str:
    """nl or en, from the browser's Accept-Language (nl when unsure)."""
    return locale_from_header(request.headers.get("accept-language"))


async def link_landing(request: Request) -> Response:
    """Shows a Continue button; opening the link alone never uses it up."""
    return _continue_page(request, request.query_params.get("token", ""))


async def short_link_landing(request: Request) -> Response:
    """The short link of an SMS (/l/<token>): the same Continue page."""
    return _continue_page(request, request.path_params.get("token", ""))


def _continue_page(request: Request, token: str) -> Response:
    return page_response(
        "link_landing.html",
        locale=request_locale(request),
        action=paths.AUTH_LINK,
        token=token[:200],
        headers={"Referrer-Policy": "no-referrer"},
    )


async def link_redeem(request: Request) -> Response:
    """Uses the token once, rotates the session and lands on the link's page."""
    form = await request.form()
    return _redeem(request, form.get("token"))


async def handoff(request: Request) -> Response:
    """Turns a 60-second hand-off token (after a code or password) into the cookie."""
    return _redeem(request, request.query_params.get("token"))


def _redeem(request: Request, token: object) -> Response:
    try:
        raw, target = access.redeem(context(), token, session_value(request.headers.get("cookie")))
    except AccessError as error:
        return access_problem(error, request_locale(request))
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, raw)
    return response


def access_problem(error: AccessError, locale: str) -> Response:
    """A clear sentence about what went wrong and a way to get a new link."""
    if not isinstance(error, AccessError):
        error = LinkInvalid()
    return page_response(
        "access_problem.html",
        locale=locale,
        status_code=400,
        code=error.code,
        login=paths.PORTAL_LOGIN,
    )


async def logout(request: Request) -> Response:
    """Revokes this browser's session (form POST without JavaScript)."""
    end_session(context(), session_value(request.headers.get("cookie")))
    response = RedirectResponse(paths.PORTAL_LOGIN, status_code=303)
    clear_session_cookie(response)
    return response


async def signed_out(_request: Request) -> Response:
    """Clears the (already revoked) session cookie and shows the log-in page."""
    response = RedirectResponse(paths.PORTAL_LOGIN, status_code=303)
    clear_session_cookie(response)
    return response
