"""The back-office inbox (/staff/inbox) and the invitation dialog."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.cards import empty_state
from portal_app.ui.components.layout import staff_shell
from portal_app.ui.components.messages import message_callout
from portal_app.ui.states.backoffice_state import NOBODY, BackofficeState

T = BackofficeState.texts
S = BackofficeState

KIND_COLORS = {
    "options_declined": "orange",
    "no_options": "red",
    "credit_invoice": "purple",
    "approve_request": "blue",
}


def _kind_badge(item: rx.Var) -> rx.Component:
    return rx.match(
        item["kind"],
        *[
            (kind, rx.badge(item["kind_label"], color_scheme=color, variant="soft", size="2"))
            for kind, color in KIND_COLORS.items()
        ],
        rx.badge(item["kind_label"], variant="soft", size="2"),
    )


def _fact(label_key: str, value: rx.Var, testid: str) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(T[label_key], min_width="9rem"),
        rx.data_list.value(value, data_testid=testid),
    )


def _assign_select(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.text(T["backoffice.assigned"], size="1", weight="medium", color_scheme="gray"),
        rx.select.root(
            rx.select.trigger(
                aria_label=T["backoffice.assigned"],
                data_testid="task-assign",
                min_width="11rem",
                width=rx.breakpoints(initial="100%", sm="auto"),
            ),
            rx.select.content(
                rx.select.item(T["backoffice.nobody"], value=NOBODY),
                rx.foreach(S.assignees, lambda a: rx.select.item(a["name"], value=a["id"])),
            ),
            value=item["assignee_id"],
            on_change=lambda value: S.assign(item["id"], value),
        ),
        spacing="1",
        width=rx.breakpoints(initial="100%", sm="auto"),
    )


def _actions(item: rx.Var) -> rx.Component:
    request_buttons = rx.hstack(
        rx.button(
            rx.icon("check", size=16),
            T["backoffice.approve"],
            on_click=S.decide(item["id"], True),
            data_testid="task-approve",
        ),
        rx.button(
            rx.icon("x", size=16),
            T["backoffice.decline"],
            on_click=S.decide(item["id"], False),
            variant="soft",
            color_scheme="red",
            data_testid="task-decline",
        ),
        spacing="2",
        wrap="wrap",
    )
    resolve_button = rx.button(
        rx.icon("circle-check", size=16),
        T["backoffice.resolve"],
        on_click=S.resolve(item["id"]),
        variant="soft",
        data_testid="task-resolve",
    )
    return rx.flex(
        _assign_select(item),
        rx.spacer(display=rx.breakpoints(initial="none", sm="block")),
        rx.cond(item["is_request"] == "yes", request_buttons, resolve_button),
        direction=rx.breakpoints(initial="column", sm="row"),
        align=rx.breakpoints(initial="stretch", sm="end"),
        gap="0.75rem",
        width="100%",
        padding_top="0.75rem",
        border_top=f"1px solid {rx.color('gray', 4)}",
    )


def _message(item: rx.Var) -> rx.Component:
    return rx.box(
        rx.text(T["backoffice.message"], size="1", weight="medium", color_scheme="gray"),
        rx.text(
            item["message"],
            size="2",
            white_space="pre-wrap",
            overflow_wrap="anywhere",
            data_testid="task-message",
        ),
        background=rx.color("gray", 3),
        border_left=f"3px solid {rx.color('orange', 8)}",
        border_radius="0.375rem",
        padding="0.75rem",
        width="100%",
    )


def task_card(item: rx.Var) -> rx.Component:
    """One task: what, for whom, when, who has it; actions while it is open."""
    return rx.card(
        rx.vstack(
            rx.flex(
                _kind_badge(item),
                rx.text(
                    T["backoffice.created"] + " " + item["created"],
                    size="1",
                    color_scheme="gray",
                    data_testid="task-created",
                ),
                justify="between",
                align="center",
                wrap="wrap",
                gap="0.5rem",
                width="100%",
            ),
            rx.vstack(
                rx.heading(item["customer"], size="4", as_="h3", data_testid="task-customer"),
                rx.cond(
                    item["email"] != "",
                    rx.link(
                        item["email"],
                        href="mailto:" + item["email"],
                        size="2",
                        overflow_wrap="anywhere",
                        data_testid="task-email",
                    ),
                ),
                spacing="0",
                min_width="0",
            ),
            rx.cond(
                item["is_open"] == "yes",
                rx.text(item["hint"], size="2", color_scheme="gray"),
            ),
            rx.data_list.root(
                _fact("backoffice.service", item["service"], "task-service"),
                rx.cond(
                    item["when"] != "",
                    _fact("backoffice.appointment", item["when"], "task-when"),
                ),
                rx.cond(
                    item["reason"] != "",
                    _fact("backoffice.reason", item["reason"], "task-reason"),
                ),
                rx.cond(
                    item["is_open"] != "yes",
                    _fact("backoffice.assigned", item["assigned"], "task-assigned"),
                ),
                rx.cond(
                    item["resolved"] != "",
                    _fact("backoffice.resolved_at", item["resolved"], "task-resolved"),
                ),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
                width="100%",
            ),
            rx.cond(item["message"] != "", _message(item)),
            rx.cond(item["is_open"] == "yes", _actions(item)),
            spacing="3",
            width="100%",
        ),
        width="100%",
        data_testid="task-card",
    )


def _messages() -> rx.Component:
    return rx.fragment(
        message_callout(S.inbox_notice, error=False, testid="inbox-notice"),
        message_callout(S.inbox_error, testid="inbox-error"),
    )


def _select_field(label_key, placeholder_key, items, value, on_change, testid) -> rx.Component:
    return rx.vstack(
        rx.text(T[label_key], size="2", weight="medium"),
        rx.select.root(
            rx.select.trigger(
                placeholder=T[placeholder_key],
                aria_label=T[label_key],
                width="100%",
                data_testid=testid,
            ),
            rx.select.content(
                rx.foreach(
                    items,
                    lambda c: rx.select.item(c["label"], value=c["id"]),
                ),
            ),
            value=value,
            on_change=on_change,
            size="3",
        ),
        spacing="1",
        width="100%",
    )


def invite_dialog() -> rx.Component:
    """Pick customer and service, send the invitation mail; used on several pages."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.vstack(
                rx.dialog.title(T["backoffice.invite.title"], margin_bottom="0"),
                rx.dialog.description(T["backoffice.invite.intro"], size="2", color_scheme="gray"),
                message_callout(
                    S.invite_notice, error=False, icon="mail-check", testid="invite-notice"
                ),
                message_callout(S.invite_error, testid="invite-error"),
                rx.cond(
                    S.invite_customers.length() > 0,
                    rx.vstack(
                        _select_field(
                            "backoffice.invite.customer",
                            "backoffice.invite.pick_customer",
                            S.invite_customers,
                            S.invite_customer,
                            S.choose_invite_customer,
                            "invite-customer",
                        ),
                        _select_field(
                            "backoffice.invite.service",
                            "backoffice.invite.pick_service",
                            S.invite_services,
                            S.invite_service,
                            S.choose_invite_service,
                            "invite-service",
                        ),
                        spacing="3",
                        width="100%",
                    ),
                ),
                rx.flex(
                    rx.dialog.close(
                        rx.button(
                            T["backoffice.invite.close"],
                            variant="soft",
                            color_scheme="gray",
                            size="3",
                            on_click=S.close_invite,
                        )
                    ),
                    rx.cond(
                        S.invite_customers.length() > 0,
                        rx.button(
                            rx.icon("send", size=16),
                            T["backoffice.invite.send"],
                            size="3",
                            on_click=S.send_invite,
                            data_testid="invite-send",
                        ),
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


def invite_button(email: rx.Var | str = "", **props) -> rx.Component:
    """The small 'Invite' button of a customer row."""
    return rx.button(
        rx.icon("send", size=14),
        T["backoffice.invite"],
        size="1",
        variant="soft",
        on_click=S.start_invite(email),
        data_testid="invite-row",
        **props,
    )


def inbox() -> rx.Component:
    header = rx.flex(
        rx.vstack(
            rx.heading(T["backoffice.title"], size="7", as_="h1"),
            rx.text(T["backoffice.intro"], size="2", color_scheme="gray", max_width="40rem"),
            spacing="1",
        ),
        rx.cond(
            ~S.refused,
            rx.button(
                rx.icon("send", size=16),
                T["backoffice.invite.open"],
                size="3",
                on_click=S.start_invite(""),
                data_testid="invite-open",
            ),
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        justify="between",
        align=rx.breakpoints(initial="stretch", sm="start"),
        gap="1rem",
        width="100%",
    )
    tasks = rx.vstack(
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger(T["backoffice.tab.open"], value="open"),
                rx.tabs.trigger(T["backoffice.tab.resolved"], value="resolved"),
                aria_label=T["backoffice.tabs"],
            ),
            value=S.view,
            on_change=S.show_view,
            width="100%",
        ),
        _messages(),
        rx.cond(
            S.tasks.length() > 0,
            rx.vstack(rx.foreach(S.tasks, task_card), spacing="3", width="100%"),
            rx.cond(
                S.view == "resolved",
                empty_state("backoffice.empty.resolved"),
                empty_state("backoffice.empty.open"),
            ),
        ),
        spacing="3",
        width="100%",
    )
    content = rx.vstack(
        header,
        rx.cond(
            S.refused,
            rx.callout(
                T["backoffice.refused"],
                color_scheme="red",
                icon="triangle-alert",
                role="alert",
                width="100%",
                data_testid="inbox-refused",
            ),
            tasks,
        ),
        invite_dialog(),
        spacing="4",
        width="100%",
    )
    return staff_shell("staff.nav.inbox", content)


def register(app: rx.App) -> None:
    """Add the back-office inbox to the app."""
    app.add_page(inbox, route="/staff/inbox", on_load=S.load_inbox, title="Backoffice")
