"""The back-office sign-in page (/staff/login): password, then a second factor."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.forms import label
from portal_app.ui.portal.login.page import email_input, login_card, sentences
from portal_app.ui.staff.login.state import StaffLoginState as S

T = S.texts


def _password_step() -> rx.Component:
    return rx.form(
        rx.vstack(
            email_input(),
            label(T["staff.login.password"], "password"),
            rx.input(
                id="password",
                name="password",
                type="password",
                auto_complete="current-password",
                required=True,
                size="3",
                width="100%",
            ),
            rx.button(T["staff.login.submit"], type="submit", size="3", width="100%"),
            width="100%",
        ),
        on_submit=S.sign_in,
        width="100%",
    )


def _code_form(on_submit, hint_key: str, button_key: str) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text(T[hint_key], size="2", color_scheme="gray"),
            label(T["security.code"], "code"),
            rx.input(
                id="code",
                name="code",
                auto_complete="one-time-code",
                max_length=20,
                required=True,
                size="3",
                width="100%",
            ),
            rx.button(T[button_key], type="submit", size="3", width="100%"),
            width="100%",
        ),
        on_submit=on_submit,
        reset_on_submit=True,
        width="100%",
    )


def _enrol_step() -> rx.Component:
    return rx.vstack(
        rx.text(T["security.enrol_intro"], size="2"),
        rx.center(
            rx.image(src=S.qr_code, alt=T["security.qr_alt"], width="220px", height="220px"),
            width="100%",
        ),
        rx.text(T["security.enrol_manual"], size="1", color_scheme="gray"),
        rx.code(S.secret, size="2", data_testid="totp-secret", word_break="break-all"),
        _code_form(S.confirm, "security.enrol_confirm_hint", "security.enrol_confirm"),
        width="100%",
        spacing="3",
    )


def _recovery_step() -> rx.Component:
    return rx.vstack(
        rx.text(T["security.recovery_intro"], size="2"),
        rx.grid(
            rx.foreach(S.recovery_codes, lambda c: rx.code(c, size="3")),
            columns="2",
            gap="0.5rem",
            data_testid="recovery-codes",
        ),
        rx.button(T["security.recovery_done"], size="3", width="100%", on_click=S.finish),
        width="100%",
        spacing="3",
    )


def staff_login() -> rx.Component:
    return login_card(
        rx.heading(T["staff.login.title"], size="6", as_="h1"),
        sentences(S),
        rx.match(
            S.step,
            ("code", _code_form(S.verify, "security.code_hint", "staff.login.submit")),
            ("enrol", _enrol_step()),
            ("recovery_codes", _recovery_step()),
            _password_step(),
        ),
        rx.cond(
            (S.step == "code") | (S.step == "enrol"),
            rx.button(T["security.start_over"], variant="ghost", on_click=S.restart),
        ),
    )


def register(app: rx.App) -> None:
    """Add the staff sign-in page."""
    app.add_page(staff_login, route=paths.STAFF_LOGIN, on_load=S.load, title="Backoffice")
