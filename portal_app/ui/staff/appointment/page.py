"""/staff/appointments/[appointment_id]: one appointment for staff."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout, message_card
from portal_app.ui.kit.cards import empty_state, list_pager, section
from portal_app.ui.kit.dialogs import confirm_card, confirm_dialog
from portal_app.ui.kit.forms import (
    actions,
    back_link,
    date_input,
    detail_row,
    label,
    link_button,
    not_found_section,
    section_loading,
    title,
)
from portal_app.ui.kit.messages import message_list
from portal_app.ui.kit.shells import staff_shell
from portal_app.ui.kit.times import time_grid
from portal_app.ui.staff.appointment.state import StaffAppointmentState as S

T = S.texts


def _contact(D) -> rx.Component:
    return rx.flex(
        rx.link(D.email, href="mailto:" + D.email, overflow_wrap="anywhere"),
        rx.cond(D.phone != "", rx.link(D.phone, href="tel:" + D.phone)),
        gap="0.25rem 1rem",
        wrap="wrap",
        data_testid="appointment-contact",
    )


def _facts(D) -> rx.Component:
    card = D.card
    customer = rx.cond(
        D.customer_href != "",
        rx.link(card.customer, href=D.customer_href, data_testid="customer-link"),
        rx.text(card.customer),
    )
    return rx.card(
        rx.data_list.root(
            detail_row("staff_appointment.customer", customer, "appointment-customer"),
            rx.cond(D.email != "", detail_row("staff_appointment.contact", _contact(D))),
            detail_row("booking.when", card.when, "appointment-when"),
            detail_row("staff_appointment.staff", card.staff, "appointment-staff"),
            detail_row("booking.duration", card.duration),
            detail_row("booking.price", card.price, "appointment-price"),
            rx.cond(D.location != "", detail_row("booking.location", D.location)),
            detail_row("booking.status", card.status, "appointment-status"),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        size="3",
        width="100%",
    )


def _ask(trigger_label: str, icon: str, prefix: str, on_confirm, color: str, D) -> rx.Component:
    return confirm_dialog(
        rx.button(
            rx.icon(icon, size=16),
            T[trigger_label],
            size="3",
            variant="soft",
            color_scheme=color,
            data_testid=f"action-{prefix}",
        ),
        title=T[f"staff_appointment.{prefix}_title"],
        description=T[f"staff_appointment.{prefix}_text"],
        extra=rx.text(D.told, size="2", margin_top="0.5rem"),
        keep_label=T["staff_appointment.keep"],
        confirm_label=T[f"staff_appointment.{prefix}_confirm"],
        on_confirm=on_confirm,
        color=color,
    )


def _move_panel() -> rx.Component:
    confirm = confirm_card(
        S.move_title,
        confirm_label=T["staff_appointment.move_confirm"],
        on_confirm=S.confirm_move,
        other_label=T["staff_appointment.move_other"],
        on_other=S.change_time,
        testid="move-confirm",
    )
    times = rx.cond(
        S.move_times.length() > 0,
        rx.vstack(
            rx.text(S.move_day_title, size="2", color_scheme="gray", data_testid="move-day-title"),
            time_grid(S.move_times, S.pick_time),
            spacing="2",
            width="100%",
        ),
        message_card("calendar-x", T["staff_appointment.move_no_times"], testid="no-times"),
    )
    return rx.card(
        rx.vstack(
            rx.heading(T["staff_appointment.move_title"], size="4", as_="h3"),
            rx.text(S.move_intro, size="2", color_scheme="gray"),
            rx.vstack(
                label(T["staff_appointment.move_day"], "move-day"),
                date_input(
                    "move-day", value=S.move_day, on_change=S.pick_day, min_day=S.move_min_day
                ),
                spacing="1",
            ),
            rx.cond(S.moving == "confirm", confirm, times),
            rx.button(
                T["staff_appointment.move_stop"],
                variant="soft",
                color_scheme="gray",
                on_click=S.stop_move,
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid="move-panel",
    )


def _actions(D) -> rx.Component:
    move = rx.button(
        rx.icon("calendar-clock", size=16),
        T["staff_appointment.move"],
        size="3",
        on_click=S.start_move,
        data_testid="action-move",
    )
    return rx.vstack(
        rx.heading(T["staff_appointment.actions"], size="4", as_="h2"),
        rx.text(D.told, size="2", color_scheme="gray", data_testid="told"),
        actions(
            rx.cond(D.can_change, move),
            rx.cond(
                D.can_change, _ask("staff_appointment.cancel", "x", "cancel", S.cancel, "red", D)
            ),
            rx.cond(
                D.can_finish,
                _ask("staff_appointment.done", "circle-check", "done", S.mark_done, "grass", D),
            ),
            rx.cond(
                D.can_finish,
                _ask("staff_appointment.no_show", "user-x", "no_show", S.mark_no_show, "orange", D),
            ),
        ),
        rx.cond(S.moving != "", _move_panel()),
        spacing="3",
        width="100%",
    )


def _history_row(item: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon("history", size=16, color=rx.color("accent", 11), flex_shrink="0"),
        rx.vstack(
            rx.text(rx.text.strong(item.who), " ", item.what, size="2"),
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
        ),
        align="start",
        width="100%",
        data_testid="history-row",
    )


def _lists(D) -> rx.Component:
    history = section(
        "staff_appointment.history",
        rx.cond(
            S.history.length() > 0,
            rx.card(rx.vstack(rx.foreach(S.history, _history_row), spacing="3"), width="100%"),
            empty_state("staff_appointment.no_history"),
        ),
        list_pager(S.history_number, S.history_more, S.history_page, "history-page"),
    )
    messages = section(
        "staff_appointment.messages",
        message_list(S.messages, "staff_appointment.no_messages"),
        list_pager(S.messages_number, S.messages_more, S.messages_page, "messages-page"),
    )
    return rx.fragment(history, rx.cond(D.shows_messages, messages))


def _detail(D) -> rx.Component:
    return rx.vstack(
        back_link("staff_appointment.back", paths.STAFF),
        rx.flex(
            title(D.card.service),
            rx.badge(D.card.status, size="3", variant="soft", data_testid="detail-status"),
            align="center",
            wrap="wrap",
            gap="0.75rem",
        ),
        message_callout(S.notice, error=False, testid="appointment-notice"),
        message_callout(S.error, testid="appointment-error"),
        _facts(D),
        rx.cond(
            D.awaits_approval,
            message_card(
                "inbox",
                T["staff_appointment.awaits_approval"],
                link_button(T["staff_appointment.to_inbox"], href=paths.INBOX, variant="soft"),
                testid="awaits-approval",
            ),
        ),
        rx.cond(D.can_change | D.can_finish, _actions(D)),
        _lists(D),
        spacing="4",
        width="100%",
    )


def staff_appointment_page() -> rx.Component:
    content = rx.match(
        S.screen,
        ("found", rx.cond(S.detail, _detail(S.detail), section_loading())),
        ("not_found", not_found_section("staff_appointment", paths.STAFF)),
        section_loading(),
    )
    return staff_shell("staff.nav.dashboard", rx.box(content, width="100%"))


def register(app: rx.App) -> None:
    """Add the staff appointment page."""
    app.add_page(
        staff_appointment_page,
        route=paths.staff_appointment("[appointment_id]"),
        on_load=S.load,
        title="Backoffice",
    )
