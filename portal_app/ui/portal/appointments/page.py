"""/portal/appointments and /portal/appointments/[appointment_id]."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.cards import appointment_list, pager, section
from portal_app.ui.kit.dialogs import confirm_dialog
from portal_app.ui.kit.effects import effects_list
from portal_app.ui.kit.forms import actions, back_link, detail_row, link_button, section_loading
from portal_app.ui.kit.forms import title as page_heading
from portal_app.ui.kit.shells import page_title, portal_shell
from portal_app.ui.portal.appointments.state import AppointmentsState, AppointmentState
from portal_app.ui.portal.dashboard.page import book_button

T = AppointmentsState.texts


def appointments() -> rx.Component:
    S = AppointmentsState
    content = rx.vstack(
        rx.flex(
            page_title("nav.appointments"),
            book_button(),
            justify="between",
            align="start",
            wrap="wrap",
            gap="0.75rem",
            width="100%",
        ),
        section("portal.upcoming", appointment_list(S.upcoming, "portal.no_upcoming", linked=True)),
        section(
            "portal.history",
            appointment_list(S.history, "portal.no_history", linked=True),
            pager(S, S.history_page),
        ),
        width="100%",
    )
    return portal_shell("nav.appointments", content)


def not_found(title_key: str, text_key: str) -> rx.Component:
    """What a page shows for an id that is not (or not the customer's)."""
    return rx.vstack(
        page_heading(T[title_key]),
        rx.text(T[text_key], color_scheme="gray"),
        back_link("booking.back_to_appointments", paths.APPOINTMENTS),
        spacing="3",
        width="100%",
        data_testid="not-found",
    )


def _calendar_button(D) -> rx.Component:
    return rx.cond(D.calendar != "none", _calendar_file_button(D))


def _calendar_file_button(D) -> rx.Component:
    return rx.button(
        rx.el.a(
            rx.icon(rx.cond(D.cancelled, "calendar-x", "calendar-plus"), size=16),
            rx.cond(D.cancelled, T["detail.remove_from_calendar"], T["detail.add_to_calendar"]),
            href=D.ics_url,
            download="afspraak.ics",
            # rx.el.a is a React Router link in Reflex 0.10: let the browser fetch the file
            reload_document=True,
            data_testid="ics-link",
        ),
        as_child=True,
        size="3",
        variant="soft",
    )


def _cancel_button(D) -> rx.Component:
    return confirm_dialog(
        rx.button(
            rx.icon("x", size=16), T["detail.cancel"], size="3", variant="soft", color_scheme="red"
        ),
        title=T["detail.cancel_title"],
        description=D.cancel_what,
        extra=rx.vstack(
            rx.text(T["preview.title"], size="2", weight="medium"),
            effects_list(D.cancel_effects, "cancel-effect"),
            rx.text(T["detail.cancel_text"], size="2", color_scheme="gray"),
            spacing="2",
            margin_top="0.75rem",
        ),
        keep_label=T["detail.cancel_keep"],
        confirm_label=T["detail.cancel_confirm"],
        on_confirm=AppointmentState.cancel,
    )


def _detail(D) -> rx.Component:
    card = D.card
    return rx.vstack(
        back_link("booking.back_to_appointments", paths.APPOINTMENTS),
        rx.flex(
            page_heading(card.service),
            rx.badge(card.status, size="3", variant="soft", data_testid="detail-status"),
            align="center",
            wrap="wrap",
            gap="0.75rem",
        ),
        message_callout(
            AppointmentState.notice, error=False, color="grass", icon="circle-check", testid="done"
        ),
        message_callout(AppointmentState.error, testid="refusal"),
        rx.card(
            rx.data_list.root(
                detail_row("booking.when", card.when, "detail-when"),
                detail_row("booking.with", card.staff),
                detail_row("booking.duration", card.duration),
                detail_row("booking.price", card.price),
                rx.cond(D.location != "", detail_row("booking.location", D.location)),
                rx.cond(
                    D.video_url != "",
                    detail_row(
                        "booking.video", rx.link(D.video_url, href=D.video_url, is_external=True)
                    ),
                ),
                detail_row("booking.status", card.status),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            ),
            size="3",
            width="100%",
        ),
        rx.cond(
            D.can_reschedule | D.can_cancel,
            rx.vstack(
                rx.cond(D.reschedule_until != "", rx.text(D.reschedule_until, size="2")),
                rx.cond(D.cancel_until != "", rx.text(D.cancel_until, size="2")),
                spacing="1",
                data_testid="change-deadlines",
            ),
        ),
        rx.cond(
            D.too_late != "",
            message_callout(
                D.too_late, error=False, color="amber", icon="clock-alert", testid="too-late"
            ),
        ),
        actions(
            _calendar_button(D),
            rx.cond(
                D.can_reschedule,
                link_button(
                    rx.icon("calendar-clock", size=16),
                    T["detail.reschedule"],
                    href=D.reschedule_href,
                    testid="reschedule-link",
                ),
            ),
            rx.cond(D.can_cancel, _cancel_button(D)),
        ),
        spacing="4",
        width="100%",
    )


def appointment_page() -> rx.Component:
    S = AppointmentState
    content = rx.match(
        S.screen,
        ("found", rx.cond(S.detail, _detail(S.detail), section_loading())),
        ("not_found", not_found("booking.not_found", "booking.not_found_text")),
        section_loading(),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


def register(app: rx.App) -> None:
    """Add the appointments list and the appointment page."""
    app.add_page(
        appointments, route=paths.APPOINTMENTS, on_load=AppointmentsState.load, title="Klantportaal"
    )
    app.add_page(
        appointment_page,
        route=paths.appointment("[appointment_id]"),
        on_load=AppointmentState.load,
        title="Klantportaal",
    )
