"""The owner words the services: Dutch and English names and descriptions."""

from __future__ import annotations

from sqlmodel import col, select

from portal_app.core.actor import OWNERS, Actor, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.core.parsing import parse_id, parse_text
from portal_app.domain.business.models import Service
from portal_app.domain.business.views import ServiceWording

NAME_LIMIT = 200
DESCRIPTION_LIMIT = 1000


def _wording(service: Service) -> ServiceWording:
    return ServiceWording(
        service.id, service.name, service.name_en, service.description, service.description_en
    )


def service_wording(ctx: Context, actor: Actor) -> list[ServiceWording]:
    """Every active service of the owner's business with its wording, by name."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(Service)
            .where(Service.business_id == actor.business_id, col(Service.active).is_(True))
            .order_by(Service.name, Service.id)
        ).all()
        return [_wording(service) for service in rows]


def save_service_wording(
    ctx: Context,
    actor: Actor,
    *,
    service_id: object,
    name: object,
    name_en: object,
    description: object,
    description_en: object,
) -> ServiceWording:
    """Store a service's names and descriptions; the Dutch name is required, the English
    texts may stay empty (English readers then see the Dutch ones)."""
    require(actor, OWNERS)
    wanted = parse_id(service_id)
    values = (
        parse_text(name, NAME_LIMIT, required=True),
        parse_text(name_en, NAME_LIMIT),
        parse_text(description, DESCRIPTION_LIMIT),
        parse_text(description_en, DESCRIPTION_LIMIT),
    )
    with ctx.db.transaction() as session:
        service = session.get(Service, wanted)
        if service is None or service.business_id != actor.business_id:
            raise NotFound("no such service")
        service.name, service.name_en, service.description, service.description_en = values
        session.add(service)
        session.flush()
        return _wording(service)
