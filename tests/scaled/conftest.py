"""The scaled topology for the browser tests: a fresh PostgreSQL database, Redis, two app
processes with two workers each (one frontend build), and nginx in front on one port.

The fixtures the browser tests use (`live_portal`, `live`, `page_at`, ...) are the e2e
ones, pointed at the proxy, so tests/scaled/ can run chosen e2e tests again in scaled
mode. Skipped when PostgreSQL, Redis or nginx is missing (`make test` installs nginx).
"""

from __future__ import annotations

import os
import re

import pytest

from deploy.local_cluster import Cluster, free_port, start_cluster
from tests.conftest import page_factory
from tests.e2e.conftest import live  # noqa: F401  (used as a fixture)
from tests.postgres_database import fresh_database

REDIS_URL = os.environ.get("SCALED_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def scaled(tmp_path_factory, moment) -> Cluster:
    """The running scaled portal (frozen at the session's moment, like the e2e portal)."""
    if not _redis_reachable():
        pytest.skip(f"no Redis at {REDIS_URL}")
    if not os.path.exists("/usr/sbin/nginx"):
        pytest.skip("nginx is missing: make proxy")
    with fresh_database("portal_scaled") as database_url:
        workdir = tmp_path_factory.mktemp("scaled")
        cluster = start_cluster(
            workdir,
            database_url=database_url,
            redis_url=REDIS_URL,
            proxy_port=free_port(),
            processes=2,
            workers=2,
            extra_env={
                "PORTAL_CLOCK": moment.isoformat(),
                "ACCESS_REQUESTS_PER_15_MINUTES": "50",
            },
            log=lambda line: None,
        )
        try:
            yield cluster
        finally:
            cluster.stop()


@pytest.fixture
def page_at(browser):
    """The e2e page factory, with the portal's Content-Security-Policy switched off: its
    connect-src rightly allows the proxy only, and `socket_via` pins a socket elsewhere.
    (The policy itself is tested in tests/e2e and tests/integration.)"""
    yield from page_factory(browser, bypass_csp=True)


@pytest.fixture(scope="session")
def live_portal(scaled) -> str:
    """The proxy's address: every e2e test brought here runs against the scaled portal."""
    return scaled.url


@pytest.fixture(scope="session")
def live_db_url(scaled) -> str:
    return scaled.database_url


def socket_via(page, cluster: Cluster, port: int) -> list[str]:
    """Open this page's websocket on `port` (one app process, or another proxy) instead of
    the proxy the build points at; the page itself still comes from the proxy, so its
    Origin is the portal's own. Returns the list of rewritten files (to check it worked)."""
    proxy_port = cluster.url.rsplit(":", 1)[1]
    pattern = re.compile(rf"localhost:{proxy_port}\b")
    rewritten: list[str] = []

    def rewrite(route):
        response = route.fetch()
        body = response.text()
        if "/_event" in body:
            body = pattern.sub(f"localhost:{port}", body)
            rewritten.append(route.request.url)
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/assets/reflex-env[^/]*\.js$"), rewrite)
    return rewritten
