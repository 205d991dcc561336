"""Builds the Reflex app: pages, plain HTTP routes and the lifespan."""

import reflex as rx

import portal_app.domain.models  # noqa: F401  (registers every table)
from portal_app.infra.database import apply_migrations
from portal_app.ui.pages import login_pages
from portal_app.ui.pages.editor import pages as editor_pages
from portal_app.ui.pages.portal import pages as portal_pages
from portal_app.ui.pages.staff import pages as staff_pages
from portal_app.web.routes import build_routes


def index() -> rx.Component:
    """The root sends visitors to the portal."""
    return rx.center(rx.spinner(), min_height="100vh")


app = rx.App(
    api_transformer=build_routes(),
    theme=rx.theme(accent_color="teal", radius="medium"),
    head_components=[rx.el.meta(name="viewport", content="width=device-width, initial-scale=1")],
)
app.add_page(index, route="/", on_load=rx.redirect("/portal"), title="Klantportaal")
login_pages.register(app)
portal_pages.register(app)
staff_pages.register(app)
editor_pages.register(app)


def migrate_on_start() -> None:
    """Apply pending migrations before the first request is served."""
    apply_migrations()


app.register_lifespan_task(migrate_on_start)
