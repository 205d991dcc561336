"""The three shells: customer portal, staff back-office and portal editor.

Each takes the key of the active navigation item and the page content. On a phone the
navigation is a horizontally scrolling strip under the header; from tablet width up it is
a sidebar. Each role sees only the items it may use.
"""

from __future__ import annotations

import functools

import reflex as rx

from portal_app.ui.base import SessionState, navigator
from portal_app.ui.routes import EDITOR_NAV, PORTAL_NAV, STAFF_NAV, NavItem

T = SessionState.texts


def _visible_to(item: NavItem) -> rx.Var:
    return functools.reduce(
        lambda either, role: either | (SessionState.role == role.value),
        sorted(item.roles),
        rx.Var.create(False),
    )


def _nav_item(item: NavItem, active: bool) -> rx.Component:
    link = rx.link(
        rx.hstack(
            rx.icon(item.icon, size=18),
            rx.text(T[item.text_key], size="2", weight="medium"),
            align="center",
            spacing="2",
        ),
        href=item.href,
        underline="none",
        padding_x="0.75rem",
        padding_y="0.5rem",
        border_radius="0.5rem",
        white_space="nowrap",
        color=rx.color("accent", 12) if active else rx.color("gray", 12),
        background=rx.color("accent", 4) if active else "transparent",
        _hover={"background": rx.color("accent", 3)},
        aria_current="page" if active else None,
        data_testid=f"nav-{item.href}",
    )
    return rx.cond(_visible_to(item), link)


def _navigation(items: tuple[NavItem, ...], active: str) -> rx.Component:
    return rx.el.nav(
        rx.flex(
            *[_nav_item(item, item.text_key == active) for item in items],
            direction=rx.breakpoints(initial="row", md="column"),
            gap="0.25rem",
            overflow_x=rx.breakpoints(initial="auto", md="visible"),
            padding=rx.breakpoints(initial="0.5rem 0.75rem", md="1rem 0.75rem"),
        ),
        aria_label=T["nav.menu"],
        width=rx.breakpoints(initial="100%", md="15rem"),
        flex_shrink="0",
        border_bottom=rx.breakpoints(initial=f"1px solid {rx.color('gray', 5)}", md="none"),
        border_right=rx.breakpoints(initial="none", md=f"1px solid {rx.color('gray', 5)}"),
        background=rx.color("gray", 1),
    )


def _header(subtitle: rx.Var | None = None) -> rx.Component:
    return rx.hstack(
        rx.hstack(
            rx.image(
                src=SessionState.logo_url,
                alt="",
                width="36px",
                height="36px",
                border_radius="0.5rem",
            ),
            rx.vstack(
                rx.heading(SessionState.business_name, size="4", data_testid="business-name"),
                *(
                    [rx.text(subtitle, size="1", color_scheme="gray")]
                    if subtitle is not None
                    else []
                ),
                spacing="0",
            ),
            align="center",
            spacing="3",
        ),
        rx.spacer(),
        rx.button(
            rx.icon("log-out", size=16),
            rx.text(T["nav.logout"]),
            variant="soft",
            size="2",
            on_click=SessionState.logout,
        ),
        align="center",
        padding_x=rx.breakpoints(initial="1rem", md="1.5rem"),
        padding_y="0.75rem",
        border_bottom=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
        width="100%",
    )


def _shell(nav, active: str, content: rx.Component, subtitle=None) -> rx.Component:
    return rx.box(
        rx.el.header(_header(subtitle)),
        rx.flex(
            _navigation(nav, active),
            rx.el.main(
                content,
                padding=rx.breakpoints(initial="1rem", md="2rem"),
                width="100%",
                max_width="64rem",
                min_width="0",
            ),
            direction=rx.breakpoints(initial="column", md="row"),
            min_height="calc(100vh - 61px)",
        ),
        background=rx.color("gray", 2),
        min_height="100vh",
    )


def loading() -> rx.Component:
    """A calm spinner while a page checks the session."""
    return rx.center(rx.spinner(size="3"), min_height="100vh")


def portal_shell(active: str, content: rx.Component) -> rx.Component:
    """The customer portal around `content`; nothing shows until the session is checked."""
    return rx.fragment(
        navigator(), rx.cond(SessionState.signed_in, _shell(PORTAL_NAV, active, content), loading())
    )


def staff_shell(active: str, content: rx.Component) -> rx.Component:
    """The back-office around `content`."""
    return rx.fragment(
        navigator(),
        rx.cond(
            SessionState.signed_in, _shell(STAFF_NAV, active, content, T["staff.title"]), loading()
        ),
    )


def editor_shell(active: str, content: rx.Component) -> rx.Component:
    """The portal editor around `content`."""
    return rx.fragment(
        navigator(),
        rx.cond(
            SessionState.signed_in,
            _shell(EDITOR_NAV, active, content, T["editor.title"]),
            loading(),
        ),
    )


def page_title(key: str) -> rx.Component:
    """The h1 of a page, from the text catalog."""
    return rx.heading(T[key], size="7", margin_bottom="1rem", as_="h1")
