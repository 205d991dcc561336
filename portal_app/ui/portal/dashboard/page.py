"""/portal: the customer dashboard."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.cards import appointment_list, section
from portal_app.ui.kit.shells import portal_shell
from portal_app.ui.portal.dashboard.state import DashboardState as S

T = S.texts


def book_button() -> rx.Component:
    """Start self-booking (seed 002)."""
    return rx.button(
        rx.link(
            rx.icon("calendar-plus", size=16),
            T["booking.book_button"],
            href=paths.BOOK,
            underline="none",
            data_testid="book-button",
        ),
        as_child=True,
        size="3",
    )


def dashboard() -> rx.Component:
    content = rx.vstack(
        rx.flex(
            rx.heading(S.welcome, size="7", as_="h1", data_testid="welcome"),
            book_button(),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            align=rx.breakpoints(initial="start", sm="center"),
            gap="0.75rem",
            width="100%",
        ),
        section(
            "portal.next_appointments",
            appointment_list(S.upcoming, "portal.no_upcoming", linked=True),
        ),
        rx.text(S.contact, size="2", color_scheme="gray"),
        width="100%",
        spacing="4",
    )
    return portal_shell("nav.dashboard", content)


def register(app: rx.App) -> None:
    """Add the dashboard."""
    app.add_page(dashboard, route=paths.PORTAL, on_load=S.load, title="Klantportaal")
