"""Customer booking pages: invitation options, self-booking, appointment detail, reschedule."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.layout import portal_shell
from portal_app.ui.components.messages import message_callout
from portal_app.ui.states.booking_appointment_state import AppointmentState, RescheduleState
from portal_app.ui.states.booking_state import BookState, InvitationState
from portal_app.ui.states.session_state import SessionState

T = SessionState.texts


# ---------------------------------------------------------------- small building blocks


def _title(content) -> rx.Component:
    return rx.heading(content, size="7", as_="h1", margin_bottom="0.25rem")


def _loading() -> rx.Component:
    return rx.center(rx.spinner(size="3"), padding="3rem", width="100%")


def _actions(*children: rx.Component) -> rx.Component:
    """A row of buttons that stacks full-width on a phone."""
    return rx.flex(
        *children,
        direction=rx.breakpoints(initial="column", sm="row"),
        wrap="wrap",
        gap="0.5rem",
        width="100%",
    )


def _link_button(*children, href, testid: str | None = None, **props) -> rx.Component:
    """A link that looks like a button (one <a>, no button nested inside a link)."""
    return rx.button(
        rx.link(*children, href=href, underline="none", data_testid=testid),
        as_child=True,
        size="3",
        **props,
    )


def _label(content, for_id: str) -> rx.Component:
    return rx.el.label(content, html_for=for_id, font_size="0.875rem", font_weight="500")


def _date_input(
    input_id: str, value=None, on_change=None, min_day=None, name: str | None = None
) -> rx.Component:
    props = {}
    if value is not None:
        props["value"] = value
    if on_change is not None:
        props["on_change"] = on_change
    if min_day is not None:
        props["min"] = min_day
    if name is not None:
        props["name"] = name
    return rx.input(
        id=input_id,
        type="date",
        size="3",
        width=rx.breakpoints(initial="100%", sm="14rem"),
        required=True,
        **props,
    )


def _row(label_key: str, value, testid: str | None = None) -> rx.Component:
    return rx.data_list.item(
        rx.data_list.label(T[label_key], min_width="9rem"),
        rx.data_list.value(value, data_testid=testid, word_break="break-word"),
    )


def _summary(data: rx.Var) -> rx.Component:
    """Service, when and with whom of an appointment-like dict."""
    return rx.data_list.root(
        _row("booking.service", data["service"]),
        _row("booking.when", data["when"], "summary-when"),
        _row("booking.with", data["staff"]),
        orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        size="2",
    )


def _confirmation(data: rx.Var) -> rx.Component:
    """The on-screen confirmation after booking (or requesting)."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("circle-check", size=28, color=rx.color("grass", 9)),
                rx.heading(data["title"], size="5", as_="h2"),
                align="center",
                spacing="3",
            ),
            _summary(data),
            rx.text(data["note"], size="2", data_testid="confirmation-note"),
            _actions(
                _link_button(T["booking.view_appointment"], href=data["href"]),
                _link_button(
                    T["booking.back_to_appointments"], href="/portal/appointments", variant="soft"
                ),
            ),
            spacing="4",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid="confirmation",
    )


def _message_card(icon: str, message, *extra: rx.Component, testid: str = "") -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon(icon, size=22, color=rx.color("accent", 9), flex_shrink="0"),
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


def _back_link() -> rx.Component:
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=16), rx.text(T["booking.back_to_appointments"])),
        href="/portal/appointments",
        size="2",
    )


def _not_found(title_key: str, text_key: str) -> rx.Component:
    return rx.vstack(
        _title(T[title_key]),
        rx.text(T[text_key], color_scheme="gray"),
        _back_link(),
        spacing="3",
        width="100%",
        data_testid="not-found",
    )


# ---------------------------------------------------------------- invitation (seed 000)


def _option_card(option: rx.Var) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(option["when"], weight="bold", size="3"),
                rx.text(option["with"], size="2", color_scheme="gray"),
                rx.text(option["duration"] + " · " + option["price"], size="2"),
                spacing="1",
                min_width="0",
            ),
            rx.spacer(),
            rx.button(
                T["invite.choose"],
                size="3",
                width=rx.breakpoints(initial="100%", sm="auto"),
                on_click=InvitationState.choose(option["key"]),
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            align=rx.breakpoints(initial="stretch", sm="center"),
            gap="0.75rem",
        ),
        width="100%",
        data_testid="option-card",
    )


def _invitation_options() -> rx.Component:
    S = InvitationState
    date_form = rx.form(
        rx.vstack(
            _label(T["invite.date_label"], "preferred-day"),
            rx.flex(
                _date_input("preferred-day", min_day=S.min_day, name="day"),
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
    decline_form = rx.form(
        rx.vstack(
            _label(T["invite.decline_label"], "decline-message"),
            rx.text_area(
                id="decline-message",
                name="message",
                placeholder=T["invite.decline_placeholder"],
                required=True,
                max_length=2000,
                rows="4",
                width="100%",
            ),
            _actions(
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
    return rx.vstack(
        _title(T["invite.title"]),
        rx.text(S.intro, color_scheme="gray"),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, icon="triangle-alert", testid="error"),
        rx.cond(S.heading != "", rx.heading(S.heading, size="4", as_="h2")),
        rx.vstack(rx.foreach(S.options, _option_card), spacing="3", width="100%"),
        _actions(
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
        rx.cond(S.date_open, rx.card(date_form, width="100%")),
        rx.cond(S.decline_open, rx.card(decline_form, width="100%")),
        spacing="4",
        width="100%",
    )


def _invitation_none() -> rx.Component:
    S = InvitationState
    return rx.vstack(
        _title(T["invite.title"]),
        rx.text(S.intro, color_scheme="gray"),
        _message_card(
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
    S = InvitationState
    content = rx.match(
        S.screen,
        ("loading", _loading()),
        ("not_found", _not_found("booking.invitation_not_found", "invite.closed")),
        ("options", _invitation_options()),
        ("none", _invitation_none()),
        ("confirmed", _confirmation(S.confirmation)),
        (
            "declined",
            _message_card("mail-check", T["invite.declined_thanks"], testid="declined-thanks"),
        ),
        (
            "declined_before",
            _message_card("mail-check", T["invite.already_declined"], _back_link()),
        ),
        (
            "booked",
            _message_card(
                "calendar-check",
                T["invite.already_booked"],
                rx.cond(
                    S.booked_href != "",
                    rx.link(T["booking.view_appointment"], href=S.booked_href),
                ),
            ),
        ),
        _message_card("info", T["invite.closed"], _back_link()),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


# ---------------------------------------------------------------- self-booking (seed 002)


def _choice_button(label, selected, on_click, *extra: rx.Component) -> rx.Component:
    return rx.button(
        rx.flex(
            rx.text(label, weight="medium", text_align="left"),
            rx.spacer(),
            *extra,
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="0.25rem 0.75rem",
            width="100%",
            align=rx.breakpoints(initial="start", sm="center"),
        ),
        variant=rx.cond(selected, "solid", "surface"),
        size="3",
        width="100%",
        height="auto",
        min_height="3rem",
        padding_y="0.625rem",
        white_space="normal",
        on_click=on_click,
        aria_pressed=selected,
    )


def _step(title_key: str, *children: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.heading(T[title_key], size="4", as_="h2"),
        *children,
        spacing="3",
        width="100%",
    )


def _service_button(service: rx.Var) -> rx.Component:
    return _choice_button(
        service["name"],
        BookState.service_id == service["id"],
        BookState.pick_service(service["id"]),
        rx.text(service["duration"] + " · " + service["price"], size="2", weight="regular"),
    )


def _staff_button(member: rx.Var) -> rx.Component:
    return _choice_button(
        member["name"], BookState.staff_id == member["id"], BookState.pick_staff(member["id"])
    )


def _day_chip(day: rx.Var) -> rx.Component:
    return rx.button(
        day["label"],
        variant=rx.cond(BookState.day == day["value"], "solid", "soft"),
        size="2",
        on_click=BookState.pick_day(day["value"]),
    )


def _time_button(slot: rx.Var, on_click) -> rx.Component:
    return rx.button(
        slot["time"],
        variant="outline",
        size="3",
        width="100%",
        on_click=on_click,
        title=slot["when"],
    )


def _time_grid(slots: rx.Var, on_pick) -> rx.Component:
    return rx.grid(
        rx.foreach(slots, lambda s: _time_button(s, on_pick(s["key"]))),
        columns=rx.breakpoints(initial="3", sm="4", md="6"),
        gap="0.5rem",
        width="100%",
        data_testid="time-grid",
    )


def _book_pending() -> rx.Component:
    P = BookState.pending
    return rx.card(
        rx.vstack(
            rx.heading(T["book.confirm_title"], size="4", as_="h2"),
            rx.data_list.root(
                _row("booking.service", P["service"]),
                _row("booking.when", P["when"]),
                _row("booking.with", P["staff"]),
                _row("booking.price", P["price"]),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
            ),
            _actions(
                rx.button(T["book.confirm"], size="3", on_click=BookState.confirm),
                rx.button(
                    T["book.change"],
                    size="3",
                    variant="soft",
                    color_scheme="gray",
                    on_click=BookState.change_slot,
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid="book-confirm",
    )


def _book_steps() -> rx.Component:
    S = BookState
    times = rx.cond(
        S.pending.contains("key"),
        _book_pending(),
        rx.cond(
            S.slots.length() > 0,
            _time_grid(S.slots, S.pick_slot),
            rx.cond(
                S.day_title != "",
                _message_card("calendar-x", T["book.no_times"], testid="no-times"),
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
                _message_card("info", T["book.no_services"]),
            ),
        ),
        rx.cond(
            S.service_id != "",
            _step(
                "book.step_staff",
                rx.grid(
                    _choice_button(T["book.anyone"], S.staff_id == "any", S.pick_staff("any")),
                    rx.foreach(S.staff, _staff_button),
                    columns=rx.breakpoints(initial="1", sm="2", md="3"),
                    gap="0.5rem",
                    width="100%",
                ),
            ),
        ),
        rx.cond(
            S.staff_id != "",
            _step(
                "book.step_day",
                rx.flex(rx.foreach(S.days, _day_chip), wrap="wrap", gap="0.5rem"),
                rx.vstack(
                    _label(T["book.day_label"], "book-day"),
                    _date_input("book-day", value=S.day, on_change=S.pick_day, min_day=S.min_day),
                    spacing="1",
                ),
            ),
        ),
        rx.cond(
            S.day_title != "",
            rx.vstack(
                rx.heading(T["book.step_time"], size="4", as_="h2"),
                rx.text(S.day_title, size="2", color_scheme="gray", data_testid="day-title"),
                spacing="1",
            ),
        ),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, icon="triangle-alert", testid="error"),
        times,
        spacing="5",
        width="100%",
    )


def book_page() -> rx.Component:
    S = BookState
    content = rx.vstack(
        _title(T["book.title"]),
        rx.cond(
            S.loaded,
            rx.cond(
                S.result.contains("title"),
                rx.vstack(
                    _confirmation(S.result),
                    rx.button(
                        rx.icon("plus", size=16),
                        T["book.again"],
                        variant="soft",
                        size="3",
                        on_click=S.again,
                    ),
                    spacing="3",
                    width="100%",
                ),
                _book_steps(),
            ),
            _loading(),
        ),
        spacing="4",
        width="100%",
    )
    return portal_shell("nav.appointments", content)


# ---------------------------------------------------------------- appointment detail


def _cancel_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(
                rx.icon("x", size=16),
                T["detail.cancel"],
                size="3",
                variant="soft",
                color_scheme="red",
            )
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(T["detail.cancel_title"]),
            rx.alert_dialog.description(T["detail.cancel_text"]),
            rx.flex(
                rx.alert_dialog.cancel(
                    rx.button(T["detail.cancel_keep"], variant="soft", color_scheme="gray")
                ),
                rx.alert_dialog.action(
                    rx.button(
                        T["detail.cancel_confirm"],
                        color_scheme="red",
                        on_click=AppointmentState.cancel,
                    )
                ),
                gap="0.75rem",
                justify="end",
                wrap="wrap",
                margin_top="1rem",
            ),
            max_width="28rem",
        ),
    )


def _detail_found() -> rx.Component:
    D = AppointmentState.detail
    return rx.vstack(
        _back_link(),
        rx.flex(
            _title(D["service"]),
            rx.badge(D["status"], size="3", variant="soft", data_testid="detail-status"),
            align="center",
            wrap="wrap",
            gap="0.75rem",
        ),
        message_callout(
            AppointmentState.done, error=False, color="grass", icon="circle-check", testid="done"
        ),
        message_callout(AppointmentState.refusal, icon="triangle-alert", testid="refusal"),
        rx.card(
            rx.data_list.root(
                _row("booking.when", D["when"], "detail-when"),
                _row("booking.with", D["staff"]),
                _row("booking.duration", D["duration"]),
                _row("booking.price", D["price"]),
                rx.cond(D["location"] != "", _row("booking.location", D["location"])),
                rx.cond(
                    D["video_url"] != "",
                    rx.data_list.item(
                        rx.data_list.label(T["booking.video"], min_width="9rem"),
                        rx.data_list.value(
                            rx.link(D["video_url"], href=D["video_url"], is_external=True)
                        ),
                    ),
                ),
                _row("booking.status", D["status"]),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            ),
            size="3",
            width="100%",
        ),
        _actions(
            rx.button(
                rx.el.a(
                    rx.icon("calendar-plus", size=16),
                    T["detail.add_to_calendar"],
                    href=D["ics_url"],
                    download="afspraak.ics",
                    # rx.el.a is a React Router link in Reflex 0.10: let the browser fetch
                    reload_document=True,
                    data_testid="ics-link",
                ),
                as_child=True,
                size="3",
                variant="soft",
            ),
            rx.cond(
                AppointmentState.can_change,
                _link_button(
                    rx.icon("calendar-clock", size=16),
                    T["detail.reschedule"],
                    href=D["href"] + "/reschedule",
                    testid="reschedule-link",
                ),
            ),
            rx.cond(AppointmentState.can_change, _cancel_dialog()),
        ),
        spacing="4",
        width="100%",
    )


def appointment_page() -> rx.Component:
    content = rx.match(
        AppointmentState.screen,
        ("found", _detail_found()),
        ("not_found", _not_found("booking.not_found", "booking.not_found_text")),
        _loading(),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


# ---------------------------------------------------------------- reschedule (seed 003)


def _reschedule_pick() -> rx.Component:
    S = RescheduleState
    return rx.vstack(
        rx.text(S.intro, color_scheme="gray"),
        rx.vstack(
            _label(T["reschedule.day_label"], "reschedule-day"),
            _date_input("reschedule-day", value=S.day, on_change=S.pick_day, min_day=S.min_day),
            spacing="1",
        ),
        message_callout(S.notice, error=False, color="amber", icon="info", testid="notice"),
        message_callout(S.error, icon="triangle-alert", testid="error"),
        rx.cond(
            S.screen == "confirm",
            rx.card(
                rx.vstack(
                    rx.heading(S.confirm_title, size="4", as_="h2"),
                    _actions(
                        rx.button(T["reschedule.confirm"], size="3", on_click=S.confirm),
                        rx.button(
                            T["reschedule.other"],
                            size="3",
                            variant="soft",
                            color_scheme="gray",
                            on_click=S.change_slot,
                        ),
                    ),
                    spacing="3",
                    width="100%",
                ),
                size="3",
                width="100%",
                data_testid="reschedule-confirm",
            ),
            rx.cond(
                S.slots.length() > 0,
                rx.vstack(
                    rx.heading(T["reschedule.times"], size="4", as_="h2"),
                    rx.vstack(
                        rx.foreach(
                            S.slots,
                            lambda s: rx.button(
                                s["when"],
                                variant="outline",
                                size="3",
                                width="100%",
                                justify_content="start",
                                on_click=S.pick_slot(s["key"]),
                            ),
                        ),
                        spacing="2",
                        width="100%",
                        max_width="24rem",
                        data_testid="time-grid",
                    ),
                    spacing="2",
                    width="100%",
                ),
                _message_card("calendar-x", T["reschedule.no_times"], testid="no-times"),
            ),
        ),
        spacing="4",
        width="100%",
    )


def _current_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(T["reschedule.current"], size="1", color_scheme="gray", weight="medium"),
            _summary(RescheduleState.current),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def reschedule_page() -> rx.Component:
    S = RescheduleState
    body = rx.match(
        S.screen,
        ("loading", _loading()),
        ("refused", _message_card("clock-alert", S.refusal, testid="refusal")),
        (
            "done",
            rx.card(
                rx.vstack(
                    rx.hstack(
                        rx.icon("circle-check", size=28, color=rx.color("grass", 9)),
                        rx.heading(T["reschedule.done_title"], size="5", as_="h2"),
                        align="center",
                        spacing="3",
                    ),
                    rx.text(S.done_text, data_testid="reschedule-done"),
                    rx.link(T["booking.view_appointment"], href=S.current["href"]),
                    spacing="3",
                    width="100%",
                ),
                size="3",
                width="100%",
            ),
        ),
        _reschedule_pick(),
    )
    content = rx.cond(
        S.screen == "not_found",
        _not_found("booking.not_found", "booking.not_found_text"),
        rx.vstack(
            _back_link(),
            _title(T["reschedule.title"]),
            rx.cond(S.current.contains("service") & (S.screen != "done"), _current_card()),
            body,
            spacing="4",
            width="100%",
        ),
    )
    return portal_shell("nav.appointments", rx.box(content, width="100%"))


def register(app: rx.App) -> None:
    """Add the booking pages to the app."""
    app.add_page(
        invitation_page,
        route="/portal/invitations/[invitation_id]",
        on_load=InvitationState.load,
        title="Klantportaal",
    )
    app.add_page(book_page, route="/portal/book", on_load=BookState.load, title="Klantportaal")
    app.add_page(
        appointment_page,
        route="/portal/appointments/[appointment_id]",
        on_load=AppointmentState.load,
        title="Klantportaal",
    )
    app.add_page(
        reschedule_page,
        route="/portal/appointments/[appointment_id]/reschedule",
        on_load=RescheduleState.load,
        title="Klantportaal",
    )
