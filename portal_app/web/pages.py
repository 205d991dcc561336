"""Small server-rendered pages for the plain routes, from Jinja2 templates (autoescaped)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from portal_app.core.catalog import text

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, *, locale: str = "nl", **values: object) -> str:
    """The page `template` filled with `values`; `t(key)` gives catalog texts."""
    page = _environment().get_template(template)
    return page.render(lang=locale, t=lambda key, **kw: text(key, locale, **kw), **values)


def page_response(
    template: str, *, locale: str = "nl", status_code: int = 200, headers=None, **values
) -> HTMLResponse:
    """An HTML response of a template, never cached unless headers say otherwise."""
    return HTMLResponse(
        render(template, locale=locale, **values),
        status_code=status_code,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )
