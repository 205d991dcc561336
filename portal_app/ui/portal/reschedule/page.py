"""/portal/appointments/[appointment_id]/reschedule."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout, message_card
from portal_app.ui.kit.dialogs import confirm_card
from portal_app.ui.kit.effects import effects_list
from portal_app.ui.kit.forms import (
    back_link,
    date_input,
    detail_row,
    label,
    section_loading,
    title,
)
from portal_app.ui.kit.shells import portal_shell
from portal_app.ui.kit.times import time_grid
from portal_app.ui.portal.appointments.page import not_found
from portal_app.ui.portal.reschedule.state import RescheduleState as S

T = S.texts


def _confirm() -> rx.Component:
    return confirm_card(
        T["preview.reschedule_title"],
        rx.data_list.root(
            detail_row("preview.move_from", S.current.when, "move-from"),
            detail_row("preview.move_to", S.pending.when, "move-to"),
            detail_row("preview.move_with", S.pending.staff),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            size="2",
        ),
        rx.text(T["preview.title"], size="2", weight="medium"),
        effects_list(S.effects, "reschedule-effects"),
        confirm_label=T["reschedule.confirm"],
        on_confirm=S.confirm,
        other_label=T["reschedule.other"],
        on_other=S.change_time,
        testid="reschedule-confirm",
    )


def _pick() -> rx.Component:
    return rx.vstack(
        rx.text(S.intro, color_scheme="gray"),
        rx.vstack(
            label(T["reschedule.day_label"], "reschedule-day"),
            date_input("reschedule-day", value=S.day, on_change=S.pick_day, min_day=S.min_day),
            spacing="1",
        ),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, testid="error"),
        rx.cond(
            S.screen == "confirm",
            _confirm(),
            rx.cond(
                S.times.length() > 0,
                rx.vstack(
                    rx.heading(T["reschedule.times"], size="4", as_="h2"),
                    rx.text(S.day_title, size="2", color_scheme="gray", data_testid="day-title"),
                    time_grid(S.times, S.pick_time),
                    spacing="2",
                    width="100%",
                ),
                message_card("calendar-x", T["reschedule.no_times"], testid="no-times"),
            ),
        ),
        spacing="4",
        width="100%",
    )


def _current() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(T["reschedule.current"], size="1", color_scheme="gray", weight="medium"),
            rx.data_list.root(
                detail_row("booking.service", S.current.service),
                detail_row("booking.when", S.current.when, "summary-when"),
                detail_row("booking.with", S.current.staff),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _done() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("circle-check", size=28, color=rx.color("grass", 11)),
                rx.heading(T["reschedule.done_title"], size="5", as_="h2"),
                align="center",
                spacing="3",
            ),
            rx.text(S.done_text, data_testid="reschedule-done"),
            rx.link(T["booking.view_appointment"], href=S.current.href),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
    )


def reschedule_page() -> rx.Component:
    body = rx.match(
        S.screen,
        ("loading", section_loading()),
        ("refused", message_card("clock-alert", S.refusal, testid="refusal")),
        ("done", _done()),
        _pick(),
    )
    content = rx.cond(
        S.screen == "not_found",
        not_found("booking.not_found", "booking.not_found_text"),
        rx.vstack(
            back_link("booking.back_to_appointments", paths.APPOINTMENTS),
            title(T["reschedule.title"]),
            rx.cond(S.current & (S.screen != "done"), _current()),
            body,
            spacing="4",
            width="100%",
        ),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


def register(app: rx.App) -> None:
    """Add the reschedule page."""
    app.add_page(
        reschedule_page,
        route=paths.reschedule("[appointment_id]"),
        on_load=S.load,
        title="Klantportaal",
    )
