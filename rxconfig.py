"""Reflex configuration; every value comes from portal_app.config."""

import os
import sys

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")

from portal_app.config import ConfigError, load_settings  # noqa: E402

try:
    settings = load_settings()
except ConfigError as error:
    print(f"Klantportaal cannot start: {error}", file=sys.stderr)
    raise SystemExit(2) from None

config = rx.Config(
    app_name="portal_app",
    db_url=settings.database_url,
    telemetry_enabled=False,
    cors_allowed_origins=[settings.public_origin],
    frontend_port=settings.port,
    backend_port=settings.port,
    show_built_with_reflex=False,
    disable_plugins=[SitemapPlugin],
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="teal", radius="medium"))],
)
