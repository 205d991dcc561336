"""/staff/customers: a table on a desktop, cards on a phone."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.cards import empty_state, pager
from portal_app.ui.kit.forms import link_button
from portal_app.ui.kit.responsive import table_or_cards
from portal_app.ui.kit.shells import page_title, staff_shell
from portal_app.ui.staff.customers.state import CustomersState as S
from portal_app.ui.staff.invite.page import invite_button, invite_dialog

T = S.texts


def _table() -> rx.Component:
    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.row_header_cell(
                rx.link(item.name, href=item.href, weight="medium", data_testid="customer-link")
            ),
            rx.table.cell(item.email),
            rx.table.cell(item.mobile),
            rx.table.cell(item.city),
            rx.table.cell(item.channel),
            rx.table.cell(invite_button(item.id), text_align="right"),
        )

    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(T["profile.name"]),
                    rx.table.column_header_cell(T["profile.email"]),
                    rx.table.column_header_cell(T["profile.mobile"]),
                    rx.table.column_header_cell(T["profile.city"]),
                    rx.table.column_header_cell(T["profile.channel"]),
                    rx.table.column_header_cell(
                        rx.el.span(T["backoffice.invite"], class_name="rt-sr-only")
                    ),
                )
            ),
            rx.table.body(rx.foreach(S.customers, row)),
            variant="surface",
            width="100%",
        ),
        width="100%",
    )


def _cards() -> rx.Component:
    def card(item: rx.Var) -> rx.Component:
        return rx.card(
            rx.vstack(
                rx.flex(
                    rx.link(item.name, href=item.href, weight="bold", data_testid="customer-link"),
                    invite_button(item.id),
                    justify="between",
                    align="center",
                    gap="0.5rem",
                    width="100%",
                ),
                rx.text(item.email, size="2", overflow_wrap="anywhere"),
                rx.text(
                    item.mobile + " · " + item.city + " · " + item.channel,
                    size="2",
                    color_scheme="gray",
                ),
                spacing="1",
                width="100%",
            ),
            width="100%",
            data_testid="customer-card",
        )

    return rx.foreach(S.customers, card)


def customers() -> rx.Component:
    listing = rx.vstack(
        rx.flex(
            rx.input(
                placeholder=T["staff.customers.search"],
                aria_label=T["staff.customers.search"],
                value=S.search,
                on_change=S.find.debounce(300),
                size="3",
                width="100%",
                max_width=rx.breakpoints(initial="100%", sm="28rem"),
                data_testid="customer-search",
            ),
            link_button(
                rx.icon("user-plus", size=16),
                T["staff_customers.add"],
                href=paths.NEW_CUSTOMER,
                testid="customer-add",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            justify="between",
            gap="0.75rem",
            width="100%",
        ),
        message_callout(S.notice, error=False, testid="page-notice"),
        rx.cond(
            S.customers.length() > 0,
            table_or_cards(_table(), _cards()),
            empty_state("staff.customers.none"),
        ),
        pager(S, S.show_page),
        spacing="3",
        width="100%",
    )
    content = rx.vstack(
        page_title("staff.customers"),
        rx.cond(S.refused, message_callout(S.error), listing),
        invite_dialog(),
        width="100%",
    )
    return staff_shell("staff.nav.customers", content)


def register(app: rx.App) -> None:
    """Add the customer list."""
    app.add_page(customers, route=paths.CUSTOMERS, on_load=S.load, title="Backoffice")
