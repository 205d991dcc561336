"""Builds the Reflex app (Reflex finds it by this name): pages, plain routes, lifespan."""

import asyncio
import contextlib

import reflex as rx

import portal_app.tables  # noqa: F401  (registers every table)
from portal_app.core import paths
from portal_app.domain.privacy.service import erase_inactive_customers
from portal_app.infra.database import apply_migrations
from portal_app.infra.dispatcher import senders_from_settings
from portal_app.infra.scheduler import register_tick_job, start_scheduler, stop_scheduler
from portal_app.infra.urgent import UrgentSender
from portal_app.runtime import (
    clock,
    connect_announcer,
    connect_wake_sender,
    context,
    engine,
    settings,
)
from portal_app.ui.live import LiveUpdates
from portal_app.ui.pages import register_pages
from portal_app.web.delivery import delivery
from portal_app.web.routes import build_routes
from portal_app.web.security_headers import security_headers


def index() -> rx.Component:
    """The root sends visitors to the portal."""
    return rx.center(rx.spinner(), min_height="100vh")


def is_page(path: str) -> bool:
    """Whether an address is one of the app's pages (not a plain route or a file)."""
    return app.router(path) is not None


app = rx.App(
    html_lang="nl",  # the default language; /portal-load.js sets the visitor's own
    stylesheets=["/portal-theme.css"],
    api_transformer=[
        build_routes(),
        delivery(is_page),
        security_headers(lambda: settings().public_url),
    ],
    head_components=[
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
        rx.el.script(src="/portal-load.js", defer=True),
        rx.el.link(rel="icon", href="/favicon.ico", sizes="any"),
    ],
)
app.add_page(index, route="/", on_load=rx.redirect(paths.PORTAL), title="Klantportaal")
register_pages(app)


def erase_inactive(_engine, _clock) -> None:
    """Tick job: erase customers inactive for longer than their business allows."""
    erase_inactive_customers(context())


register_tick_job(erase_inactive)
live_updates = LiveUpdates(app)


@contextlib.asynccontextmanager
async def database_and_scheduler():
    """Apply pending migrations, then run the outbox scheduler (reminders are rows due
    later), the urgent sender (sign-in messages at once) and the live-page refresh until
    shutdown; each worker runs its own."""
    apply_migrations(engine())
    live_updates.start(asyncio.get_running_loop())
    connect_announcer(live_updates.announce)
    senders = senders_from_settings(settings())
    urgent = UrgentSender(engine, clock(), senders).start()
    connect_wake_sender(urgent.wake)
    scheduler = start_scheduler(engine, clock(), senders)
    try:
        yield
    finally:
        connect_wake_sender(None)
        connect_announcer(None)
        live_updates.stop()
        urgent.stop()
        stop_scheduler(scheduler, wait=False)


app.register_lifespan_task(database_and_scheduler)
