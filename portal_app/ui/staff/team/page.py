"""/staff/team: the team with sign-in blocks and the second-step requirement."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import page_messages
from portal_app.ui.kit.shells import page_title, staff_shell
from portal_app.ui.staff.team.state import TeamState as S

T = S.texts


def _member(m) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(m.name, weight="bold"),
                rx.text(m.email, size="2", color_scheme="gray"),
                rx.hstack(
                    rx.badge(m.role, variant="soft"),
                    rx.badge(m.two_factor, variant="soft", color_scheme="teal"),
                    rx.badge(
                        m.blocked_text,
                        variant="soft",
                        color_scheme=rx.cond(m.blocked, "red", "gray"),
                    ),
                    wrap="wrap",
                ),
                spacing="1",
            ),
            rx.spacer(),
            rx.flex(
                rx.cond(
                    m.blocked,
                    rx.button(T["team.unlock"], variant="soft", on_click=S.unlock(m.id)),
                ),
                rx.cond(
                    m.can_change,
                    rx.button(
                        rx.cond(m.required, T["team.unrequire"], T["team.require"]),
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.set_required(m.id, ~m.required),
                    ),
                    rx.text(T["team.owner_always"], size="1", color_scheme="gray"),
                ),
                direction="column",
                gap="0.5rem",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="0.75rem",
        ),
        width="100%",
        data_testid="team-member",
    )


def team_page() -> rx.Component:
    content = rx.vstack(
        page_title("team.title"),
        rx.text(T["team.intro"], color_scheme="gray"),
        page_messages(S),
        rx.cond(~S.refused, rx.vstack(rx.foreach(S.members, _member), width="100%", spacing="3")),
        width="100%",
        spacing="3",
    )
    return staff_shell("staff.nav.team", content)


def register(app: rx.App) -> None:
    """Add the team page."""
    app.add_page(team_page, route=paths.TEAM, on_load=S.load, title="Backoffice")
