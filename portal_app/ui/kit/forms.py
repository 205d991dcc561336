"""Form rows, buttons and inputs shared by the pages."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.base import SessionState

T = SessionState.texts


def title(content) -> rx.Component:
    """A page's h1 from a var or text."""
    return rx.heading(content, size="7", as_="h1", margin_bottom="0.25rem")


def label(content, for_id: str) -> rx.Component:
    """A visible label bound to an input id."""
    return rx.el.label(content, html_for=for_id, font_size="0.875rem", font_weight="500")


def field(label_content, control: rx.Component, for_id: str) -> rx.Component:
    """A label above its control."""
    return rx.vstack(label(label_content, for_id), control, spacing="1", width="100%")


def actions(*children: rx.Component) -> rx.Component:
    """A row of buttons that stacks full-width on a phone."""
    return rx.flex(
        *children,
        direction=rx.breakpoints(initial="column", sm="row"),
        wrap="wrap",
        gap="0.5rem",
        width="100%",
    )


def link_button(*children, href, testid: str | None = None, **props) -> rx.Component:
    """A link that looks like a button (one <a>, no button nested inside a link)."""
    return rx.button(
        rx.link(*children, href=href, underline="none", data_testid=testid),
        as_child=True,
        size="3",
        **props,
    )


def date_input(
    input_id: str, value=None, on_change=None, min_day=None, name: str | None = None
) -> rx.Component:
    """A native date picker (phone-friendly), full width on a phone."""
    props = {
        key: prop
        for key, prop in (
            ("value", value),
            ("on_change", on_change),
            ("min", min_day),
            ("name", name),
        )
        if prop is not None
    }
    return rx.input(
        id=input_id,
        type="date",
        size="3",
        width=rx.breakpoints(initial="100%", sm="14rem"),
        required=True,
        **props,
    )


def choice_button(label_content, selected, on_click, *extra: rx.Component) -> rx.Component:
    """A large button in a list of choices (service, staff member), pressed when chosen."""
    label_part = (
        label_content
        if isinstance(label_content, rx.Component)
        else rx.text(label_content, weight="medium", text_align="left")
    )
    return rx.button(
        rx.flex(
            label_part,
            rx.spacer(),
            *extra,
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="0.25rem 0.75rem",
            width="100%",
            align=rx.breakpoints(initial="start", sm="center"),
        ),
        variant=rx.cond(selected, "solid", "surface"),
        size="3",
        width="100%",
        height="auto",
        min_height="3rem",
        padding_y="0.625rem",
        white_space="normal",
        on_click=on_click,
        aria_pressed=selected,
    )


def detail_row(label_key: str, value, testid: str | None = None) -> rx.Component:
    """One label/value line of a data list."""
    return rx.data_list.item(
        rx.data_list.label(T[label_key], min_width="9rem"),
        rx.data_list.value(value, data_testid=testid, word_break="break-word"),
    )


def back_link(label_key: str, href: str) -> rx.Component:
    """A small link back to the list a page came from."""
    return rx.link(
        rx.hstack(rx.icon("arrow-left", size=16), rx.text(T[label_key])),
        href=href,
        size="2",
    )


def not_found_section(prefix: str, back_href: str) -> rx.Component:
    """What a page about one thing shows when that thing is not there (or not yours):
    `<prefix>.not_found` as its title, `<prefix>.not_found_text`, and `<prefix>.back`."""
    return rx.vstack(
        title(T[f"{prefix}.not_found"]),
        rx.text(T[f"{prefix}.not_found_text"], color_scheme="gray"),
        back_link(f"{prefix}.back", back_href),
        spacing="3",
        width="100%",
        data_testid="not-found",
    )


def section_loading() -> rx.Component:
    """A spinner inside a page while its data loads."""
    return rx.center(rx.spinner(size="3"), padding="3rem", width="100%")
