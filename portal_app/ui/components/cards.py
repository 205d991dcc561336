"""Cards and lists used by several pages."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.states.session_state import SessionState

T = SessionState.texts


def appointment_card(item: rx.Var, show_customer: bool = False) -> rx.Component:
    """One appointment: service, when, with whom, duration, price and status."""
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(item["service"], weight="bold", size="3"),
                rx.text(item["when"], size="2"),
                rx.text(
                    rx.cond(show_customer, item["customer"] + " · " + item["with"], item["with"]),
                    size="2",
                    color_scheme="gray",
                ),
                spacing="1",
                min_width="0",
            ),
            rx.spacer(),
            rx.vstack(
                rx.badge(item["status"], variant="soft", size="2"),
                rx.text(item["price"], size="2", weight="medium"),
                rx.text(item["duration"], size="1", color_scheme="gray"),
                align=rx.breakpoints(initial="start", sm="end"),
                spacing="1",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="0.75rem",
        ),
        width="100%",
        data_testid="appointment-card",
    )


def appointment_list(items: rx.Var, empty_key: str, show_customer: bool = False) -> rx.Component:
    """A stack of appointment cards, or a friendly sentence when there are none."""
    return rx.cond(
        items.length() > 0,
        rx.vstack(
            rx.foreach(items, lambda i: appointment_card(i, show_customer)),
            width="100%",
            spacing="3",
        ),
        empty_state(empty_key),
    )


def empty_state(key: str) -> rx.Component:
    """A calm box that says there is nothing here (yet)."""
    return rx.card(
        rx.hstack(
            rx.icon("inbox", size=20, color=rx.color("gray", 9)),
            rx.text(T[key], color_scheme="gray"),
            align="center",
        ),
        width="100%",
        variant="surface",
    )


def section(title_key: str, *children: rx.Component) -> rx.Component:
    """A titled block of a page."""
    return rx.vstack(
        rx.heading(T[title_key], size="4", as_="h2"),
        *children,
        width="100%",
        spacing="3",
        margin_bottom="1.5rem",
    )
