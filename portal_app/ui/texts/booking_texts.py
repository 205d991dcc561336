"""Texts of the customer booking pages (invitation options, self-booking, reschedule)."""

TEXTS: dict[str, dict[str, str]] = {"nl": {}, "en": {}}
