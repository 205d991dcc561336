"""Hashed assets are cached for a year; page addresses are served without a redirect."""

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from portal_app.web.delivery import Delivery


def _built_frontend() -> Starlette:
    async def page(_request):
        return HTMLResponse("<html>page</html>")

    async def asset(_request):
        return PlainTextResponse("js", media_type="text/javascript")

    async def plain(_request):
        return PlainTextResponse("plain route")

    return Starlette(
        routes=[
            Route("/auth/link", plain),
            Route("/portal/login/", page),
            Mount("/assets", routes=[Route("/{name}", asset)]),
        ]
    )


def _client() -> TestClient:
    app = Delivery(_built_frontend(), is_page=lambda path: path.startswith("/portal"))
    return TestClient(app, follow_redirects=False)


def test_a_page_address_without_its_slash_is_served_at_once():
    response = _client().get("/portal/login")
    assert response.status_code == 200 and response.text == "<html>page</html>"
    assert response.headers["cache-control"] == "no-cache"


def test_plain_routes_keep_their_address():
    assert _client().get("/auth/link").text == "plain route"


def test_hashed_assets_are_immutable_and_other_files_are_not():
    client = _client()
    hashed = client.get("/assets/root-8hN3WTo5.js")
    assert hashed.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "cache-control" not in client.get("/assets/logo.svg").headers
