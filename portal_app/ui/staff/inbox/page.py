"""/staff/inbox: the back-office tasks."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.cards import empty_state, pager
from portal_app.ui.kit.shells import staff_shell
from portal_app.ui.staff.inbox.state import NOBODY
from portal_app.ui.staff.inbox.state import InboxState as S
from portal_app.ui.staff.invite.page import invite_dialog, open_invite_button

T = S.texts

KIND_COLORS = {
    "options_declined": "orange",
    "no_options": "red",
    "credit_invoice": "purple",
    "approve_request": "blue",
}


def _kind_badge(item: rx.Var) -> rx.Component:
    label = T["backoffice.kind." + item.kind]
    return rx.match(
        item.kind,
        *[
            (
                kind,
                rx.badge(
                    label, color_scheme=color, variant="soft", size="2", data_testid="task-kind"
                ),
            )
            for kind, color in KIND_COLORS.items()
        ],
        rx.badge(label, variant="soft", size="2", data_testid="task-kind"),
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
                rx.foreach(S.assignees, lambda a: rx.select.item(a.name, value=a.id)),
            ),
            value=item.assignee_id,
            on_change=lambda value: S.assign(item.id, value),
        ),
        spacing="1",
        width=rx.breakpoints(initial="100%", sm="auto"),
    )


def _actions(item: rx.Var) -> rx.Component:
    request_buttons = rx.hstack(
        rx.button(
            rx.icon("check", size=16),
            T["backoffice.approve"],
            on_click=S.decide(item.id, True),
            data_testid="task-approve",
        ),
        rx.button(
            rx.icon("x", size=16),
            T["backoffice.decline"],
            on_click=S.decide(item.id, False),
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
        on_click=S.resolve(item.id),
        variant="soft",
        data_testid="task-resolve",
    )
    return rx.flex(
        _assign_select(item),
        rx.spacer(display=rx.breakpoints(initial="none", sm="block")),
        rx.cond(item.is_request, request_buttons, resolve_button),
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
            item.message,
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


def _contact(item: rx.Var) -> rx.Component:
    return rx.flex(
        rx.cond(
            item.email != "",
            rx.link(
                item.email,
                href="mailto:" + item.email,
                size="2",
                overflow_wrap="anywhere",
                data_testid="task-email",
            ),
        ),
        rx.cond(
            item.phone != "",
            rx.link(item.phone, href="tel:" + item.phone, size="2", data_testid="task-phone"),
        ),
        gap="0.25rem 1rem",
        wrap="wrap",
    )


def task_card(item: rx.Var) -> rx.Component:
    """One task: what, for whom, when, who has it; actions while it is open."""
    return rx.card(
        rx.vstack(
            rx.flex(
                _kind_badge(item),
                rx.text(
                    T["backoffice.created"] + " " + item.created,
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
                rx.heading(
                    rx.cond(
                        item.customer_href != "",
                        rx.link(item.customer, href=item.customer_href),
                        item.customer,
                    ),
                    size="4",
                    as_="h3",
                    data_testid="task-customer",
                ),
                _contact(item),
                spacing="1",
                min_width="0",
            ),
            rx.cond(
                item.is_open,
                rx.text(T["backoffice.hint." + item.kind], size="2", color_scheme="gray"),
            ),
            rx.data_list.root(
                _fact("backoffice.service", item.service, "task-service"),
                rx.cond(
                    item.when != "",
                    _fact(
                        "backoffice.appointment",
                        rx.link(item.when, href=item.appointment_href),
                        "task-when",
                    ),
                ),
                rx.cond(
                    item.reason_key != "",
                    _fact(
                        "backoffice.reason",
                        T["backoffice.reason." + item.reason_key],
                        "task-reason",
                    ),
                ),
                rx.cond(
                    ~item.is_open,
                    _fact(
                        "backoffice.assigned",
                        rx.cond(item.assigned != "", item.assigned, T["backoffice.nobody"]),
                        "task-assigned",
                    ),
                ),
                rx.cond(
                    item.resolved != "",
                    _fact("backoffice.resolved_at", item.resolved, "task-resolved"),
                ),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
                width="100%",
            ),
            rx.cond(item.message != "", _message(item)),
            rx.cond(item.is_open, _actions(item)),
            spacing="3",
            width="100%",
        ),
        width="100%",
        data_testid="task-card",
    )


VIEWS = ("open", "resolved")


def _task_list() -> rx.Component:
    """The tasks of the chosen tab, with the page's sentences and the pager."""
    return rx.vstack(
        message_callout(S.notice, error=False, testid="inbox-notice"),
        message_callout(S.error, testid="inbox-error"),
        rx.cond(
            S.tasks.length() > 0,
            rx.vstack(rx.foreach(S.tasks, task_card), spacing="3", width="100%"),
            rx.cond(
                S.view == "resolved",
                empty_state("backoffice.empty.resolved"),
                empty_state("backoffice.empty.open"),
            ),
        ),
        pager(S, S.show_page),
        spacing="3",
        width="100%",
        padding_top="0.75rem",
    )


def inbox() -> rx.Component:
    header = rx.flex(
        rx.vstack(
            rx.heading(T["backoffice.title"], size="7", as_="h1"),
            rx.text(T["backoffice.intro"], size="2", color_scheme="gray", max_width="40rem"),
            spacing="1",
        ),
        rx.cond(~S.refused, open_invite_button()),
        direction=rx.breakpoints(initial="column", sm="row"),
        justify="between",
        align=rx.breakpoints(initial="stretch", sm="start"),
        gap="1rem",
        width="100%",
    )
    tasks = rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger(T["backoffice.tab.open"], value="open"),
            rx.tabs.trigger(T["backoffice.tab.resolved"], value="resolved"),
            aria_label=T["backoffice.tabs"],
        ),
        # Each tab controls its own panel (only the chosen one is in the page).
        *[rx.tabs.content(_task_list(), value=view, width="100%") for view in VIEWS],
        value=S.view,
        on_change=S.show_view,
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
    """Add the inbox."""
    app.add_page(inbox, route=paths.INBOX, on_load=S.load, title="Backoffice")
