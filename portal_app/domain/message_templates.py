"""The owner's message templates: read, save (placeholders checked), reset."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from portal_app.domain.actor import Actor, StaffRole
from portal_app.domain.errors import InvalidInput, NotAllowed
from portal_app.domain.models import MessageTemplate
from portal_app.domain.notifications import (
    KINDS,
    LOCALES,
    default_template,
    placeholders_for,
    validate_template,
)
from portal_app.infra.clock import Clock

LIMITS = {"subject": 300, "body": 5000, "sms": 500}


@dataclass(frozen=True)
class TemplateForm:
    kind: str
    locale: str
    subject: str
    body: str
    sms: str
    placeholders: tuple[str, ...]
    customised: bool


def _require_owner(actor: Actor) -> None:
    if not actor.is_staff or actor.role != StaffRole.OWNER:
        raise NotAllowed("owner only")


def _kind_and_locale(kind: object, locale: object) -> tuple[str, str]:
    if kind not in KINDS or locale not in LOCALES:
        raise InvalidInput("unknown message kind or language", code="templates.unknown")
    return str(kind), str(locale)


def overrides_for(session: Session, business_id: int, kind: str, locale: str | None) -> dict:
    """The owner's non-blank texts for a kind and locale ({} when none are saved)."""
    row = session.get(MessageTemplate, (business_id, kind, locale or "nl"))
    if row is None:
        return {}
    return {key: getattr(row, key) for key in LIMITS if getattr(row, key).strip()}


def template_form(session: Session, actor: Actor, *, kind: object, locale: object) -> TemplateForm:
    """What the editor shows: the texts in force and the placeholders the kind offers."""
    _require_owner(actor)
    kind, locale = _kind_and_locale(kind, locale)
    texts = default_template(kind, locale) | default_template(kind, locale, "sms")
    saved = overrides_for(session, actor.business_id, kind, locale)
    texts |= saved
    return TemplateForm(
        kind=kind,
        locale=locale,
        subject=texts["subject"],
        body=texts["body"],
        sms=texts["sms"],
        placeholders=tuple(sorted(placeholders_for(kind))),
        customised=bool(saved),
    )


def save_template(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    kind: object,
    locale: object,
    subject: object,
    body: object,
    sms: object,
) -> None:
    """Save the owner's texts; an unknown placeholder is refused before anything is stored."""
    _require_owner(actor)
    kind, locale = _kind_and_locale(kind, locale)
    parts = {"subject": subject, "body": body, "sms": sms}
    for name, value in parts.items():
        if not isinstance(value, str) or len(value) > LIMITS[name]:
            raise InvalidInput(f"{name} too long", code="templates.too_long")
        validate_template(kind, value)
    row = session.get(MessageTemplate, (actor.business_id, kind, locale)) or MessageTemplate(
        business_id=actor.business_id, kind=kind, locale=locale
    )
    row.subject, row.body, row.sms = (str(parts[k]).strip() for k in ("subject", "body", "sms"))
    row.updated_at = clock.now()
    session.add(row)
    session.flush()


def reset_template(session: Session, actor: Actor, *, kind: object, locale: object) -> None:
    """Go back to the built-in texts."""
    _require_owner(actor)
    kind, locale = _kind_and_locale(kind, locale)
    row = session.get(MessageTemplate, (actor.business_id, kind, locale))
    if row is not None:
        session.delete(row)
        session.flush()
