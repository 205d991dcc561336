"""The one way pages show an error, a confirmation or a calm message."""

from __future__ import annotations

import reflex as rx


def message_callout(
    message: rx.Var | str,
    *,
    error: bool = True,
    icon: str | None = None,
    color: str | None = None,
    testid: str | None = None,
    when: rx.Var | None = None,
) -> rx.Component:
    """A full-width callout, shown only while `message` is not empty (or `when` holds).

    Errors are red with role=alert; confirmations use role=status.
    """
    callout = rx.callout(
        message,
        icon=icon or ("triangle-alert" if error else "circle-check"),
        color_scheme=color or ("red" if error else "green"),
        role="alert" if error else "status",
        width="100%",
        **({"data_testid": testid} if testid else {}),
    )
    return rx.cond(when if when is not None else message != "", callout)


def page_messages(state, *, notice_testid: str = "notice", error_testid: str = "error"):
    """The page's notice and error sentences (SessionState.notice / .error)."""
    return rx.fragment(
        message_callout(state.notice, error=False, testid=notice_testid),
        message_callout(state.error, testid=error_testid),
    )


def message_card(icon: str, message, *extra: rx.Component, testid: str = "") -> rx.Component:
    """A card with an icon and a sentence (no options, thanks, refused), plus extras."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon(icon, size=22, color=rx.color("accent", 11), flex_shrink="0"),
                rx.text(message, size="3"),
                align="start",
                spacing="3",
            ),
            *extra,
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid=testid or None,
    )
