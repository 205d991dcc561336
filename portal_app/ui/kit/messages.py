"""Messages to a customer with their state: a table on a desktop, cards on a phone."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from portal_app.core.actor import Actor
from portal_app.core.catalog import text
from portal_app.core.locale import format_when
from portal_app.domain.messaging.views import MessageLine
from portal_app.ui.base import SessionState
from portal_app.ui.kit.cards import empty_state
from portal_app.ui.kit.responsive import table_or_cards

T = SessionState.texts
STATE_COLORS = {"scheduled": "blue", "sent": "green", "failed": "red", "withdrawn": "gray"}


@dataclass(frozen=True)
class MessageRow:
    """One message as a line: which, how, to whom, its state and when."""

    id: int
    kind: str
    channel: str
    recipient: str
    state: str  # scheduled | sent | failed | withdrawn
    state_label: str
    when: str

    @classmethod
    def of(cls, line: MessageLine, actor: Actor) -> MessageRow:
        """The row of a message, in the actor's language and business time zone."""
        locale = actor.locale
        try:
            kind = text(f"templates.kind.{line.kind}", locale)
        except KeyError:  # a kind without a name yet: its code
            kind = line.kind
        return cls(
            id=line.id,
            kind=kind,
            channel=text(f"channel.{line.channel}", locale),
            recipient=line.recipient,
            state=line.state,
            state_label=text(f"message_state.{line.state}", locale),
            when=format_when(line.at, actor.timezone, locale),
        )


def _state_badge(item: rx.Var) -> rx.Component:
    return rx.match(
        item.state,
        *[
            (state, rx.badge(item.state_label, color_scheme=color, variant="soft"))
            for state, color in STATE_COLORS.items()
        ],
        rx.badge(item.state_label, variant="soft"),
    )


def _table(items: rx.Var) -> rx.Component:
    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.row_header_cell(item.kind),
            rx.table.cell(item.channel),
            rx.table.cell(item.recipient, overflow_wrap="anywhere"),
            rx.table.cell(_state_badge(item)),
            rx.table.cell(item.when, white_space="nowrap"),
            data_testid="message-row",
        )

    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(T[f"message_list.{key}"])
                        for key in ("kind", "channel", "to", "state", "at")
                    ]
                )
            ),
            rx.table.body(rx.foreach(items, row)),
            variant="surface",
            width="100%",
        ),
        width="100%",
    )


def _cards(items: rx.Var) -> rx.Component:
    def card(item: rx.Var) -> rx.Component:
        return rx.card(
            rx.vstack(
                rx.flex(
                    rx.text(item.kind, weight="bold"),
                    _state_badge(item),
                    justify="between",
                    align="center",
                    gap="0.5rem",
                    width="100%",
                ),
                rx.text(item.channel + " · " + item.recipient, size="2", overflow_wrap="anywhere"),
                rx.text(item.when, size="2", color_scheme="gray"),
                spacing="1",
                width="100%",
            ),
            width="100%",
            data_testid="message-card",
        )

    return rx.foreach(items, card)


def message_list(items: rx.Var, empty_key: str) -> rx.Component:
    """The messages, or a calm sentence when there are none."""
    return rx.cond(
        items.length() > 0,
        table_or_cards(_table(items), _cards(items)),
        empty_state(empty_key),
    )
