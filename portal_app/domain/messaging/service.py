"""The owner's message templates: read, save (placeholders checked), reset."""

from __future__ import annotations

from sqlmodel import Session

from portal_app.core.actor import OWNERS, Actor, require
from portal_app.core.catalog import modernise
from portal_app.core.context import Context
from portal_app.core.errors import InvalidInput
from portal_app.core.locale import LOCALES
from portal_app.domain.messaging.models import MessageTemplate
from portal_app.domain.messaging.outbox import saved_wording
from portal_app.domain.messaging.templates import (
    KINDS,
    default_texts,
    placeholders_for,
    validate_template,
)
from portal_app.domain.messaging.views import TemplateForm

LIMITS = {"subject": 300, "body": 5000, "sms": 500}


def _kind_and_locale(kind: object, locale: object) -> tuple[str, str]:
    if kind not in KINDS or locale not in LOCALES:
        raise InvalidInput("unknown message kind or language", code="templates.unknown")
    return str(kind), str(locale)


def _form(session: Session, business_id: int, kind: str, locale: str) -> TemplateForm:
    texts = default_texts(kind, locale)
    saved = saved_wording(session, business_id, kind, locale)
    texts |= {part: modernise(text) for part, text in saved.items()}
    return TemplateForm(
        kind=kind,
        locale=locale,
        subject=texts["subject"],
        body=texts["body"],
        sms=texts["sms"],
        placeholders=tuple(sorted(placeholders_for(kind))),
        customised=bool(saved),
    )


def template_form(ctx: Context, actor: Actor, *, kind: object, locale: object) -> TemplateForm:
    """What the editor shows: the texts in force and the placeholders the kind offers."""
    require(actor, OWNERS)
    kind, locale = _kind_and_locale(kind, locale)
    with ctx.db.transaction() as session:
        return _form(session, actor.business_id, kind, locale)


def save_template(
    ctx: Context,
    actor: Actor,
    *,
    kind: object,
    locale: object,
    subject: object,
    body: object,
    sms: object,
) -> TemplateForm:
    """Save the owner's texts; an unknown placeholder is refused before anything is stored.

    Old `%name%` placeholders are stored in the one form, `{{name}}`.
    """
    require(actor, OWNERS)
    kind, locale = _kind_and_locale(kind, locale)
    parts = {"subject": subject, "body": body, "sms": sms}
    for name, value in parts.items():
        if not isinstance(value, str) or len(value) > LIMITS[name]:
            raise InvalidInput(f"{name} too long", code="templates.too_long")
        validate_template(kind, value)
    with ctx.db.transaction() as session:
        row = session.get(MessageTemplate, (actor.business_id, kind, locale)) or MessageTemplate(
            business_id=actor.business_id, kind=kind, locale=locale
        )
        row.subject, row.body, row.sms = (modernise(str(parts[k]).strip()) for k in LIMITS)
        row.updated_at = ctx.clock.now()
        session.add(row)
        session.flush()
        return _form(session, actor.business_id, kind, locale)


def reset_template(ctx: Context, actor: Actor, *, kind: object, locale: object) -> TemplateForm:
    """Go back to the built-in texts."""
    require(actor, OWNERS)
    kind, locale = _kind_and_locale(kind, locale)
    with ctx.db.transaction() as session:
        row = session.get(MessageTemplate, (actor.business_id, kind, locale))
        if row is not None:
            session.delete(row)
            session.flush()
        return _form(session, actor.business_id, kind, locale)
