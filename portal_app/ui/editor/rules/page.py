"""/editor: the booking rules."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.editor.rules.state import RulesState as S
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.shells import editor_shell, page_title


def rules() -> rx.Component:
    listing = rx.card(
        rx.data_list.root(
            rx.foreach(
                S.rules,
                lambda r: rx.data_list.item(
                    rx.data_list.label(r.label, min_width="14rem"),
                    rx.data_list.value(r.value),
                ),
            ),
            orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
        ),
        width="100%",
    )
    content = rx.vstack(
        page_title("editor.settings"),
        rx.cond(S.refused, message_callout(S.error), listing),
        width="100%",
    )
    return editor_shell("editor.nav.settings", content)


def register(app: rx.App) -> None:
    """Add the booking-rules page."""
    app.add_page(rules, route=paths.EDITOR, on_load=S.load, title="Portaaleditor")
