"""One text catalog, Dutch first; dates and money per locale."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from portal_app.core import catalog
from portal_app.core.catalog import MissingValue, browser_catalog, fill, modernise, text
from portal_app.core.locale import format_money, format_when, normalise_locale
from portal_app.core.money import cents_to_decimal, decimal_to_cents, vat_included


def test_every_key_exists_in_both_locales():
    merged = catalog._catalog()
    assert set(merged["nl"]) == set(merged["en"])
    assert len(merged["nl"]) > 250


def test_one_placeholder_syntax_everywhere():
    for locale in ("nl", "en"):
        for key, value in catalog._catalog()[locale].items():
            assert catalog.OLD_PLACEHOLDER.search(value) is None, key
            assert "{" not in catalog.PLACEHOLDER.sub("", value), key


def test_locale_choice_and_owner_override():
    assert text("nav.appointments") == "Afspraken"
    assert text("nav.appointments", "en_GB") == "Appointments"
    assert normalise_locale("fr") == "nl"
    texts = browser_catalog("nl", {"nav.appointments": "Mijn afspraken", "unknown.key": "x"})
    assert texts["nav.appointments"] == "Mijn afspraken" and "unknown.key" not in texts
    with pytest.raises(KeyError):
        text("no.such.key")


def test_the_browser_gets_no_message_defaults():
    texts = browser_catalog("en")
    assert not [key for key in texts if key.startswith(("message.", "change."))]
    assert "nav.dashboard" in texts


def test_fill_is_one_pass_and_refuses_blanks():
    assert fill("Hi {{ name }}, {{x}}", {"name": "{{x}}", "x": "y"}) == "Hi {{x}}, y"
    with pytest.raises(MissingValue) as refused:
        fill("Hi {{name}}", {"name": "  "}, key="greeting")
    assert refused.value.names == ["name"]
    assert text("portal.welcome", "en", name="Noah") == "Welcome, Noah"


def test_old_placeholders_are_rewritten():
    assert modernise("See %customer_panel_url% and {{start}}") == (
        "See {{customer_panel_url}} and {{start}}"
    )


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
