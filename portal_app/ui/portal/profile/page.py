"""/portal/profile: the customer's details, e-mail address and mobile number."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.core.locale import LANGUAGE_NAMES, LOCALES
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.forms import field, section_loading
from portal_app.ui.kit.shells import page_title, portal_shell
from portal_app.ui.portal.profile.state import ProfileState as S

T = S.texts


def _radio(name: str, value, options: list[tuple[str, rx.Var | str]], label_id: str):
    """A row of radio buttons that a form submits under `name`."""
    return rx.radio_group.root(
        rx.flex(
            *[
                rx.el.label(
                    rx.flex(
                        rx.radio_group.item(value=option),
                        rx.text(words, size="3"),
                        gap="0.5rem",
                        align="center",
                    ),
                    cursor="pointer",
                )
                for option, words in options
            ],
            gap="0.5rem 1.5rem",
            wrap="wrap",
        ),
        name=name,
        default_value=value,
        aria_labelledby=label_id,
        size="3",
    )


def _group(label_key: str, label_id: str, control: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.text(T[label_key], id=label_id, size="2", weight="medium"),
        control,
        spacing="2",
        width="100%",
    )


def _details() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(T["profile.details"], size="4", as_="h2"),
                rx.text(T["profile.details_intro"], size="2", color_scheme="gray"),
                field(
                    T["profile.name"],
                    rx.input(
                        id="profile-name",
                        name="name",
                        default_value=S.name,
                        required=True,
                        max_length=200,
                        size="3",
                        width="100%",
                        auto_complete="name",
                    ),
                    "profile-name",
                ),
                _group(
                    "profile.channel",
                    "profile-channel",
                    _radio(
                        "channel",
                        S.channel,
                        [("email", T["channel.email"]), ("sms", T["channel.sms"])],
                        "profile-channel",
                    ),
                ),
                rx.text(S.channel_hint, size="2", color_scheme="gray"),
                _group(
                    "profile.language",
                    "profile-language",
                    _radio(
                        "locale",
                        S.language,
                        [(code, LANGUAGE_NAMES[code]) for code in LOCALES],
                        "profile-language",
                    ),
                ),
                message_callout(S.error, testid="details-error"),
                rx.button(T["profile.save"], type="submit", size="3"),
                spacing="4",
                width="100%",
            ),
            on_submit=S.save,
            key=S.version,
            width="100%",
        ),
        size="3",
        width="100%",
    )


def _contact(
    title_key: str,
    current,
    input_name: str,
    new_key: str,
    input_type: str,
    pending,
    sent,
    error,
    on_request,
    on_confirm,
    testid: str,
) -> rx.Component:
    new_id, code_id = f"profile-new-{input_name}", f"profile-code-{input_name}"
    return rx.card(
        rx.vstack(
            rx.heading(T[title_key], size="4", as_="h2"),
            rx.text(current, size="3", weight="medium", data_testid=f"{testid}-current"),
            rx.text(T["profile.change_rule"], size="2", color_scheme="gray"),
            rx.form(
                rx.flex(
                    field(
                        T[new_key],
                        rx.input(
                            id=new_id,
                            name=input_name,
                            type=input_type,
                            required=True,
                            size="3",
                            width="100%",
                        ),
                        new_id,
                    ),
                    rx.button(T["profile.send_code"], type="submit", size="3", variant="soft"),
                    direction=rx.breakpoints(initial="column", sm="row"),
                    align=rx.breakpoints(initial="stretch", sm="end"),
                    gap="0.5rem",
                    width="100%",
                ),
                on_submit=on_request,
                reset_on_submit=True,
                width="100%",
            ),
            rx.cond(
                pending != "",
                rx.vstack(
                    message_callout(
                        sent, error=False, color="blue", icon="mail", testid=f"{testid}-sent"
                    ),
                    rx.form(
                        rx.flex(
                            field(
                                T["profile.code"],
                                rx.input(
                                    id=code_id,
                                    name="code",
                                    input_mode="numeric",
                                    auto_complete="one-time-code",
                                    max_length=12,
                                    required=True,
                                    size="3",
                                    width="100%",
                                ),
                                code_id,
                            ),
                            rx.button(T["profile.confirm_code"], type="submit", size="3"),
                            direction=rx.breakpoints(initial="column", sm="row"),
                            align=rx.breakpoints(initial="stretch", sm="end"),
                            gap="0.5rem",
                            width="100%",
                        ),
                        on_submit=on_confirm,
                        reset_on_submit=True,
                        width="100%",
                    ),
                    spacing="3",
                    width="100%",
                ),
            ),
            message_callout(error, testid=f"{testid}-error"),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid=testid,
    )


def _content() -> rx.Component:
    card = S.card
    return rx.vstack(
        message_callout(S.notice, error=False, testid="notice"),
        _details(),
        _contact(
            "profile.email_title",
            card.email,
            "email",
            "profile.new_email",
            "email",
            S.pending_email,
            S.email_sent,
            S.email_error,
            S.request_email,
            S.confirm_email,
            "email-change",
        ),
        _contact(
            "profile.mobile_title",
            rx.cond(card.mobile != "—", card.mobile, T["profile.no_mobile"]),
            "mobile",
            "profile.new_mobile",
            "tel",
            S.pending_mobile,
            S.mobile_sent,
            S.mobile_error,
            S.request_mobile,
            S.confirm_mobile,
            "mobile-change",
        ),
        spacing="4",
        width="100%",
    )


def profile() -> rx.Component:
    content = rx.vstack(
        page_title("nav.profile"),
        rx.cond(S.card, _content(), section_loading()),
        rx.button(
            rx.icon("log-out", size=16),
            T["profile.logout_everywhere"],
            variant="outline",
            color_scheme="red",
            on_click=S.logout_everywhere,
        ),
        width="100%",
        spacing="4",
    )
    return portal_shell("nav.profile", content)


def register(app: rx.App) -> None:
    """Add the profile page."""
    app.add_page(profile, route=paths.PROFILE, on_load=S.load, title="Klantportaal")
