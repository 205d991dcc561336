"""Confirmation dialogs."""

from __future__ import annotations

import reflex as rx


def confirm_dialog(
    trigger: rx.Component,
    *,
    title,
    description,
    keep_label,
    confirm_label,
    on_confirm,
    extra: rx.Component | None = None,
) -> rx.Component:
    """Ask before an action that cannot be undone; `extra` says what will happen."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(description),
            *([extra] if extra is not None else []),
            rx.flex(
                rx.alert_dialog.cancel(rx.button(keep_label, variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button(confirm_label, color_scheme="red", on_click=on_confirm)
                ),
                gap="0.75rem",
                justify="end",
                wrap="wrap",
                margin_top="1rem",
            ),
            max_width="28rem",
        ),
    )
