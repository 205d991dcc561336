"""/portal/profile."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.forms import detail_row, section_loading
from portal_app.ui.kit.shells import page_title, portal_shell
from portal_app.ui.portal.profile.state import ProfileState as S

T = S.texts


def profile() -> rx.Component:
    card = S.card
    details = rx.card(
        rx.data_list.root(
            detail_row("profile.name", card.name),
            detail_row("profile.email", card.email),
            detail_row("profile.mobile", card.mobile),
            detail_row("profile.city", card.city),
            detail_row("profile.channel", card.channel),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        width="100%",
    )
    content = rx.vstack(
        page_title("nav.profile"),
        rx.cond(S.card, details, section_loading()),
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
