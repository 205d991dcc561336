"""Money as Decimal; stored as whole cents including VAT."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents_to_decimal(cents: int) -> Decimal:
    """Whole cents to a Decimal amount with two places."""
    return (Decimal(cents) / 100).quantize(CENT)


def decimal_to_cents(amount: Decimal) -> int:
    """A Decimal amount to whole cents, rounding half up."""
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def vat_included(gross_cents: int, vat_rate: Decimal) -> Decimal:
    """The VAT part of a price that includes VAT at `vat_rate` percent."""
    gross = cents_to_decimal(gross_cents)
    return (gross - gross / (1 + vat_rate / 100)).quantize(CENT, rounding=ROUND_HALF_UP)
