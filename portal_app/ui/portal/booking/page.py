"""/portal/book: self-booking in four steps."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout, message_card
from portal_app.ui.kit.confirmation import confirmation_card
from portal_app.ui.kit.dialogs import confirm_card
from portal_app.ui.kit.forms import (
    choice_button,
    date_input,
    detail_row,
    label,
    section_loading,
    title,
)
from portal_app.ui.kit.shells import portal_shell
from portal_app.ui.kit.times import time_grid
from portal_app.ui.portal.booking.state import ANYONE
from portal_app.ui.portal.booking.state import BookState as S

T = S.texts


def _step(title_key: str, *children: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.heading(T[title_key], size="4", as_="h2"), *children, spacing="3", width="100%"
    )


def _service_button(service: rx.Var) -> rx.Component:
    return choice_button(
        rx.vstack(
            rx.text(service.name, weight="medium"),
            rx.cond(
                service.description != "",
                rx.text(
                    service.description,
                    size="1",
                    weight="regular",
                    text_align="left",
                ),
            ),
            spacing="1",
            align="start",
            text_align="left",
        ),
        S.service_id == service.id,
        S.pick_service(service.id),
        rx.text(service.facts, size="2", weight="regular", white_space="nowrap"),
    )


def _day_button(day: rx.Var) -> rx.Component:
    return rx.button(
        rx.vstack(
            rx.text(day.label, size="2", weight="medium"),
            rx.text(day.hint, size="1"),
            spacing="0",
            align="center",
        ),
        variant=rx.cond(S.day == day.value, "solid", rx.cond(day.free, "soft", "outline")),
        color_scheme=rx.cond(day.free, "teal", "gray"),
        disabled=~day.free,
        size="3",
        height="auto",
        padding_y="0.5rem",
        on_click=S.pick_day(day.value),
        aria_pressed=S.day == day.value,
        data_testid="day-button",
    )


def _days() -> rx.Component:
    return rx.vstack(
        rx.grid(
            rx.foreach(S.days, _day_button),
            columns=rx.breakpoints(initial="3", sm="4", md="7"),
            gap="0.5rem",
            width="100%",
        ),
        rx.flex(
            rx.button(
                rx.icon("chevron-left", size=16),
                T["book.week_previous"],
                variant="ghost",
                disabled=~S.can_go_back,
                on_click=S.previous_week,
            ),
            rx.button(
                T["book.week_next"],
                rx.icon("chevron-right", size=16),
                variant="ghost",
                on_click=S.next_week,
                data_testid="week-next",
            ),
            justify="between",
            width="100%",
        ),
        rx.vstack(
            label(T["book.day_label"], "book-day"),
            date_input("book-day", value=S.day, on_change=S.pick_day, min_day=S.week_start),
            spacing="1",
        ),
        spacing="3",
        width="100%",
    )


def _pending() -> rx.Component:
    P = S.pending
    return confirm_card(
        T["book.confirm_title"],
        rx.data_list.root(
            detail_row("booking.service", P.service),
            detail_row("booking.when", P.when),
            detail_row("booking.with", P.staff),
            detail_row("booking.price", P.price),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            size="2",
        ),
        confirm_label=T["book.confirm"],
        on_confirm=S.confirm,
        other_label=T["book.change"],
        on_other=S.change_time,
        testid="book-confirm",
    )


def _steps() -> rx.Component:
    times = rx.cond(
        S.pending,
        _pending(),
        rx.cond(
            S.times.length() > 0,
            time_grid(S.times, S.pick_time),
            rx.cond(
                S.day_title != "",
                message_card("calendar-x", T["book.no_times"], testid="no-times"),
            ),
        ),
    )
    return rx.vstack(
        _step(
            "book.step_service",
            rx.cond(
                S.services.length() > 0,
                rx.grid(
                    rx.foreach(S.services, _service_button),
                    columns=rx.breakpoints(initial="1", sm="2"),
                    gap="0.5rem",
                    width="100%",
                ),
                message_card("info", T["book.no_services"]),
            ),
        ),
        rx.cond(
            S.service_id != 0,
            _step(
                "book.step_staff",
                rx.grid(
                    choice_button(T["book.anyone"], S.staff_id == ANYONE, S.pick_staff(ANYONE)),
                    rx.foreach(
                        S.staff,
                        lambda m: choice_button(m.name, S.staff_id == m.id, S.pick_staff(m.id)),
                    ),
                    columns=rx.breakpoints(initial="1", sm="2", md="3"),
                    gap="0.5rem",
                    width="100%",
                ),
            ),
        ),
        rx.cond(S.staff_id != "", _step("book.step_day", _days())),
        rx.cond(
            S.day_title != "",
            rx.vstack(
                rx.heading(T["book.step_time"], size="4", as_="h2"),
                rx.text(S.day_title, size="2", color_scheme="gray", data_testid="day-title"),
                spacing="1",
            ),
        ),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, testid="error"),
        times,
        spacing="5",
        width="100%",
    )


def book_page() -> rx.Component:
    content = rx.vstack(
        title(T["book.title"]),
        rx.cond(
            S.loaded,
            rx.cond(
                S.result,
                rx.vstack(
                    confirmation_card(S.result),
                    rx.button(
                        rx.icon("plus", size=16),
                        T["book.again"],
                        variant="soft",
                        size="3",
                        on_click=S.load,
                    ),
                    spacing="3",
                    width="100%",
                ),
                _steps(),
            ),
            section_loading(),
        ),
        spacing="4",
        width="100%",
    )
    return portal_shell("nav.appointments", content)


def register(app: rx.App) -> None:
    """Add the self-booking page."""
    app.add_page(book_page, route=paths.BOOK, on_load=S.load, title="Klantportaal")
