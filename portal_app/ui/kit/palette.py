"""The colour scales the pages use, and Radix Themes loaded with only those.

Radix's one-file stylesheet carries all 31 colour scales, light and dark (about a sixth
of the first load's CSS). The portal loads the scales below, then Radix's token base,
components and utilities: the same rules, without the colours no page shows.
`tests/architecture/test_palette.py` fails when a page names a scale missing here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

ACCENT = "teal"
GRAY = "sage"  # the gray Radix pairs with a teal accent ("auto")
SCALES = ("gray", GRAY, ACCENT, "red", "green", "grass", "orange", "blue", "amber", "purple")


def radix_stylesheets() -> tuple[str, ...]:
    """The Radix Themes stylesheets, in the order its own one-file stylesheet has them."""
    return (
        *(f"@radix-ui/themes/tokens/colors/{scale}.css" for scale in SCALES),
        "@radix-ui/themes/tokens/base.css",
        "@radix-ui/themes/components.css",
        "@radix-ui/themes/utilities.css",
    )


@dataclasses.dataclass
class PortalThemes(rx.plugins.RadixThemesPlugin):
    """Reflex's Radix Themes plugin, loading only the portal's colour scales."""

    def get_stylesheet_paths(self, **context: Any) -> tuple[str, ...]:
        return radix_stylesheets() if self.enabled else ()
