"""Portal editor pages (owner only)."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.components.layout import editor_shell, page_title
from portal_app.ui.components.messages import message_callout
from portal_app.ui.states.editor_state import EditorState
from portal_app.ui.states.template_state import TemplateState


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


def templates() -> rx.Component:
    """Message templates: pick a kind and language, edit subject, body and SMS text."""
    T = TemplateState.texts

    def field(label_key: str, control: rx.Component) -> rx.Component:
        return rx.vstack(
            rx.text(T[label_key], size="2", weight="medium"), control, spacing="1", width="100%"
        )

    pickers = rx.flex(
        rx.box(
            rx.select.root(
                rx.select.trigger(aria_label=T["templates.kind"], width="100%"),
                rx.select.content(
                    rx.foreach(
                        TemplateState.kinds,
                        lambda k: rx.select.item(k["label"], value=k["value"]),
                    ),
                ),
                value=TemplateState.kind,
                on_change=TemplateState.choose,
            ),
            flex="1",
            min_width="0",
        ),
        rx.segmented_control.root(
            rx.segmented_control.item("Nederlands", value="nl"),
            rx.segmented_control.item("English", value="en"),
            value=TemplateState.template_locale,
            on_change=TemplateState.choose_locale,
            flex_shrink="0",
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        gap="0.75rem",
        width="100%",
    )
    form = rx.form(
        rx.vstack(
            field(
                "templates.subject",
                rx.input(name="subject", default_value=TemplateState.subject, width="100%"),
            ),
            field(
                "templates.body",
                rx.text_area(
                    name="body", default_value=TemplateState.body, rows="12", width="100%"
                ),
            ),
            field(
                "templates.sms",
                rx.text_area(name="sms", default_value=TemplateState.sms, rows="3", width="100%"),
            ),
            rx.flex(
                rx.button(T["templates.save"], type="submit"),
                rx.cond(
                    TemplateState.customised,
                    rx.button(
                        T["templates.reset"],
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=TemplateState.restore_default,
                    ),
                ),
                gap="0.5rem",
                wrap="wrap",
            ),
            width="100%",
            spacing="3",
        ),
        key=TemplateState.form_version.to_string(),
        on_submit=TemplateState.save,
        width="100%",
    )
    content = rx.vstack(
        page_title("editor.templates"),
        rx.cond(
            TemplateState.is_owner,
            rx.vstack(
                rx.text(T["templates.intro"], size="2", color_scheme="gray"),
                pickers,
                rx.card(
                    rx.text(T["templates.placeholders"], size="2", weight="medium"),
                    rx.flex(
                        rx.foreach(
                            TemplateState.placeholders, lambda p: rx.code(p, variant="soft")
                        ),
                        gap="0.5rem",
                        wrap="wrap",
                        margin_top="0.5rem",
                    ),
                    width="100%",
                ),
                message_callout(TemplateState.error),
                message_callout(TemplateState.saved, error=False, testid="template-saved"),
                rx.card(form, width="100%"),
                width="100%",
                spacing="4",
            ),
            rx.callout(TemplateState.error, color_scheme="red", icon="triangle-alert"),
        ),
        width="100%",
    )
    return editor_shell("editor.nav.templates", content)


def register(app: rx.App) -> None:
    """Add the editor pages to the app."""
    app.add_page(settings, route="/editor", on_load=EditorState.load_editor, title="Portaaleditor")
    app.add_page(
        templates,
        route="/editor/templates",
        on_load=TemplateState.load_templates,
        title="Portaaleditor",
    )
