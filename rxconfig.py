"""Reflex configuration; every value comes from portal_app.config."""

import os
import sys

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")

from portal_app.config import ConfigError, load_settings  # noqa: E402
from portal_app.ui.kit.palette import ACCENT, PortalThemes  # noqa: E402

try:
    settings = load_settings()
except ConfigError as error:
    print(f"Klantportaal cannot start: {error}", file=sys.stderr)
    raise SystemExit(2) from None

# Scaled mode (REDIS_URL set): Reflex's own Redis state manager and token manager, so
# several workers and processes share the page state and reach each other's sockets.
scaled = {"redis_url": settings.redis_url} if settings.redis_url else {}

config = rx.Config(
    app_name="portal_app",
    db_url=settings.database_url,
    # The built frontend opens its websocket at the address customers use (the proxy's
    # in scaled mode); for the embedded default that is http://localhost:$PORT as before.
    api_url=settings.public_origin,
    telemetry_enabled=False,
    cors_allowed_origins=[settings.public_origin],
    # Behind nginx, the client's address is the last X-Forwarded-For hop nginx added.
    trusted_proxy_hops=settings.trusted_proxy_hops,
    frontend_port=settings.port,
    backend_port=settings.port,
    show_built_with_reflex=False,
    # No dynamic components here: the first load need not import all of Radix Themes.
    frontend_lazy_bundled_libraries=True,
    disable_plugins=[SitemapPlugin],
    # Radix Themes with only the colour scales the pages use (see portal_app/ui/kit/palette.py).
    plugins=[PortalThemes(theme=rx.theme(accent_color=ACCENT, radius="medium"))],
    **scaled,
)
