"""What shows on a phone and what on a wider screen (Radix's md breakpoint, 768 px).

Lists show as a table on a wide screen and as cards on a phone: a table never scrolls
sideways on a phone, where its scroll area would be a region a keyboard cannot reach.
"""

from __future__ import annotations

import reflex as rx

PHONE_ONLY = rx.breakpoints(initial="flex", md="none")
WIDE_ONLY = rx.breakpoints(initial="none", md="flex")
WIDE_BLOCK = rx.breakpoints(initial="none", md="block")


def table_or_cards(table: rx.Component, cards: rx.Component) -> rx.Component:
    """`table` on a wide screen, `cards` (a vertical stack) on a phone."""
    return rx.fragment(
        rx.box(table, display=WIDE_BLOCK, width="100%"),
        rx.vstack(cards, display=PHONE_ONLY, spacing="2", width="100%"),
    )
