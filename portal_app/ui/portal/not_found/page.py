"""The 404 page: replaces Reflex's bare "404: Page not found"."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.base import navigator
from portal_app.ui.portal.not_found.state import NotFoundState as S

T = S.texts


def not_found_page() -> rx.Component:
    return rx.center(
        navigator(),
        rx.el.main(
            rx.card(
                rx.vstack(
                    rx.hstack(
                        rx.image(src=S.logo_url, alt="", width="40px", height="40px"),
                        rx.text(
                            S.business_name, size="4", weight="bold", data_testid="business-name"
                        ),
                        align="center",
                        spacing="3",
                    ),
                    rx.heading(T["notfound.title"], size="6", as_="h1"),
                    rx.text(T["notfound.text"], color_scheme="gray"),
                    rx.button(
                        rx.link(
                            rx.icon("arrow-left", size=16),
                            T[S.home_key],
                            href=S.home,
                            underline="none",
                            data_testid="way-back",
                        ),
                        as_child=True,
                        size="3",
                    ),
                    spacing="4",
                    align="start",
                ),
                size="4",
                width="100%",
            ),
            width="100%",
            max_width="28rem",
            padding="1rem",
        ),
        min_height="100vh",
        background=rx.color("gray", 2),
    )


def register(app: rx.App) -> None:
    """Replace Reflex's 404 page."""
    app.add_page(not_found_page, route="404", on_load=S.load, title="Klantportaal")
