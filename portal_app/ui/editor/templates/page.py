"""/editor/templates: message templates per kind and language."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.core.locale import LANGUAGE_NAMES
from portal_app.ui.editor.templates.state import TemplateState as S
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.shells import editor_shell, page_title

T = S.texts


def _field(label_key: str, control_id: str, control: rx.Component) -> rx.Component:
    return rx.vstack(
        rx.el.label(T[label_key], html_for=control_id, font_size="0.875rem", font_weight="500"),
        control,
        spacing="1",
        width="100%",
    )


def _pickers() -> rx.Component:
    return rx.flex(
        rx.box(
            rx.select.root(
                rx.select.trigger(aria_label=T["templates.kind"], width="100%"),
                rx.select.content(
                    rx.foreach(S.kinds, lambda k: rx.select.item(k.label, value=k.value)),
                ),
                value=S.kind,
                on_change=S.choose,
            ),
            flex="1",
            min_width="0",
        ),
        rx.segmented_control.root(
            *[rx.segmented_control.item(name, value=code) for code, name in LANGUAGE_NAMES.items()],
            value=S.template_locale,
            on_change=S.choose_locale,
            flex_shrink="0",
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        gap="0.75rem",
        width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            _field(
                "templates.subject",
                "template-subject",
                rx.input(
                    id="template-subject", name="subject", default_value=S.subject, width="100%"
                ),
            ),
            _field(
                "templates.body",
                "template-body",
                rx.text_area(
                    id="template-body", name="body", default_value=S.body, rows="12", width="100%"
                ),
            ),
            _field(
                "templates.sms",
                "template-sms",
                rx.text_area(
                    id="template-sms", name="sms", default_value=S.sms, rows="3", width="100%"
                ),
            ),
            rx.flex(
                rx.button(T["templates.save"], type="submit"),
                rx.cond(
                    S.customised,
                    rx.button(
                        T["templates.reset"],
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.restore_default,
                    ),
                ),
                gap="0.5rem",
                wrap="wrap",
            ),
            width="100%",
            spacing="3",
        ),
        key=S.form_version.to_string(),
        on_submit=S.save,
        width="100%",
    )


def templates() -> rx.Component:
    editor = rx.vstack(
        rx.text(T["templates.intro"], size="2", color_scheme="gray"),
        _pickers(),
        rx.card(
            rx.text(T["templates.placeholders"], size="2", weight="medium"),
            rx.flex(
                rx.foreach(S.placeholders, lambda p: rx.code(p, variant="soft")),
                gap="0.5rem",
                wrap="wrap",
                margin_top="0.5rem",
            ),
            width="100%",
        ),
        message_callout(S.error),
        message_callout(S.notice, error=False, testid="template-saved"),
        rx.card(_form(), width="100%"),
        width="100%",
        spacing="4",
    )
    content = rx.vstack(
        page_title("editor.templates"),
        rx.cond(S.refused, message_callout(S.error), editor),
        width="100%",
    )
    return editor_shell("editor.nav.templates", content)


def register(app: rx.App) -> None:
    """Add the template editor."""
    app.add_page(templates, route=paths.EDITOR_TEMPLATES, on_load=S.load, title="Portaaleditor")
