"""Customer portal pages."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.cards import appointment_card, empty_state, section
from portal_app.ui.components.layout import page_title, portal_shell
from portal_app.ui.states.portal_state import PortalState

T = PortalState.texts


def appointment_list(items: rx.Var, empty_key: str) -> rx.Component:
    """The customer's appointment cards, each linking to its detail page."""
    return rx.cond(
        items.length() > 0,
        rx.vstack(
            rx.foreach(
                items,
                lambda item: rx.link(
                    appointment_card(item),
                    href="/portal/appointments/" + item["id"],
                    underline="none",
                    color="inherit",
                    width="100%",
                    _hover={"filter": "brightness(0.98)"},
                ),
            ),
            width="100%",
            spacing="3",
        ),
        empty_state(empty_key),
    )


def book_button() -> rx.Component:
    """Start self-booking (seed 002)."""
    return rx.button(
        rx.link(
            rx.icon("calendar-plus", size=16),
            T["booking.book_button"],
            href="/portal/book",
            underline="none",
            data_testid="book-button",
        ),
        as_child=True,
        size="3",
    )


def dashboard() -> rx.Component:
    content = rx.vstack(
        rx.flex(
            rx.heading(PortalState.welcome, size="7", as_="h1", data_testid="welcome"),
            book_button(),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            align=rx.breakpoints(initial="start", sm="center"),
            gap="0.75rem",
            width="100%",
        ),
        section(
            "portal.next_appointments", appointment_list(PortalState.upcoming, "portal.no_upcoming")
        ),
        rx.text(PortalState.contact, size="2", color_scheme="gray"),
        width="100%",
        spacing="4",
    )
    return portal_shell("nav.dashboard", content)


def appointments() -> rx.Component:
    content = rx.vstack(
        rx.flex(
            page_title("nav.appointments"),
            book_button(),
            justify="between",
            align="start",
            wrap="wrap",
            gap="0.75rem",
            width="100%",
        ),
        section("portal.upcoming", appointment_list(PortalState.upcoming, "portal.no_upcoming")),
        section("portal.history", appointment_list(PortalState.history, "portal.no_history")),
        width="100%",
    )
    return portal_shell("nav.appointments", content)


def profile() -> rx.Component:
    def row(label_key: str, field: str) -> rx.Component:
        return rx.data_list.item(
            rx.data_list.label(T[label_key]), rx.data_list.value(PortalState.profile[field])
        )

    content = rx.vstack(
        page_title("nav.profile"),
        rx.card(
            rx.data_list.root(
                row("profile.name", "name"),
                row("profile.email", "email"),
                row("profile.mobile", "mobile"),
                row("profile.city", "city"),
                row("profile.channel", "channel"),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            ),
            width="100%",
        ),
        rx.button(
            rx.icon("log-out", size=16),
            T["profile.logout_everywhere"],
            variant="outline",
            color_scheme="red",
            on_click=PortalState.logout_everywhere,
        ),
        width="100%",
        spacing="4",
    )
    return portal_shell("nav.profile", content)


def _module_page(nav_key: str, empty_key: str):
    def page() -> rx.Component:
        return portal_shell(
            nav_key, rx.vstack(page_title(nav_key), empty_state(empty_key), width="100%")
        )

    return page


MODULE_PAGES = [
    ("/portal/packages", "nav.packages", "portal.empty.packages"),
    ("/portal/events", "nav.events", "portal.empty.events"),
    ("/portal/payments", "nav.payments", "portal.empty.payments"),
    ("/portal/documents", "nav.documents", "portal.empty.documents"),
    ("/portal/messages", "nav.messages", "portal.empty.messages"),
    ("/portal/checkin", "nav.checkin", "portal.empty.checkin"),
]


def register(app: rx.App) -> None:
    """Add the portal pages to the app."""
    load = PortalState.load
    app.add_page(dashboard, route="/portal", on_load=load, title="Klantportaal")
    app.add_page(appointments, route="/portal/appointments", on_load=load, title="Klantportaal")
    app.add_page(profile, route="/portal/profile", on_load=load, title="Klantportaal")
    for route, nav_key, empty_key in MODULE_PAGES:
        app.add_page(
            _module_page(nav_key, empty_key), route=route, on_load=load, title="Klantportaal"
        )
