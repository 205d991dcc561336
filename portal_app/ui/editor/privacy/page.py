"""/editor/privacy: the automatic-erasure setting."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.editor.privacy.state import PrivacySettingsState as S
from portal_app.ui.kit.callouts import page_messages
from portal_app.ui.kit.forms import label
from portal_app.ui.kit.shells import editor_shell, page_title

T = S.texts


def privacy_settings() -> rx.Component:
    form = rx.card(
        rx.form(
            rx.vstack(
                rx.text(T["privacy.months_text"], size="2"),
                label(T["privacy.months"], "months"),
                rx.input(
                    id="months",
                    name="months",
                    default_value=S.months,
                    key=S.months,
                    input_mode="numeric",
                    size="3",
                    width="8rem",
                ),
                rx.button(T["privacy.save"], type="submit", size="3"),
                spacing="2",
            ),
            on_submit=S.save,
        ),
        width="100%",
    )
    content = rx.vstack(
        page_title("editor.nav.privacy"),
        page_messages(S),
        rx.cond(~S.refused, form),
        width="100%",
    )
    return editor_shell("editor.nav.privacy", content)


def register(app: rx.App) -> None:
    """Add the privacy-settings page."""
    app.add_page(
        privacy_settings, route=paths.EDITOR_PRIVACY, on_load=S.load, title="Portaaleditor"
    )
