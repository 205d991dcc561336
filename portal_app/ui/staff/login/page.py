"""The back-office sign-in page (/staff/login)."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.forms import label
from portal_app.ui.portal.login.page import email_input, login_card, sentences
from portal_app.ui.staff.login.state import StaffLoginState as S

T = S.texts


def staff_login() -> rx.Component:
    return login_card(
        rx.heading(T["staff.login.title"], size="6", as_="h1"),
        sentences(S),
        rx.form(
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
        ),
    )


def register(app: rx.App) -> None:
    """Add the staff sign-in page."""
    app.add_page(staff_login, route=paths.STAFF_LOGIN, on_load=S.load, title="Backoffice")
