"""/staff: the back-office overview."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.cards import appointment_list, empty_state, section
from portal_app.ui.kit.shells import staff_shell
from portal_app.ui.staff.overview.state import OverviewState as S


def _activity_row(item: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon("activity", size=16, color=rx.color("accent", 11)),
        rx.vstack(
            rx.text(rx.text.strong(item.who), " ", item.what, ": ", item.summary, size="2"),
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
        ),
        align="start",
        width="100%",
        data_testid="activity-row",
    )


def overview() -> rx.Component:
    content = rx.vstack(
        rx.heading(S.hello, size="7", as_="h1"),
        rx.grid(
            section(
                "staff.week",
                appointment_list(S.week, "staff.no_appointments", show_customer=True, linked=True),
            ),
            section(
                "staff.activity",
                rx.cond(
                    S.activity.length() > 0,
                    rx.card(
                        rx.vstack(rx.foreach(S.activity, _activity_row), spacing="3"),
                        width="100%",
                    ),
                    empty_state("staff.no_activity"),
                ),
            ),
            columns=rx.breakpoints(initial="1", lg="2"),
            gap="1.5rem",
            width="100%",
        ),
        width="100%",
    )
    return staff_shell("staff.nav.dashboard", content)


def register(app: rx.App) -> None:
    """Add the overview."""
    app.add_page(overview, route=paths.STAFF, on_load=S.load, title="Backoffice")
