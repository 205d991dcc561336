"""/staff/customers/[customer_id]: one customer for the owner and office staff."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.cards import appointment_list, empty_state, list_pager, section
from portal_app.ui.kit.forms import (
    back_link,
    detail_row,
    link_button,
    not_found_section,
    section_loading,
    title,
)
from portal_app.ui.kit.messages import message_list
from portal_app.ui.kit.shells import staff_shell
from portal_app.ui.staff.customer.state import CustomerRecordState as S
from portal_app.ui.staff.invite.page import invite_button, invite_dialog

T = S.texts


def _contact(C) -> rx.Component:
    phone = rx.cond(
        C.phone != "",
        rx.link(C.phone, href="tel:" + C.phone, data_testid="customer-phone"),
        rx.text("—"),
    )
    return rx.card(
        rx.vstack(
            rx.heading(T["staff_customers.contact"], size="4", as_="h2"),
            rx.data_list.root(
                detail_row(
                    "staff_customers.email",
                    rx.link(C.email, href="mailto:" + C.email, data_testid="customer-email"),
                ),
                detail_row("staff_customers.phone", phone),
                detail_row("staff_customers.channel", C.channel, "customer-channel"),
                detail_row("staff_customers.language", C.language, "customer-language"),
                detail_row("staff_customers.address", C.address, "customer-address"),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _line(*children: rx.Component, testid: str) -> rx.Component:
    return rx.flex(
        *children,
        direction=rx.breakpoints(initial="column", sm="row"),
        justify="between",
        align=rx.breakpoints(initial="start", sm="center"),
        gap="0.25rem 1rem",
        padding_y="0.5rem",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        style={"&:last-child": {"border_bottom": "none"}},
        width="100%",
        data_testid=testid,
    )


def _invitation(item: rx.Var) -> rx.Component:
    return _line(
        rx.vstack(
            rx.text(item.service, weight="medium"),
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.badge(item.status_label, variant="soft"),
        testid="invitation-row",
    )


def _task(item: rx.Var) -> rx.Component:
    service = rx.cond(
        item.appointment_href != "",
        rx.link(item.service, href=item.appointment_href, size="2"),
        rx.text(item.service, size="2"),
    )
    return _line(
        rx.vstack(
            rx.text(item.kind, weight="medium"),
            service,
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.badge(
            item.status_label, variant="soft", color_scheme=rx.cond(item.is_open, "orange", "gray")
        ),
        testid="task-row",
    )


def _rows(items: rx.Var, row, empty_key: str) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.card(rx.vstack(rx.foreach(items, row), spacing="0", width="100%"), width="100%"),
        empty_state(empty_key),
    )


def _lists() -> rx.Component:
    return rx.fragment(
        section(
            "staff_customers.appointments",
            appointment_list(S.appointments, "staff_customers.no_appointments", linked=True),
            list_pager(
                S.appointments_number, S.appointments_more, S.appointments_page, "appointments-page"
            ),
        ),
        section(
            "staff_customers.invitations",
            _rows(S.invitations, _invitation, "staff_customers.no_invitations"),
            list_pager(
                S.invitations_number, S.invitations_more, S.invitations_page, "invitations-page"
            ),
        ),
        section(
            "staff_customers.tasks",
            _rows(S.tasks, _task, "staff_customers.no_tasks"),
            list_pager(S.tasks_number, S.tasks_more, S.tasks_page, "tasks-page"),
        ),
        section(
            "staff_customers.messages",
            message_list(S.messages, "staff_customers.no_messages"),
            list_pager(S.messages_number, S.messages_more, S.messages_page, "messages-page"),
        ),
    )


def _found(C) -> rx.Component:
    header = rx.flex(
        title(C.name),
        rx.flex(
            link_button(
                rx.icon("pencil", size=16),
                T["staff_customers.edit"],
                href=C.edit_href,
                variant="soft",
                testid="customer-edit",
            ),
            invite_button(C.id, size="3"),
            gap="0.5rem",
            wrap="wrap",
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        justify="between",
        align=rx.breakpoints(initial="start", sm="center"),
        gap="0.75rem",
        width="100%",
    )
    return rx.vstack(
        back_link("staff_customers.back", paths.CUSTOMERS),
        header,
        message_callout(S.notice, error=False, testid="page-notice"),
        message_callout(S.error, testid="page-error"),
        _contact(C),
        _lists(),
        spacing="4",
        width="100%",
    )


def customer_page() -> rx.Component:
    content = rx.cond(
        S.refused,
        message_callout(S.error),
        rx.match(
            S.screen,
            ("found", rx.cond(S.customer, _found(S.customer), section_loading())),
            ("not_found", not_found_section("staff_customers", paths.CUSTOMERS)),
            section_loading(),
        ),
    )
    return staff_shell("staff.nav.customers", rx.box(content, invite_dialog(), width="100%"))


def register(app: rx.App) -> None:
    """Add the customer page."""
    app.add_page(
        customer_page,
        route=paths.staff_customer("[customer_id]"),
        on_load=S.load,
        title="Backoffice",
    )
