"""Reading and writing the HttpOnly session cookie."""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.responses import Response

from portal_app.domain.identity.sessions import ABSOLUTE_LIFETIME, SESSION_COOKIE
from portal_app.runtime import settings


def session_value(cookie_header: object) -> str | None:
    """The session cookie's value from a raw Cookie header, if present."""
    if not cookie_header or not isinstance(cookie_header, str):
        return None
    jar = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def set_session_cookie(response: Response, raw: str) -> None:
    """Attach the session cookie: HttpOnly, SameSite=Lax, Secure on https."""
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=int(ABSOLUTE_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=settings().secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    """Remove the session cookie from the browser."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
