"""Texts of the back-office inbox and invitations."""

TEXTS: dict[str, dict[str, str]] = {"nl": {}, "en": {}}
