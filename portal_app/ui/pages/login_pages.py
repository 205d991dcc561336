"""Log-in pages for customers (/portal/login, /portal/new-link) and staff (/staff/login)."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.messages import message_callout
from portal_app.ui.states.login_state import LoginState

L = LoginState.texts


def _card(*children: rx.Component) -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(*children, spacing="4", width="100%"),
            width="100%",
            max_width="26rem",
            size="3",
        ),
        min_height="100vh",
        padding="1rem",
        background=rx.color("gray", 2),
    )


def _label(content, for_id: str) -> rx.Component:
    return rx.el.label(content, html_for=for_id, font_size="0.875rem", font_weight="500")


def _messages() -> rx.Component:
    return rx.fragment(
        message_callout(LoginState.error, testid="login-error"),
        message_callout(LoginState.notice, error=False, icon="mail-check", testid="login-notice"),
    )


def _email_input(controlled: bool = False) -> rx.Component:
    binding = {"value": LoginState.email, "on_change": LoginState.set_email} if controlled else {}
    return rx.vstack(
        _label(L["login.email"], "email"),
        rx.input(
            id="email",
            name="email",
            type="email",
            auto_complete="email",
            required=True,
            size="3",
            width="100%",
            **binding,
        ),
        spacing="1",
        width="100%",
    )


def customer_login(title_key: str = "portal.login.title"):
    """The customer log-in page: e-mail, then a link or a code."""

    def page() -> rx.Component:
        email_step = rx.vstack(
            rx.text(L["login.intro"], size="2", color_scheme="gray"),
            rx.form(
                rx.vstack(
                    _email_input(controlled=True),
                    rx.button(L["login.send_link"], type="submit", size="3", width="100%"),
                    rx.button(
                        L["login.send_code"],
                        type="button",
                        size="3",
                        variant="soft",
                        width="100%",
                        on_click=LoginState.send_code,
                    ),
                    width="100%",
                ),
                on_submit=LoginState.send_link,
                width="100%",
            ),
            width="100%",
            spacing="3",
        )
        code_step = rx.form(
            rx.vstack(
                _label(L["login.code"], "code"),
                rx.input(
                    id="code",
                    name="code",
                    input_mode="numeric",
                    auto_complete="one-time-code",
                    max_length=6,
                    size="3",
                    width="100%",
                ),
                rx.button(L["login.verify"], type="submit", size="3", width="100%"),
                width="100%",
            ),
            on_submit=LoginState.verify_code,
            width="100%",
        )
        return _card(
            rx.heading(L[title_key], size="6", as_="h1"),
            _messages(),
            rx.match(
                LoginState.step,
                ("code_sent", code_step),
                ("link_sent", rx.fragment()),
                email_step,
            ),
            rx.cond(
                LoginState.step != "email",
                rx.button(L["login.other_address"], variant="ghost", on_click=LoginState.restart),
            ),
            rx.cond(
                LoginState.dev_tools,
                rx.link(
                    L["portal.login.dev_hint"], href="/dev/login", size="2", data_testid="dev-login"
                ),
            ),
        )

    return page


def staff_login() -> rx.Component:
    """The back-office log-in page: e-mail and password."""
    return _card(
        rx.heading(L["staff.login.title"], size="6", as_="h1"),
        _messages(),
        rx.form(
            rx.vstack(
                _email_input(),
                _label(L["staff.login.password"], "password"),
                rx.input(
                    id="password",
                    name="password",
                    type="password",
                    auto_complete="current-password",
                    required=True,
                    size="3",
                    width="100%",
                ),
                rx.button(L["staff.login.submit"], type="submit", size="3", width="100%"),
                width="100%",
            ),
            on_submit=LoginState.staff_sign_in,
            width="100%",
        ),
    )


def register(app: rx.App) -> None:
    """Add the log-in pages."""
    app.add_page(customer_login(), route="/portal/login", on_load=LoginState.load, title="Inloggen")
    app.add_page(
        customer_login("login.new_link_title"),
        route="/portal/new-link",
        on_load=LoginState.load,
        title="Inloggen",
    )
    app.add_page(staff_login, route="/staff/login", on_load=LoginState.load, title="Backoffice")
