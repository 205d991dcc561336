"""Scaled-mode settings: REDIS_URL, WEB_WORKERS, and what Reflex's config gets from them;
the embedded default stays as it was (no Redis, one worker)."""

from __future__ import annotations

import pytest

from portal_app.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    for name in ("REDIS_URL", "WEB_WORKERS", "PUBLIC_URL", "PORT"):
        monkeypatch.delenv(name, raising=False)


def test_the_embedded_default_has_no_redis_and_one_worker():
    settings = load_settings()
    assert (settings.redis_url, settings.web_workers) == ("", 1)


def test_redis_brings_two_workers_by_default(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert load_settings().web_workers == 2
    monkeypatch.setenv("WEB_WORKERS", "4")
    assert load_settings().web_workers == 4


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        ({"WEB_WORKERS": "2"}, "needs REDIS_URL"),
        ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL must look like"),
        ({"REDIS_URL": "redis://r:6379/0", "WEB_WORKERS": "0"}, "between 1 and 8"),
        ({"REDIS_URL": "redis://r:6379/0", "WEB_WORKERS": "many"}, "whole number"),
    ],
)
def test_bad_scaled_settings_are_one_sentence(monkeypatch, env, sentence):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=sentence):
        load_settings()


def test_workers_reach_reflex_through_granian_workers(monkeypatch):
    from portal_app.cli import _worker_env

    assert _worker_env()["GRANIAN_WORKERS"] == "1"
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("WEB_WORKERS", "3")
    assert _worker_env()["GRANIAN_WORKERS"] == "3"


def test_behind_a_proxy_the_sign_in_limit_counts_the_customers_address(monkeypatch, demo):
    """With TRUSTED_PROXY_HOPS=1 Reflex takes the client address from X-Forwarded-For;
    the per-IP sign-in limit must use that one, not the proxy's (every customer's)."""
    from reflex.constants import RouteVar

    from portal_app.ui.portal.login.state import CustomerLoginState
    from tests.states import Browser

    monkeypatch.setenv("TRUSTED_PROXY_HOPS", "1")
    assert load_settings().trusted_proxy_hops == 1
    tab = Browser(demo)
    tab.root._update_router_vars(
        {
            RouteVar.HEADERS: {"x-forwarded-for": "198.51.100.7", "asgi-scope-client": "127.0.0.1"},
            RouteVar.CLIENT_IP: "198.51.100.7",
            RouteVar.PATH: "/portal/login",
        },
        {},
    )
    assert tab.state(CustomerLoginState)._client_ip() == "198.51.100.7"
