"""/staff/audit: the audit log, a table on a wide screen and cards on a phone."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import page_messages
from portal_app.ui.kit.cards import empty_state, pager
from portal_app.ui.kit.responsive import table_or_cards
from portal_app.ui.kit.shells import page_title, staff_shell
from portal_app.ui.staff.audit.state import AuditState as S

T = S.texts


def _row(entry) -> rx.Component:
    return rx.table.row(
        rx.table.cell(entry.when, white_space="nowrap"),
        rx.table.cell(entry.what),
        rx.table.cell(entry.who),
        rx.table.cell(entry.about),
        rx.table.cell(
            rx.text(entry.detail, size="1"), rx.text(entry.source, size="1", color_scheme="gray")
        ),
        data_testid="audit-entry",
    )


def _card(entry) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.text(entry.what, weight="bold"),
                rx.text(entry.when, size="1", color_scheme="gray", white_space="nowrap"),
                justify="between",
                align="baseline",
                gap="0.5rem",
                width="100%",
            ),
            rx.text(entry.who + " · " + entry.about, size="2", overflow_wrap="anywhere"),
            rx.text(entry.detail, size="1", overflow_wrap="anywhere"),
            rx.text(entry.source, size="1", color_scheme="gray", overflow_wrap="anywhere"),
            spacing="1",
            width="100%",
        ),
        width="100%",
        data_testid="audit-entry",
    )


def audit() -> rx.Component:
    table = rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(T[key])
                    for key in (
                        "audit.when",
                        "audit.what",
                        "audit.who",
                        "audit.about",
                        "audit.detail",
                    )
                ]
            )
        ),
        rx.table.body(rx.foreach(S.entries, _row)),
        size="1",
        width="100%",
    )
    listing = rx.cond(
        S.entries.length() > 0,
        table_or_cards(table, rx.foreach(S.entries, _card)),
        empty_state("audit.empty"),
    )
    content = rx.vstack(
        page_title("audit.title"),
        page_messages(S),
        rx.cond(~S.refused, rx.vstack(listing, pager(S, S.show_page), width="100%")),
        width="100%",
        spacing="3",
    )
    return staff_shell("staff.nav.audit", content)


def register(app: rx.App) -> None:
    """Add the audit-log page."""
    app.add_page(audit, route=paths.AUDIT, on_load=S.load, title="Backoffice")
