"""Login CSRF: writes sent by another site's page are refused with a clear page."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from portal_app.web.same_origin import SameOriginWrites

OWN = "https://portal.example.nl"


def _client() -> tuple[TestClient, list[str]]:
    done: list[str] = []

    async def write(request):
        done.append(request.method)
        return PlainTextResponse("done")

    app = Starlette(routes=[Route("/auth/link", write, methods=["GET", "POST"])])
    return TestClient(SameOriginWrites(app, lambda: OWN), base_url=OWN), done


def test_a_cross_site_post_is_refused_and_changes_nothing():
    client, done = _client()
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": OWN, "Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ):
        response = client.post("/auth/link", data={"token": "x"}, headers=headers)
        assert response.status_code == 403
        assert "Dit verzoek kwam van een andere website" in response.text
    assert done == []


def test_english_browsers_read_why():
    client, _done = _client()
    response = client.post(
        "/auth/link", headers={"Origin": "https://evil.example", "Accept-Language": "en"}
    )
    assert "This request came from another website" in response.text


def test_the_portals_own_pages_and_plain_clients_may_post():
    client, done = _client()
    for headers in (
        {"Origin": OWN, "Sec-Fetch-Site": "same-origin"},
        {"Origin": "null", "Sec-Fetch-Site": "same-origin"},  # a no-referrer page
        {"Sec-Fetch-Site": "none"},
        {},
    ):
        assert client.post("/auth/link", headers=headers).status_code == 200
    assert client.get("/auth/link", headers={"Origin": "https://evil.example"}).text == "done"
    assert done == ["POST", "POST", "POST", "POST", "GET"]
