"""The three shells: customer portal, staff back-office and portal editor.

Each takes the key of the active navigation item and the page content. From tablet width
up the navigation is a sidebar. On a phone it is a bottom tab bar with the main items and,
when there are more, a "more" button that opens a sheet with the rest (and, in the
portal, the language switch). Each role sees only the items it may use.
"""

from __future__ import annotations

import functools

import reflex as rx

from portal_app.core.locale import LANGUAGE_NAMES, LOCALES
from portal_app.ui.base import SessionState, navigator
from portal_app.ui.kit.responsive import PHONE_ONLY, WIDE_ONLY
from portal_app.ui.routes import EDITOR_NAV, PORTAL_NAV, STAFF_NAV, NavItem

T = SessionState.texts
TAB_BAR_HEIGHT = "4.25rem"


def _visible_to(items: tuple[NavItem, ...] | NavItem) -> rx.Var:
    """True when the signed-in role may use the item (or any of the items)."""
    group = items if isinstance(items, tuple) else (items,)
    roles = sorted({role for item in group for role in item.roles})
    return functools.reduce(
        lambda either, role: either | (SessionState.role == role.value),
        roles,
        rx.Var.create(False),
    )


def _sidebar_item(item: NavItem, active: bool) -> rx.Component:
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


def language_switch(testid: str) -> rx.Component:
    """Nederlands / English for a signed-in customer, stored on them."""
    return rx.vstack(
        rx.text(T["nav.language"], size="1", weight="medium", color_scheme="gray"),
        rx.segmented_control.root(
            *[rx.segmented_control.item(LANGUAGE_NAMES[code], value=code) for code in LOCALES],
            value=SessionState.locale,
            on_change=SessionState.switch_language,
            size="2",
            width="100%",
            aria_label=T["nav.language"],
            data_testid=testid,
        ),
        spacing="1",
        width="100%",
    )


def _sidebar(items: tuple[NavItem, ...], active: str, languages: bool) -> rx.Component:
    return rx.el.nav(
        rx.flex(
            *[_sidebar_item(item, item.text_key == active) for item in items],
            direction="column",
            gap="0.25rem",
        ),
        *([language_switch("sidebar-language")] if languages else []),
        aria_label=T["nav.menu"],
        display=WIDE_ONLY,
        flex_direction="column",
        justify_content="space-between",
        gap="1.5rem",
        width="15rem",
        flex_shrink="0",
        padding="1rem 0.75rem",
        border_right=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
    )


def _tab(item: NavItem, active: bool) -> rx.Component:
    link = rx.link(
        rx.icon(item.icon, size=20),
        rx.text(
            T[item.tab_key or item.text_key],
            size="1",
            weight="medium",
            text_align="center",
            line_height="1.15",
            overflow_wrap="anywhere",
        ),
        href=item.href,
        underline="none",
        display="flex",
        flex_direction="column",
        align_items="center",
        justify_content="center",
        gap="0.125rem",
        flex="1 1 0",
        min_width="0",
        height="100%",
        padding_x="0.125rem",
        color=rx.color("accent", 11) if active else rx.color("gray", 11),
        background=rx.color("accent", 3) if active else "transparent",
        aria_current="page" if active else None,
        data_testid=f"tab-{item.href}",
    )
    return rx.cond(_visible_to(item), link)


def _more_sheet(items: tuple[NavItem, ...], active: str, languages: bool) -> rx.Component:
    trigger = rx.el.button(
        rx.icon("menu", size=20),
        rx.text(T["nav.more"], size="1", weight="medium"),
        type="button",
        display="flex",
        flex_direction="column",
        align_items="center",
        justify_content="center",
        gap="0.125rem",
        flex="1 1 0",
        min_width="0",
        height="100%",
        background="transparent",
        border="none",
        cursor="pointer",
        color=rx.color("gray", 11),
        font="inherit",
        data_testid="nav-more",
    )
    sheet = rx.dialog.root(
        rx.dialog.trigger(trigger),
        rx.dialog.content(
            rx.flex(
                rx.dialog.title(T["nav.more_title"], size="4", margin="0"),
                rx.dialog.close(
                    rx.icon_button(
                        rx.icon("x", size=18),
                        variant="ghost",
                        color_scheme="gray",
                        aria_label=T["nav.close"],
                    )
                ),
                justify="between",
                align="center",
            ),
            rx.el.nav(
                rx.flex(
                    *[_sidebar_item(item, item.text_key == active) for item in items],
                    direction="column",
                    gap="0.25rem",
                ),
                aria_label=T["nav.more_title"],
                margin_y="0.75rem",
            ),
            *([language_switch("sheet-language")] if languages else []),
            margin_top="auto",
            margin_bottom="0",
            width="100%",
            max_width="100%",
            border_radius="1rem 1rem 0 0",
            aria_describedby=None,
            data_testid="more-sheet",
        ),
    )
    return rx.cond(_visible_to(items), sheet) if items else rx.fragment()


def _tab_bar(items: tuple[NavItem, ...], active: str, languages: bool) -> rx.Component:
    tabs = tuple(item for item in items if item.tab)
    rest = tuple(item for item in items if not item.tab)
    return rx.el.nav(
        *[_tab(item, item.text_key == active) for item in tabs],
        *([_more_sheet(rest, active, languages)] if rest or languages else []),
        aria_label=T["nav.menu"],
        display=PHONE_ONLY,
        position="fixed",
        bottom="0",
        left="0",
        right="0",
        z_index="10",
        height=TAB_BAR_HEIGHT,
        padding_bottom="env(safe-area-inset-bottom)",
        border_top=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
        box_shadow="0 -2px 8px rgba(0, 0, 0, 0.04)",
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
                flex_shrink="0",
            ),
            rx.vstack(
                rx.heading(
                    SessionState.business_name,
                    size="4",
                    data_testid="business-name",
                    overflow_wrap="anywhere",
                ),
                *(
                    [rx.text(subtitle, size="1", color_scheme="gray")]
                    if subtitle is not None
                    else []
                ),
                spacing="0",
                min_width="0",
            ),
            align="center",
            spacing="3",
            min_width="0",
        ),
        rx.spacer(),
        rx.button(
            rx.icon("log-out", size=16),
            rx.text(T["nav.logout"], display=rx.breakpoints(initial="none", sm="inline")),
            variant="soft",
            size="2",
            on_click=SessionState.logout,
            aria_label=T["nav.logout"],
            flex_shrink="0",
        ),
        align="center",
        padding_x=rx.breakpoints(initial="1rem", md="1.5rem"),
        padding_y="0.75rem",
        border_bottom=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 1),
        width="100%",
    )


def _shell(
    nav: tuple[NavItem, ...],
    active: str,
    content: rx.Component,
    subtitle=None,
    languages: bool = False,
) -> rx.Component:
    return rx.box(
        rx.el.header(_header(subtitle)),
        rx.flex(
            _sidebar(nav, active, languages),
            rx.el.main(
                content,
                padding=rx.breakpoints(initial="1rem", md="2rem"),
                padding_bottom=rx.breakpoints(
                    initial=f"calc({TAB_BAR_HEIGHT} + 1.5rem)", md="2rem"
                ),
                width="100%",
                max_width="64rem",
                min_width="0",
            ),
            min_height="calc(100vh - 61px)",
        ),
        _tab_bar(nav, active, languages),
        background=rx.color("gray", 2),
        min_height="100vh",
    )


def loading() -> rx.Component:
    """A calm spinner while a page checks the session."""
    return rx.center(rx.spinner(size="3"), min_height="100vh")


def portal_shell(active: str, content: rx.Component) -> rx.Component:
    """The customer portal around `content`; nothing shows until the session is checked."""
    return rx.fragment(
        navigator(),
        rx.cond(
            SessionState.signed_in, _shell(PORTAL_NAV, active, content, languages=True), loading()
        ),
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
