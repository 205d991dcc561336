"""The one text catalog: every visible sentence and message default, per locale.

The texts are data in `portal_app/texts/<area>.toml` (a `[nl]` and an `[en]` table with
the same keys). Placeholders are written `{{name}}` everywhere; `fill` replaces them in
one pass, so a value that looks like a placeholder is never expanded. Owners' overrides
(message templates now, portal texts later) merge on top of the defaults.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from portal_app.core.locale import DEFAULT_LOCALE, LOCALES, normalise_locale

TEXTS_DIR = Path(__file__).resolve().parent.parent / "texts"
# Keys the browser never needs: message defaults are rendered on the server.
SERVER_ONLY_PREFIXES = ("message.", "change.")

# `{{ name }}` (spaces allowed inside the braces). `%name%` is the old form, still read
# when an owner's saved text is converted.
PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[^{}\n]*?)\s*\}\}")
OLD_PLACEHOLDER = re.compile(r"%(?P<name>[A-Za-z_][A-Za-z0-9_]*)%")


class MissingValue(ValueError):
    """A text uses a placeholder for which no (or an empty) value was given."""

    def __init__(self, key: str, names: list[str]):
        self.key = key
        self.names = names
        listed = ", ".join("{{" + name + "}}" for name in names)
        super().__init__(f"{key!r} uses {listed} but no value was given.")


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {locale: {} for locale in LOCALES}
    for path in sorted(TEXTS_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        keys = set(data.get(DEFAULT_LOCALE, {}))
        for locale in LOCALES:
            area = data.get(locale, {})
            if set(area) != keys:
                raise ValueError(f"{path.name}: {locale} differs in keys {set(area) ^ keys}")
            clash = set(area) & set(merged[locale])
            if clash:
                raise ValueError(f"{path.name}: keys defined twice: {sorted(clash)}")
            merged[locale].update({key: value.strip("\n") for key, value in area.items()})
    return merged


def keys() -> frozenset[str]:
    """Every key of the catalog."""
    return frozenset(_catalog()[DEFAULT_LOCALE])


def raw_text(key: str, locale: str | None) -> str:
    """The unfilled text of `key` in `locale` (KeyError for an unknown key)."""
    return _catalog()[normalise_locale(locale)][key]


@lru_cache(maxsize=len(LOCALES))
def _browser_texts(locale: str) -> tuple[tuple[str, str], ...]:
    texts = _catalog()[locale]
    return tuple((k, v) for k, v in texts.items() if not k.startswith(SERVER_ONLY_PREFIXES))


def browser_catalog(locale: str | None, overrides: Mapping[str, str] | None = None) -> dict:
    """The texts pages show, for one locale, with the owner's overrides on top."""
    texts = dict(_browser_texts(normalise_locale(locale)))
    if overrides:
        texts.update({k: v for k, v in overrides.items() if k in texts and v.strip()})
    return texts


def placeholders_in(template: str) -> list[str]:
    """The placeholder names a text uses, in order."""
    return [match["name"] for match in PLACEHOLDER.finditer(template)]


def modernise(template: str) -> str:
    """The old `%name%` placeholders rewritten as `{{name}}`."""
    return OLD_PLACEHOLDER.sub(lambda match: "{{" + match["name"] + "}}", template)


def fill(template: str, values: Mapping[str, object], key: str = "text") -> str:
    """Replace every {{name}} by its value in one pass; MissingValue when one is blank."""
    missing = sorted(
        {name for name in placeholders_in(template) if not str(values.get(name, "")).strip()}
    )
    if missing:
        raise MissingValue(key, missing)
    return PLACEHOLDER.sub(lambda match: str(values[match["name"]]), template)


def text(key: str, locale: str | None = None, **values: object) -> str:
    """One catalog text in `locale`, its placeholders filled from `values`."""
    return fill(raw_text(key, locale), values, key)
