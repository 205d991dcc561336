"""Security headers on every response the portal sends: pages, files, plain routes.

The Content-Security-Policy is as strict as the production build allows: scripts only
from the portal itself plus, on an HTML page, the exact inline scripts of that page (by
their SHA-256, computed from the page as it is sent, so no 'unsafe-inline' and no
'unsafe-eval' for scripts); connections only to the portal's own origin (its websocket
included); no plugins, no <base>, no framing, forms only to the portal. Styles allow
inline because the component library writes style attributes and <style> tags at run
time; images allow data: URIs (the two-factor QR code).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.I)
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
HSTS = "max-age=31536000; includeSubDomains"


def connect_sources(public_origin: str) -> str:
    """'self' plus the public origin over http(s) and ws(s) (the Reflex websocket)."""
    parts = urlsplit(public_origin)
    socket = ("wss" if parts.scheme == "https" else "ws") + "://" + parts.netloc
    return f"'self' {public_origin} {socket}"


def content_security_policy(public_origin: str, script_hashes: list[str]) -> str:
    """The policy for one response; `script_hashes` are 'sha256-…' of its inline scripts."""
    scripts = " ".join(["'self'", *(f"'{digest}'" for digest in script_hashes)])
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            f"connect-src {connect_sources(public_origin)}",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        )
    )


def inline_script_hashes(html: bytes) -> list[str]:
    """'sha256-…' of every inline <script> of a page, in order, without repeats."""
    found: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        digest = base64.b64encode(hashlib.sha256(match.group(1)).digest()).decode()
        if f"sha256-{digest}" not in found:
            found.append(f"sha256-{digest}")
    return found


def _plain(body: bytes, encoding: str | None) -> bytes | None:
    if not encoding or encoding == "identity":
        return body
    if encoding == "gzip":
        return gzip.decompress(body)
    return None  # an encoding we cannot read: the page gets no inline scripts


class SecurityHeaders:
    """ASGI middleware around the whole app (Reflex pages and files, plain routes)."""

    def __init__(self, app: ASGIApp, public_url: Callable[[], str]):
        self.app = app
        self.public_url = public_url

    def _common(self, headers: MutableHeaders, public_url: str) -> None:
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers["Permissions-Policy"] = PERMISSIONS
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if public_url.startswith("https://"):
            headers["Strict-Transport-Security"] = HSTS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        public_url = self.public_url()
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(public_url))
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_with_headers(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                self._common(headers, public_url)
                if message["status"] == 304:  # keep the policy stored with the page
                    await send(message)
                    return
                if not headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = content_security_policy(origin, [])
                    await send(message)
                    return
                start = message  # an HTML page: hash its inline scripts first
                return
            if start is None:
                await send(message)
                return
            if message["type"] == "http.response.pathsend":  # a file the server sends itself
                body = Path(message["path"]).read_bytes()
                await send_page(start, body, [message])
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            await send_page(start, body, [{"type": "http.response.body", "body": body}])

        async def send_page(start: Message, body: bytes, messages: list[Message]) -> None:
            headers = MutableHeaders(scope=start)
            try:
                plain = _plain(body, headers.get("content-encoding"))
            except OSError:
                plain = None
            hashes = inline_script_hashes(plain) if plain else []
            headers["Content-Security-Policy"] = content_security_policy(origin, hashes)
            await send(start)
            for message in messages:
                await send(message)

        await self.app(scope, receive, send_with_headers)


def security_headers(public_url: Callable[[], str]) -> Callable[[ASGIApp], ASGIApp]:
    """The api_transformer step that wraps the app in `SecurityHeaders`."""
    return lambda app: SecurityHeaders(app, public_url)
