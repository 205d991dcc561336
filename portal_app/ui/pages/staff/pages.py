"""Back-office pages."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.cards import appointment_list, empty_state, section
from portal_app.ui.components.layout import page_title, staff_shell
from portal_app.ui.pages.staff.backoffice_pages import invite_button, invite_dialog
from portal_app.ui.states.staff_state import StaffState

T = StaffState.texts


def _activity_row(item: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon("activity", size=16, color=rx.color("accent", 9)),
        rx.vstack(
            rx.text(
                rx.text.strong(item["who"]), " ", item["what"], ": ", item["summary"], size="2"
            ),
            rx.text(item["when"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        align="start",
        width="100%",
        data_testid="activity-row",
    )


def dashboard() -> rx.Component:
    content = rx.vstack(
        rx.heading(StaffState.hello, size="7", as_="h1"),
        rx.grid(
            section(
                "staff.week",
                appointment_list(StaffState.week, "staff.no_appointments", show_customer=True),
            ),
            section(
                "staff.activity",
                rx.cond(
                    StaffState.activity.length() > 0,
                    rx.card(
                        rx.vstack(rx.foreach(StaffState.activity, _activity_row), spacing="3"),
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


def customers() -> rx.Component:
    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.row_header_cell(
                rx.vstack(
                    rx.text(item["name"]),
                    invite_button(item["email"], display=rx.breakpoints(initial="flex", md="none")),
                    spacing="2",
                    align="start",
                )
            ),
            rx.table.cell(item["email"]),
            rx.table.cell(item["mobile"]),
            rx.table.cell(item["city"]),
            rx.table.cell(item["channel"]),
            rx.table.cell(
                invite_button(item["email"]),
                text_align="right",
                display=rx.breakpoints(initial="none", md="table-cell"),
            ),
        )

    table = rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(T["profile.name"]),
                    rx.table.column_header_cell(T["profile.email"]),
                    rx.table.column_header_cell(T["profile.mobile"]),
                    rx.table.column_header_cell(T["profile.city"]),
                    rx.table.column_header_cell(T["profile.channel"]),
                    rx.table.column_header_cell(
                        "", display=rx.breakpoints(initial="none", md="table-cell")
                    ),
                )
            ),
            rx.table.body(rx.foreach(StaffState.customers, row)),
            variant="surface",
            width="100%",
        ),
        overflow_x="auto",
        width="100%",
    )
    content = rx.vstack(
        page_title("staff.customers"),
        rx.cond(
            StaffState.error != "",
            rx.callout(StaffState.error, color_scheme="red", icon="triangle-alert"),
            table,
        ),
        invite_dialog(),
        width="100%",
    )
    return staff_shell("staff.nav.customers", content)


def register(app: rx.App) -> None:
    """Add the back-office pages to the app."""
    app.add_page(dashboard, route="/staff", on_load=StaffState.load_dashboard, title="Backoffice")
    app.add_page(
        customers, route="/staff/customers", on_load=StaffState.load_customers, title="Backoffice"
    )
