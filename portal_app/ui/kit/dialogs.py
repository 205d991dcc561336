"""Confirmation dialogs."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.kit.forms import actions


def confirm_dialog(
    trigger: rx.Component,
    *,
    title,
    description,
    keep_label,
    confirm_label,
    on_confirm,
    extra: rx.Component | None = None,
    color: str = "red",
) -> rx.Component:
    """Ask before an action that cannot be undone; `extra` says what will happen and
    `color` is the confirm button's (red: something is lost)."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(description),
            *([extra] if extra is not None else []),
            rx.flex(
                rx.alert_dialog.cancel(rx.button(keep_label, variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button(confirm_label, color_scheme=color, on_click=on_confirm)
                ),
                gap="0.75rem",
                justify="end",
                wrap="wrap",
                margin_top="1rem",
            ),
            max_width="28rem",
        ),
    )


def confirm_card(
    heading,
    *details: rx.Component,
    confirm_label,
    on_confirm,
    other_label,
    on_other,
    testid: str,
) -> rx.Component:
    """An inline "is this right?" card: what will happen, confirm or choose again."""
    return rx.card(
        rx.vstack(
            rx.heading(heading, size="4", as_="h2"),
            *details,
            actions(
                rx.button(confirm_label, size="3", on_click=on_confirm),
                rx.button(
                    other_label, size="3", variant="soft", color_scheme="gray", on_click=on_other
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid=testid,
    )
