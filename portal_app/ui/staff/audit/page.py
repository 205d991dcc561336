"""/staff/audit: the audit log as a table."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.ui.kit.callouts import page_messages
from portal_app.ui.kit.cards import pager
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


def audit() -> rx.Component:
    table = rx.box(
        rx.table.root(
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
        ),
        overflow_x="auto",
        width="100%",
    )
    content = rx.vstack(
        page_title("audit.title"),
        page_messages(S),
        rx.cond(~S.refused, rx.vstack(table, pager(S, S.show_page), width="100%")),
        width="100%",
        spacing="3",
    )
    return staff_shell("staff.nav.audit", content)


def register(app: rx.App) -> None:
    """Add the audit-log page."""
    app.add_page(audit, route=paths.AUDIT, on_load=S.load, title="Backoffice")
