"""Languages and the way dates, times and money are written in them (babel)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.dates import format_time as babel_time
from babel.numbers import format_currency

from portal_app.core.money import cents_to_decimal

DEFAULT_LOCALE = "nl"
LOCALES = ("nl", "en")
BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def normalise_locale(locale: str | None) -> str:
    """A supported locale for any input ("en_GB" -> "en", unknown -> "nl")."""
    short = (locale or "").split("_")[0].split("-")[0].lower()
    return short if short in LOCALES else DEFAULT_LOCALE


def locale_from_header(accept_language: str | None) -> str:
    """nl or en from a browser's Accept-Language header (nl when unsure)."""
    first = (accept_language or "").split(",")[0].strip()
    return normalise_locale(first)


def _babel(locale: str | None) -> Locale:
    return _parsed(normalise_locale(locale))


@cache
def _parsed(short: str) -> Locale:
    """The babel locale, parsed once (every formatted value on a page asks for it)."""
    return Locale.parse(BABEL_LOCALES[short])


def format_when(moment: datetime, timezone: str, locale: str | None) -> str:
    """E.g. "di 24 nov 2026 14:30" (nl) or "Tue 24 Nov 2026 14:30" (en)."""
    return babel_datetime(
        moment, "EEE d MMM y HH:mm", tzinfo=ZoneInfo(timezone), locale=_babel(locale)
    )


def format_short_when(moment: datetime, timezone: str, locale: str | None) -> str:
    """E.g. "do 26 nov 10:00": a moment in the coming weeks, without the year."""
    return babel_datetime(
        moment, "EEE d MMM HH:mm", tzinfo=ZoneInfo(timezone), locale=_babel(locale)
    )


def format_time(moment: datetime, timezone: str, locale: str | None) -> str:
    """E.g. "14:30" in the business time zone."""
    return babel_time(moment, "HH:mm", tzinfo=ZoneInfo(timezone), locale=_babel(locale))


def format_day(day: date, locale: str | None) -> str:
    """E.g. "di 24 nov" / "Tue 24 Nov"."""
    return babel_date(day, "EEE d MMM", locale=_babel(locale))


def format_long_day(day: date, locale: str | None) -> str:
    """E.g. "dinsdag 24 november 2026"."""
    return babel_date(day, "EEEE d MMMM y", locale=_babel(locale))


def format_money(amount: Decimal | int, locale: str | None, currency: str = "EUR") -> str:
    """E.g. "€ 45,00" (nl) or "€45.00" (en); ints are cents."""
    value = cents_to_decimal(amount) if isinstance(amount, int) else amount
    return _money(value, normalise_locale(locale), currency)


@lru_cache(maxsize=4096)
def _money(value: Decimal, locale: str, currency: str) -> str:
    """Prices repeat on every card of a list; babel's formatting is the card's dearest part."""
    return format_currency(value, currency, locale=_babel(locale))


def local_date(moment: datetime, timezone: str) -> date:
    """The calendar day of a moment in the business time zone."""
    return moment.astimezone(ZoneInfo(timezone)).date()
