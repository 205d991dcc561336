"""Every Radix colour scale a page names is one the portal loads (portal_app/ui/kit/palette.py).

The portal loads only the colour scales it uses; a badge or callout in a scale left out
would show without colour. Any string in the UI code that is exactly a scale's name
counts as using it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from portal_app.ui.kit.palette import SCALES, radix_stylesheets

UI = Path(__file__).resolve().parents[2] / "portal_app" / "ui"
RADIX_SCALES = {
    *"amber blue bronze brown crimson cyan gold grass gray green indigo iris jade lime".split(),
    *"mauve mint olive orange pink plum purple red ruby sage sand sky slate teal".split(),
    *"tomato violet yellow".split(),
}


def _named_scales() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for source in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.Constant) and node.value in RADIX_SCALES:
                found.setdefault(node.value, set()).add(source.relative_to(UI).as_posix())
    return found


def test_every_scale_a_page_names_is_loaded():
    missing = {scale: files for scale, files in _named_scales().items() if scale not in SCALES}
    assert not missing, f"add these colour scales to palette.SCALES: {missing}"


def test_the_stylesheets_are_the_scales_then_radixs_base_components_and_utilities():
    sheets = radix_stylesheets()
    assert sheets[: len(SCALES)] == tuple(f"@radix-ui/themes/tokens/colors/{s}.css" for s in SCALES)
    assert sheets[len(SCALES) :] == (
        "@radix-ui/themes/tokens/base.css",
        "@radix-ui/themes/components.css",
        "@radix-ui/themes/utilities.css",
    )
