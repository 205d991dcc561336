"""Builds the Reflex app: pages, plain HTTP routes and the lifespan."""

import contextlib

import reflex as rx

import portal_app.domain.models  # noqa: F401  (registers every table)
from portal_app.domain.reminders import send_due_reminders
from portal_app.infra.database import apply_migrations, get_engine, session_scope
from portal_app.infra.dispatcher import senders_from_settings
from portal_app.infra.scheduler import register_tick_job, start_scheduler, stop_scheduler
from portal_app.ui.pages import login_pages
from portal_app.ui.pages.editor import pages as editor_pages
from portal_app.ui.pages.portal import booking_pages
from portal_app.ui.pages.portal import pages as portal_pages
from portal_app.ui.pages.staff import backoffice_pages
from portal_app.ui.pages.staff import pages as staff_pages
from portal_app.web.routes import build_routes
from portal_app.web.runtime import clock, settings


def index() -> rx.Component:
    """The root sends visitors to the portal."""
    return rx.center(rx.spinner(), min_height="100vh")


app = rx.App(
    api_transformer=build_routes(),
    head_components=[rx.el.meta(name="viewport", content="width=device-width, initial-scale=1")],
)
app.add_page(index, route="/", on_load=rx.redirect("/portal"), title="Klantportaal")
login_pages.register(app)
portal_pages.register(app)
booking_pages.register(app)
staff_pages.register(app)
backoffice_pages.register(app)
editor_pages.register(app)


def queue_due_reminders(engine, tick_clock) -> None:
    """Tick job: queue the reminders that are due (each appointment once)."""
    with session_scope(engine) as session:
        send_due_reminders(session, tick_clock, settings().public_url)


register_tick_job(queue_due_reminders)


@contextlib.asynccontextmanager
async def database_and_scheduler():
    """Apply pending migrations, then run the dispatcher/reminder scheduler until shutdown."""
    apply_migrations()
    scheduler = start_scheduler(get_engine, clock(), senders_from_settings(settings()))
    try:
        yield
    finally:
        stop_scheduler(scheduler, wait=False)


app.register_lifespan_task(database_and_scheduler)
