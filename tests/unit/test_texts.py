"""One text catalog, Dutch first; dates and money per locale."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from portal_app.domain.money import cents_to_decimal, decimal_to_cents, vat_included
from portal_app.ui.texts.catalog import CATALOG, catalog_for, normalise_locale, text
from portal_app.ui.texts.formatting import format_money, format_when


def test_every_key_exists_in_both_locales():
    assert set(CATALOG["nl"]) == set(CATALOG["en"])


def test_locale_choice_and_owner_override():
    assert text("nav.appointments") == "Afspraken"
    assert text("nav.appointments", "en_GB") == "Appointments"
    assert normalise_locale("fr") == "nl"
    texts = catalog_for("nl", {"nav.appointments": "Mijn afspraken", "unknown.key": "x"})
    assert texts["nav.appointments"] == "Mijn afspraken" and "unknown.key" not in texts
    with pytest.raises(KeyError):
        text("no.such.key")


def test_dates_are_shown_in_business_time_per_locale():
    moment = datetime(2026, 11, 24, 13, 30, tzinfo=UTC)
    assert format_when(moment, "Europe/Amsterdam", "nl") == "di 24 nov 2026 14:30"
    assert format_when(moment, "Europe/Amsterdam", "en") == "Tue 24 Nov 2026 14:30"
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert format_when(summer, "Europe/Amsterdam", "nl").endswith("14:00")


def test_money_per_locale_and_vat():
    assert format_money(4500, "nl") == "€\xa045,00"
    assert format_money(Decimal("1234.5"), "en") == "€1,234.50"
    assert cents_to_decimal(3995) == Decimal("39.95")
    assert decimal_to_cents(Decimal("39.955")) == 3996
    assert vat_included(12100, Decimal("21")) == Decimal("21.00")
