"""What the template editor shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateForm:
    kind: str
    locale: str
    subject: str
    body: str
    sms: str
    placeholders: tuple[str, ...]
    customised: bool
