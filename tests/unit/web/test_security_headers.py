"""Security headers on every response; a page's inline scripts are allowed by hash only."""

from __future__ import annotations

import base64
import gzip
import hashlib

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from portal_app.web.security_headers import SecurityHeaders

PAGE = b"<html><head><script>window.x = 1;</script><script src='/a.js'></script></head></html>"


def _app() -> Starlette:
    async def page(_request):
        return HTMLResponse(PAGE)

    async def zipped(_request):
        return Response(
            gzip.compress(PAGE), media_type="text/html", headers={"Content-Encoding": "gzip"}
        )

    async def plain(_request):
        return PlainTextResponse("ok")

    async def unchanged(_request):
        return Response(status_code=304, headers={"content-type": "text/html"})

    return Starlette(
        routes=[
            Route("/page", page),
            Route("/zipped", zipped),
            Route("/plain", plain),
            Route("/unchanged", unchanged),
        ]
    )


def _client(public_url: str = "http://localhost:3000") -> TestClient:
    return TestClient(SecurityHeaders(_app(), lambda: public_url))


def _hash(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


def test_every_response_carries_the_headers():
    for path in ("/page", "/plain", "/missing"):
        headers = _client().get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["permissions-policy"]
        policy = headers["content-security-policy"]
        for part in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
            assert part in policy
        assert "unsafe-eval" not in policy and "strict-transport-security" not in headers


def test_scripts_and_connections_are_limited_to_the_portal():
    policy = _client().get("/page").headers["content-security-policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == f"'self' {_hash(b'window.x = 1;')}"
    assert directives["connect-src"] == "'self' http://localhost:3000 ws://localhost:3000"
    assert "'unsafe-inline'" not in directives["script-src"]


def test_compressed_pages_get_the_same_hashes():
    policy = _client().get("/zipped", headers={"accept-encoding": "identity"})
    assert _hash(b"window.x = 1;") in policy.headers["content-security-policy"]


def test_https_adds_hsts_and_secure_websocket():
    headers = _client("https://portal.example.nl").get("/plain").headers
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "wss://portal.example.nl" in headers["content-security-policy"]


def test_a_not_modified_answer_keeps_the_stored_policy():
    headers = _client().get("/unchanged").headers
    assert "content-security-policy" not in headers and headers["x-frame-options"] == "DENY"
