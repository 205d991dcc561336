"""Portal editor pages (owner only)."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.layout import editor_shell, page_title
from portal_app.ui.states.editor_state import EditorState


def settings() -> rx.Component:
    rules = rx.card(
        rx.data_list.root(
            rx.foreach(
                EditorState.rules,
                lambda r: rx.data_list.item(
                    rx.data_list.label(r["label"], min_width="14rem"),
                    rx.data_list.value(r["value"]),
                ),
            ),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        width="100%",
    )
    content = rx.vstack(
        page_title("editor.settings"),
        rx.cond(
            EditorState.error != "",
            rx.callout(EditorState.error, color_scheme="red", icon="triangle-alert"),
            rules,
        ),
        width="100%",
    )
    return editor_shell("editor.nav.settings", content)


def register(app: rx.App) -> None:
    """Add the editor pages to the app."""
    app.add_page(settings, route="/editor", on_load=EditorState.load_editor, title="Portaaleditor")
