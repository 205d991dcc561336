"""What the portal reads about a business: its header, rules, staff and services."""

from __future__ import annotations

from sqlmodel import Session, col, select

from portal_app.core.actor import OFFICE, OWNERS, Actor, Role, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.business.views import BookableService, BookingRules, BusinessView, Choice
from portal_app.domain.business.wording import service_description, service_name


def settings_of(session: Session, business_id: int) -> BusinessSettings:
    """The business's settings (the defaults when none are stored)."""
    return session.get(BusinessSettings, business_id) or BusinessSettings(business_id=business_id)


def view_of(business: Business) -> BusinessView:
    """The header data of a business row."""
    return BusinessView(
        id=business.id,
        name=business.name,
        logo_url=business.logo_url,
        timezone=business.timezone,
        currency=business.currency,
        email=business.email,
        phone=business.phone,
    )


def business_view(session: Session, business_id: int) -> BusinessView:
    """Header data of a business, in the caller's transaction."""
    business = session.get(Business, business_id)
    if business is None:
        raise NotFound("unknown business")
    return view_of(business)


def portal_business(ctx: Context) -> BusinessView | None:
    """The business whose portal this is (the first one), for pages anyone may see."""
    with ctx.db.transaction() as session:
        business = session.exec(select(Business).order_by(Business.id).limit(1)).first()
        return view_of(business) if business else None


def business_of(ctx: Context, actor: Actor) -> BusinessView:
    """The acting person's business: name, logo, time zone, how to reach it."""
    with ctx.db.transaction() as session:
        return business_view(session, actor.business_id)


def booking_rules(ctx: Context, actor: Actor) -> BookingRules:
    """The booking policies in force; only the owner reads them here."""
    require(actor, OWNERS)
    with ctx.db.transaction() as session:
        current = settings_of(session, actor.business_id)
    return BookingRules(
        booking_mode=current.booking_mode,
        allow_reschedule=current.allow_reschedule,
        reschedule_min_hours=current.reschedule_min_hours,
        cancel_min_hours=current.cancel_min_hours,
        reminder_hours=current.reminder_hours,
        options_count=current.options_count,
        more_options_enabled=current.more_options_enabled,
        preferred_date_enabled=current.preferred_date_enabled,
    )


def office_staff(session: Session, business_id: int) -> list[Choice]:
    """Who back-office work can be given to: active owners and staff, by name."""
    rows = session.exec(
        select(StaffMember.id, StaffMember.name)
        .where(StaffMember.business_id == business_id, col(StaffMember.active).is_(True))
        .where(StaffMember.role != Role.MECHANIC.value)
        .order_by(StaffMember.name)
    ).all()
    return [Choice(member_id, name) for member_id, name in rows]


def office_services(ctx: Context, actor: Actor) -> list[Choice]:
    """Active services of the business by name; owners and staff only."""
    require(actor, OFFICE)
    with ctx.db.transaction() as session:
        rows = session.exec(
            select(Service.id, Service.name)
            .where(Service.business_id == actor.business_id, col(Service.active).is_(True))
            .order_by(Service.name)
        ).all()
    return [Choice(service_id, name) for service_id, name in rows]


def bookable_services(
    session: Session, business_id: int, locale: str | None = None
) -> list[BookableService]:
    """Active services with the active staff who perform them (two statements), named
    and described in `locale`."""
    services = session.exec(
        select(Service)
        .where(Service.business_id == business_id, col(Service.active).is_(True))
        .order_by(Service.name)
    ).all()
    links = session.exec(
        select(ServiceStaff.service_id, StaffMember.id, StaffMember.name)
        .join(StaffMember, StaffMember.id == ServiceStaff.staff_id)
        .where(col(StaffMember.active).is_(True), StaffMember.business_id == business_id)
        .order_by(StaffMember.name)
    ).all()
    by_service: dict[int, list[Choice]] = {}
    for service_id, staff_id, name in links:
        by_service.setdefault(service_id, []).append(Choice(staff_id, name))
    return [
        BookableService(
            s.id,
            service_name(s, locale),
            s.duration_minutes,
            s.price_cents,
            tuple(by_service[s.id]),
            service_description(s, locale),
        )
        for s in services
        if by_service.get(s.id)
    ]


def active_service(session: Session, business_id: int, service_id: int) -> Service:
    """An active service of the business; NotFound for anyone else's or an inactive one."""
    service = session.get(Service, service_id)
    if service is None or service.business_id != business_id or not service.active:
        raise NotFound("no such service")
    return service
