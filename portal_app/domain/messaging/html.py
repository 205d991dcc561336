"""The HTML part of an e-mail, built from the same plain text (Jinja2, autoescaped).

Simple and phone-friendly: one column at most 600 px wide, the business's name on a band
of its colour, paragraphs from the blank-line-separated text, links clickable. Every bit
of text (the owner's wording, a customer's name) is escaped; only the layout is HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

URL = re.compile(r"(https?://[^\s<>\"]+)")
# Dark shades of the portal's accent colours: white text on them passes WCAG AA.
BAND_COLOURS = {
    "teal": "#00775f",
    "blue": "#0d5bb5",
    "green": "#1d6b3a",
    "grass": "#2a7e3b",
    "indigo": "#3a49b0",
    "violet": "#5b45b0",
    "purple": "#7a3b9e",
    "crimson": "#b0174f",
    "red": "#b3261e",
    "orange": "#a8430c",
    "amber": "#8a5300",
    "gray": "#3f4447",
}
DEFAULT_BAND = BAND_COLOURS["teal"]


@dataclass(frozen=True)
class Piece:
    """A run of text in a line, or a link."""

    text: str
    is_link: bool = False


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).resolve().parent / "layouts"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def band_colour(accent: str | None) -> str:
    """The hex colour of the mail's header band for an accent name (teal when unknown)."""
    return BAND_COLOURS.get((accent or "").strip().lower(), DEFAULT_BAND)


def _pieces(line: str) -> list[Piece]:
    return [Piece(part, bool(URL.fullmatch(part))) for part in URL.split(line) if part]


def paragraphs(body: str) -> list[list[list[Piece]]]:
    """The plain text as paragraphs (blank-line separated) of lines of pieces."""
    blocks = re.split(r"\n\s*\n", body.strip())
    return [[_pieces(line) for line in block.split("\n")] for block in blocks if block.strip()]


def render_html(
    body: str, *, subject: str, business_name: str, accent: str | None, locale: str
) -> str:
    """The HTML alternative of a plain-text e-mail body."""
    return (
        _environment()
        .get_template("mail.html")
        .render(
            lang=locale,
            subject=subject,
            business_name=business_name,
            colour=band_colour(accent),
            paragraphs=paragraphs(body),
        )
    )
