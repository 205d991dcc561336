"""Refuse state-changing requests that another site's page sent (login CSRF and friends).

Browsers mark every request with `Sec-Fetch-Site` (older ones put `Origin` on every
cross-site POST). A POST, PUT, PATCH or DELETE that the browser marks as coming from
another site, or (without that mark) whose Origin is not the portal's own (PUBLIC_URL),
gets a clear page and changes nothing. Requests without
either header (scripts, curl, old browsers) come from no foreign page and pass.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from portal_app.core.locale import locale_from_header
from portal_app.web.pages import page_response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME_SITE_FETCHES = frozenset({"same-origin", "none"})


def is_cross_site(method: str, headers: Headers, own_origin: str) -> bool:
    """Whether a request changes state on behalf of another site's page."""
    if method.upper() in SAFE_METHODS:
        return False
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:  # the browser's own verdict (Origin is "null" on a page
        return fetch_site not in SAME_SITE_FETCHES  # sent with Referrer-Policy no-referrer)
    origin = headers.get("origin")
    return origin is not None and origin.rstrip("/") != own_origin


class SameOriginWrites:
    """ASGI middleware: cross-site writes get a 403 page, everything else passes."""

    def __init__(self, app: ASGIApp, own_origin: Callable[[], str]):
        self.app = app
        self.own_origin = own_origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Headers(scope=scope)
            if is_cross_site(scope["method"], headers, self.own_origin()):
                response = page_response(
                    "cross_site.html",
                    locale=locale_from_header(headers.get("accept-language")),
                    status_code=403,
                    home="/",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
