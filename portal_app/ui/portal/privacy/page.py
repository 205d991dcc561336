"""/portal/privacy: consent, the customer's data, download and erasure."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import page_messages
from portal_app.ui.kit.cards import section
from portal_app.ui.kit.forms import label
from portal_app.ui.kit.shells import page_title, portal_shell
from portal_app.ui.portal.privacy.state import PrivacyState as S

T = S.texts


def _consent() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(S.consent_versions, size="2"),
            rx.cond(
                S.agreed != "",
                rx.text(S.agreed, size="2", color_scheme="green", data_testid="consent-given"),
                rx.button(T["privacy.agree"], size="3", on_click=S.agree),
            ),
            spacing="2",
        ),
        width="100%",
    )


def _data_section(item) -> rx.Component:
    return rx.vstack(
        rx.heading(T["privacy.section." + item.key], size="3", as_="h3"),
        rx.cond(
            item.rows.length() > 0,
            rx.data_list.root(
                rx.foreach(
                    item.rows,
                    lambda row: rx.data_list.item(
                        rx.data_list.label(row.label, min_width="8rem"),
                        rx.data_list.value(row.value, word_break="break-word"),
                    ),
                ),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
            ),
            rx.text(T["privacy.none"], size="2", color_scheme="gray"),
        ),
        width="100%",
        spacing="2",
        data_testid="data-section",
    )


def _download() -> rx.Component:
    return rx.button(
        rx.el.a(
            rx.icon("download", size=16),
            T["privacy.download"],
            href=S.download_url,
            download="mijn-gegevens.json",
            reload_document=True,
            data_testid="download-data",
        ),
        as_child=True,
        size="3",
        variant="soft",
    )


def _erase() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.text(T["privacy.erase_text"], size="2"),
                label(T["privacy.erase_confirm"], "erase-email"),
                rx.input(id="erase-email", name="email", type="email", size="3", width="100%"),
                rx.button(T["privacy.erase"], type="submit", color_scheme="red", size="3"),
                spacing="2",
                width="100%",
            ),
            on_submit=S.erase,
            width="100%",
        ),
        width="100%",
    )


def privacy_page() -> rx.Component:
    content = rx.vstack(
        page_title("nav.privacy"),
        page_messages(S),
        section("privacy.consent", _consent()),
        section(
            "privacy.your_data",
            rx.text(T["privacy.your_data_text"], size="2", color_scheme="gray"),
            _download(),
            rx.foreach(S.sections, _data_section),
        ),
        section("privacy.erase_title", _erase()),
        width="100%",
    )
    return portal_shell("nav.privacy", content)


def register(app: rx.App) -> None:
    """Add the privacy page."""
    app.add_page(privacy_page, route=paths.PRIVACY, on_load=S.load, title="Klantportaal")
