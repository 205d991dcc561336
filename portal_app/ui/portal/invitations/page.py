"""/portal/invitations/[invitation_id]: the options of an invitation."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import message_callout, message_card
from portal_app.ui.kit.confirmation import confirmation_card
from portal_app.ui.kit.forms import actions, back_link, date_input, label, section_loading, title
from portal_app.ui.kit.shells import portal_shell
from portal_app.ui.portal.appointments.page import not_found
from portal_app.ui.portal.invitations.state import InvitationState as S

T = S.texts


def _option_card(option: rx.Var) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(option.when, weight="bold", size="3"),
                rx.text(option.with_staff, size="2", color_scheme="gray"),
                rx.text(option.facts, size="2"),
                spacing="1",
                min_width="0",
            ),
            rx.spacer(),
            rx.button(
                T["invite.choose"],
                size="3",
                width=rx.breakpoints(initial="100%", sm="auto"),
                on_click=S.choose(option.key),
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="stretch", sm="center"),
            gap="0.75rem",
        ),
        width="100%",
        data_testid="option-card",
        data_option=option.key,
    )


def _date_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            label(T["invite.date_label"], "preferred-day"),
            rx.flex(
                date_input("preferred-day", min_day=S.min_day, name="day"),
                rx.button(T["invite.show_date"], type="submit", size="3"),
                direction=rx.breakpoints(initial="column", sm="row"),
                gap="0.5rem",
                width="100%",
            ),
            spacing="1",
            width="100%",
        ),
        on_submit=S.options_for_day,
        width="100%",
    )


def _decline_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            label(T["invite.decline_label"], "decline-message"),
            rx.text_area(
                id="decline-message",
                name="message",
                placeholder=T["invite.decline_placeholder"],
                required=True,
                max_length=2000,
                rows="4",
                width="100%",
            ),
            actions(
                rx.button(T["invite.decline_send"], type="submit", size="3"),
                rx.button(
                    T["invite.cancel"],
                    type="button",
                    size="3",
                    variant="soft",
                    color_scheme="gray",
                    on_click=S.toggle_decline,
                ),
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=S.decline,
        reset_on_submit=False,
        width="100%",
    )


def _options() -> rx.Component:
    return rx.vstack(
        title(T["invite.title"]),
        rx.text(S.intro, color_scheme="gray"),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, testid="error"),
        rx.cond(S.heading != "", rx.heading(S.heading, size="4", as_="h2")),
        rx.vstack(rx.foreach(S.options, _option_card), spacing="3", width="100%"),
        actions(
            rx.cond(
                S.can_more,
                rx.button(
                    rx.icon("refresh-cw", size=16),
                    T["invite.more"],
                    variant="soft",
                    size="3",
                    on_click=S.more,
                ),
            ),
            rx.cond(
                S.can_date,
                rx.button(
                    rx.icon("calendar-search", size=16),
                    T["invite.pick_date"],
                    variant="soft",
                    size="3",
                    on_click=S.toggle_date,
                ),
            ),
            rx.button(
                rx.icon("message-square", size=16),
                T["invite.decline"],
                variant="outline",
                color_scheme="gray",
                size="3",
                on_click=S.toggle_decline,
            ),
        ),
        rx.cond(S.date_open, rx.card(_date_form(), width="100%")),
        rx.cond(S.decline_open, rx.card(_decline_form(), width="100%")),
        spacing="4",
        width="100%",
    )


def _none() -> rx.Component:
    return rx.vstack(
        title(T["invite.title"]),
        rx.text(S.intro, color_scheme="gray"),
        message_card(
            "calendar-x",
            S.reason,
            rx.text(T["booking.reason_followup"], size="2"),
            rx.text(S.contact, size="2", color_scheme="gray"),
            testid="no-options",
        ),
        spacing="4",
        width="100%",
    )


def invitation_page() -> rx.Component:
    back = back_link("booking.back_to_appointments", paths.APPOINTMENTS)
    content = rx.match(
        S.screen,
        ("loading", section_loading()),
        ("not_found", not_found("booking.invitation_not_found", "invite.closed")),
        ("options", _options()),
        ("none", _none()),
        ("confirmed", rx.cond(S.confirmation, confirmation_card(S.confirmation))),
        (
            "declined",
            message_card("mail-check", T["invite.declined_thanks"], testid="declined-thanks"),
        ),
        ("declined_before", message_card("mail-check", T["invite.already_declined"], back)),
        (
            "booked",
            message_card(
                "calendar-check",
                T["invite.already_booked"],
                rx.cond(
                    S.booked_href != "", rx.link(T["booking.view_appointment"], href=S.booked_href)
                ),
            ),
        ),
        message_card("info", T["invite.closed"], back),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


def register(app: rx.App) -> None:
    """Add the invitation page."""
    app.add_page(
        invitation_page,
        route=paths.invitation("[invitation_id]"),
        on_load=S.load,
        title="Klantportaal",
    )
