"""/editor/services: names and descriptions of the services, in Dutch and English."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.editor.services.state import ServicesState as S
from portal_app.ui.kit.callouts import message_callout, page_messages
from portal_app.ui.kit.forms import field
from portal_app.ui.kit.shells import editor_shell, page_title

T = S.texts


def _input(label_key: str, name: str, value, service_id, *, area: bool = False, required=False):
    control_id = f"service-{name}-" + service_id.to_string()
    props = dict(
        id=control_id,
        name=name,
        default_value=value,
        required=required,
        width="100%",
        size="2",
    )
    control = (
        rx.text_area(rows="3", max_length=1000, **props)
        if area
        else rx.input(max_length=200, **props)
    )
    return field(T[label_key], control, control_id)


def _service(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(item.name, size="3", as_="h2"),
                rx.el.input(type="hidden", name="service_id", value=item.id),
                rx.grid(
                    _input("services.name", "name", item.name, item.id, required=True),
                    _input("services.name_en", "name_en", item.name_en, item.id),
                    _input(
                        "services.description", "description", item.description, item.id, area=True
                    ),
                    _input(
                        "services.description_en",
                        "description_en",
                        item.description_en,
                        item.id,
                        area=True,
                    ),
                    columns=rx.breakpoints(initial="1", md="2"),
                    gap="0.75rem 1rem",
                    width="100%",
                ),
                rx.button(T["services.save"], type="submit", size="2"),
                spacing="3",
                width="100%",
            ),
            on_submit=S.save,
            key=item.id.to_string() + "-" + S.version.to_string(),
            width="100%",
        ),
        width="100%",
        data_testid="service-wording",
    )


def services() -> rx.Component:
    content = rx.vstack(
        page_title("services.title"),
        rx.text(T["services.intro"], color_scheme="gray"),
        rx.cond(
            S.refused,
            message_callout(S.error),
            rx.vstack(
                page_messages(S),
                rx.foreach(S.services, _service),
                spacing="3",
                width="100%",
            ),
        ),
        spacing="3",
        width="100%",
    )
    return editor_shell("editor.nav.services", content)


def register(app: rx.App) -> None:
    """Add the services wording page."""
    app.add_page(services, route=paths.EDITOR_SERVICES, on_load=S.load, title="Portaaleditor")
