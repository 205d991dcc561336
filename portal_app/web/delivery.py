"""How the built frontend is delivered: long-lived caching and no detour redirects.

Assets whose names carry a content hash (`/assets/root-8hN3WTo5.js`) never change, so
browsers may keep them for a year without asking again; pages are revalidated on every
visit. A page address without its trailing slash (`/portal/login`) is served at once
instead of through Starlette's redirect to `/portal/login/`, which cost a whole round
trip on a first visit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HASHED_ASSET = re.compile(r"^/assets/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


class Delivery:
    """ASGI middleware around the whole app (pages, assets, plain routes, websocket)."""

    def __init__(self, app: ASGIApp, is_page: Callable[[str], bool]):
        self.app = app
        self.is_page = is_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path != "/" and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            if self.is_page(path):
                scope = {**scope, "path": path + "/", "raw_path": (path + "/").encode()}
        cache = IMMUTABLE if HASHED_ASSET.match(path) else None

        async def send_with_cache(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                content_type = headers.get("content-type", "")
                if cache and message["status"] == 200:
                    headers["Cache-Control"] = cache
                elif content_type.startswith("text/html") and "cache-control" not in headers:
                    headers["Cache-Control"] = REVALIDATE
            await send(message)

        await self.app(scope, receive, send_with_cache)


def delivery(is_page: Callable[[str], bool]) -> Callable[[ASGIApp], ASGIApp]:
    """The api_transformer step that wraps the app in `Delivery`."""
    return lambda app: Delivery(app, is_page)
