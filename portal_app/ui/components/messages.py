"""The one way pages show an error or a confirmation sentence."""

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
