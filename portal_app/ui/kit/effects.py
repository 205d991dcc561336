"""What will happen when a customer confirms a change: who is told, by which channel, and
whether money comes back; shown in the confirm dialog or card."""

from __future__ import annotations

import reflex as rx

from portal_app.core.catalog import text


def told_lines(
    channel: str, business_told: bool, business: str, locale: str, *, paid: bool = False
) -> list[str]:
    """The customer's confirmation by channel, the business's notice, a refund if paid."""
    lines = [text("preview.told_sms" if channel == "sms" else "preview.told_email", locale)]
    if business_told:
        lines.append(text("preview.business_told", locale, business=business))
    if paid:
        lines.append(text("preview.refund", locale, business=business))
    return lines


def effects_list(lines: rx.Var, testid: str) -> rx.Component:
    """The sentences as a short list with a check mark each."""
    return rx.vstack(
        rx.foreach(
            lines,
            lambda line: rx.hstack(
                rx.icon("circle-check", size=16, color=rx.color("accent", 11), flex_shrink="0"),
                rx.text(line, size="2"),
                align="start",
                spacing="2",
            ),
        ),
        spacing="2",
        width="100%",
        data_testid=testid,
    )
