"""The customer sign-in pages: /portal/login and /portal/new-link."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.base import navigator
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.forms import label
from portal_app.ui.portal.login.state import CustomerLoginState as S

T = S.texts


def login_card(*children: rx.Component) -> rx.Component:
    """The centred card of a sign-in page."""
    return rx.el.main(
        navigator(),
        rx.center(
            rx.card(
                rx.vstack(*children, spacing="4", width="100%"),
                width="100%",
                max_width="26rem",
                size="3",
            ),
            min_height="100vh",
            padding="1rem",
        ),
        background=rx.color("gray", 2),
    )


def sentences(state) -> rx.Component:
    """The sign-in page's error and notice."""
    return rx.fragment(
        message_callout(state.error, testid="login-error"),
        message_callout(state.notice, error=False, icon="mail-check", testid="login-notice"),
    )


def email_input(binding: dict | None = None) -> rx.Component:
    """The e-mail field of a sign-in form."""
    return rx.vstack(
        label(T["login.email"], "email"),
        rx.input(
            id="email",
            name="email",
            type="email",
            auto_complete="email",
            required=True,
            size="3",
            width="100%",
            **(binding or {}),
        ),
        spacing="1",
        width="100%",
    )


def _email_step() -> rx.Component:
    return rx.vstack(
        rx.text(T["login.intro"], size="2", color_scheme="gray"),
        rx.form(
            rx.vstack(
                email_input({"value": S.email, "on_change": S.set_email}),
                rx.button(T["login.send_link"], type="submit", size="3", width="100%"),
                rx.button(
                    T["login.send_code"],
                    type="button",
                    size="3",
                    variant="soft",
                    width="100%",
                    on_click=S.send_code,
                ),
                width="100%",
            ),
            on_submit=S.send_link,
            width="100%",
        ),
        width="100%",
        spacing="3",
    )


def _code_step() -> rx.Component:
    return rx.form(
        rx.vstack(
            label(T["login.code"], "code"),
            rx.input(
                id="code",
                name="code",
                input_mode="numeric",
                auto_complete="one-time-code",
                max_length=6,
                size="3",
                width="100%",
            ),
            rx.button(T["login.verify"], type="submit", size="3", width="100%"),
            width="100%",
        ),
        on_submit=S.verify_code,
        width="100%",
    )


def customer_login(title_key: str):
    """The customer sign-in page with the given heading."""

    def page() -> rx.Component:
        return login_card(
            rx.heading(T[title_key], size="6", as_="h1"),
            sentences(S),
            rx.match(
                S.step,
                ("code_sent", _code_step()),
                ("link_sent", rx.fragment()),
                _email_step(),
            ),
            rx.cond(
                S.step != "email",
                rx.button(T["login.other_address"], variant="ghost", on_click=S.restart),
            ),
            rx.cond(
                S.dev_tools,
                rx.link(
                    T["portal.login.dev_hint"],
                    href=paths.DEV_LOGIN,
                    size="2",
                    data_testid="dev-login",
                ),
            ),
        )

    return page


def register(app: rx.App) -> None:
    """Add the customer sign-in pages."""
    for route, title_key in (
        (paths.PORTAL_LOGIN, "portal.login.title"),
        (paths.PORTAL_NEW_LINK, "login.new_link_title"),
    ):
        app.add_page(customer_login(title_key), route=route, on_load=S.load, title="Inloggen")
