"""The invitation dialog and the buttons that open it."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.staff.invite.state import InviteState as S

T = S.texts


def _customer_row(customer: rx.Var) -> rx.Component:
    return rx.button(
        rx.vstack(
            rx.text(customer.name, weight="medium"),
            rx.text(customer.contact, size="1", color_scheme="gray"),
            spacing="0",
            align="start",
        ),
        variant="ghost",
        width="100%",
        justify_content="start",
        height="auto",
        padding_y="0.5rem",
        on_click=S.choose_customer(customer.id),
        data_testid="invite-match",
    )


def _customer_field() -> rx.Component:
    chosen = rx.card(
        rx.flex(
            rx.vstack(
                rx.text(S.chosen.name, weight="bold", data_testid="invite-chosen"),
                rx.text(S.chosen.contact, size="2", color_scheme="gray"),
                spacing="0",
                min_width="0",
            ),
            rx.button(
                T["backoffice.invite.change_customer"],
                variant="soft",
                size="1",
                on_click=S.change_customer,
            ),
            justify="between",
            align="center",
            gap="0.5rem",
            wrap="wrap",
        ),
        width="100%",
    )
    search = rx.vstack(
        rx.el.label(T["backoffice.invite.customer"], html_for="invite-search", font_weight="500"),
        rx.input(
            id="invite-search",
            placeholder=T["backoffice.invite.search"],
            value=S.search,
            on_change=S.find.debounce(250),
            size="3",
            width="100%",
            auto_complete="off",
            data_testid="invite-search",
        ),
        rx.cond(
            S.matches.length() > 0,
            rx.vstack(rx.foreach(S.matches, _customer_row), spacing="1", width="100%"),
            rx.cond(
                S.search.length() > 1,
                rx.text(T["backoffice.invite.no_match"], size="2", color_scheme="gray"),
            ),
        ),
        spacing="2",
        width="100%",
    )
    return rx.cond(S.chosen, chosen, search)


def _service_field() -> rx.Component:
    return rx.vstack(
        rx.text(T["backoffice.invite.service"], size="2", weight="medium"),
        rx.select.root(
            rx.select.trigger(
                placeholder=T["backoffice.invite.pick_service"],
                aria_label=T["backoffice.invite.service"],
                width="100%",
                data_testid="invite-service",
            ),
            rx.select.content(
                rx.foreach(S.services, lambda s: rx.select.item(s.name, value=s.id)),
            ),
            value=S.service_id,
            on_change=S.choose_service,
            size="3",
        ),
        spacing="1",
        width="100%",
    )


def invite_dialog() -> rx.Component:
    """Find the customer, pick the service, send the invitation."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.vstack(
                rx.dialog.title(T["backoffice.invite.title"], margin_bottom="0"),
                rx.dialog.description(T["backoffice.invite.intro"], size="2", color_scheme="gray"),
                message_callout(S.invite_error, testid="invite-error"),
                _customer_field(),
                _service_field(),
                rx.flex(
                    rx.dialog.close(
                        rx.button(
                            T["backoffice.invite.close"],
                            variant="soft",
                            color_scheme="gray",
                            size="3",
                        )
                    ),
                    rx.button(
                        rx.icon("send", size=16),
                        T["backoffice.invite.send"],
                        size="3",
                        on_click=S.send,
                        data_testid="invite-send",
                    ),
                    direction=rx.breakpoints(initial="column-reverse", sm="row"),
                    justify="end",
                    gap="0.75rem",
                    width="100%",
                    padding_top="0.5rem",
                ),
                spacing="3",
                width="100%",
            ),
            max_width="32rem",
            width="calc(100vw - 2rem)",
        ),
        open=S.invite_open,
        on_open_change=S.set_invite_open,
    )


def invite_button(customer_id: rx.Var, size: str = "1", **props) -> rx.Component:
    """The 'Invite' button of a customer (small in a list row)."""
    return rx.button(
        rx.icon("send", size=14 if size == "1" else 16),
        T["backoffice.invite"],
        size=size,
        variant="soft",
        on_click=S.start_for(customer_id),
        data_testid="invite-row",
        **props,
    )


def open_invite_button() -> rx.Component:
    """The page-level 'Invite a customer' button."""
    return rx.button(
        rx.icon("send", size=16),
        T["backoffice.invite.open"],
        size="3",
        on_click=S.start,
        data_testid="invite-open",
    )
