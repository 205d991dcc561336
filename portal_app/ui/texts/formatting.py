"""Dates, times and money per locale, through babel."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_currency

from portal_app.domain.money import cents_to_decimal
from portal_app.ui.texts.catalog import normalise_locale

BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _babel_locale(locale: str | None) -> str:
    return BABEL_LOCALES[normalise_locale(locale)]


def format_when(moment: datetime, timezone: str, locale: str | None) -> str:
    """E.g. "di 24 nov 2026 14:30" (nl) or "Tue 24 Nov 2026 14:30" (en)."""
    return babel_datetime(
        moment, "EEE d MMM y HH:mm", tzinfo=ZoneInfo(timezone), locale=_babel_locale(locale)
    )


def format_money(amount: Decimal | int, locale: str | None, currency: str = "EUR") -> str:
    """E.g. "€ 45,00" (nl) or "€45.00" (en); ints are cents."""
    value = cents_to_decimal(amount) if isinstance(amount, int) else amount
    return format_currency(value, currency, locale=_babel_locale(locale))
