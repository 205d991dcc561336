"""A service's name and description in the reader's language (the owner's English
wording for English readers, the Dutch one otherwise or when no English is given)."""

from __future__ import annotations

from portal_app.core.locale import normalise_locale


def in_language(dutch: str, english: str, locale: str | None) -> str:
    """`english` for an English reader when the owner gave it, else `dutch`."""
    if normalise_locale(locale) == "en" and english.strip():
        return english
    return dutch


def service_name(service, locale: str | None) -> str:
    """The name of a Service row for a reader in `locale`."""
    return in_language(service.name, service.name_en or "", locale)


def service_description(service, locale: str | None) -> str:
    """The description of a Service row for a reader in `locale`."""
    return in_language(service.description, service.description_en or "", locale)
