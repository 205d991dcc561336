"""Shared test builders: a context on a test database, actors, customers, appointments.

Every builder takes the context (database + clock) and arranges data relative to its
clock, so tests give the same answer whatever day they run.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import select

from portal_app.core import actor as actors
from portal_app.core.actor import Actor
from portal_app.core.clock import Clock
from portal_app.core.context import AccessLimits, Context
from portal_app.core.unit_of_work import Database
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.customers.models import Customer
from portal_app.domain.invitations import service as invitations
from tests import moments

PUBLIC = "https://portal.example.nl"
DEMO_OWNER = "Sanne de Vries"
_numbers = itertools.count(1)


def make_context(engine: Engine, clock: Clock, public_url: str = PUBLIC, **limits) -> Context:
    """A service context on `engine` at `clock`'s time."""
    return Context(Database(engine), clock, public_url, AccessLimits(**limits))


def rows(ctx: Context, model, *where, order=None) -> list:
    """Every row of `model` matching `where` (read in a fresh transaction)."""
    query = select(model).where(*where) if where else select(model)
    query = query.order_by(order if order is not None else model.id)
    with ctx.db.transaction() as session:
        return list(session.exec(query).all())


def one(ctx: Context, model, *where):
    """The single row of `model` matching `where`."""
    [row] = rows(ctx, model, *where)
    return row


def business_id(ctx: Context) -> int:
    """The (demo) business's id."""
    return one(ctx, Business).id


def customer_actor(ctx: Context, email: str) -> Actor:
    """The actor of the customer with this e-mail address."""
    person = one(ctx, Customer, Customer.email == email)
    return actors.customer(person.id, person.business_id, locale=person.locale)


def staff_actor(ctx: Context, name: str = DEMO_OWNER) -> Actor:
    """The actor of the staff member with this name."""
    member = one(ctx, StaffMember, StaffMember.name == name)
    return actors.staff(member.id, member.business_id, member.role)


def service_id(ctx: Context, name: str) -> int:
    """The id of the service with this name."""
    return one(ctx, Service, Service.name == name).id


def staff_id(ctx: Context, name: str) -> int:
    """The id of the staff member with this name."""
    return one(ctx, StaffMember, StaffMember.name == name).id


def add_customer(
    ctx: Context,
    first: str = "Test",
    *,
    far_away: bool = False,
    channel: str = "email",
    mobile: str = "",
    locale: str = "nl",
) -> tuple[str, str, int]:
    """A fresh customer of the demo business: (name, e-mail, id)."""
    n = next(_numbers)
    name = f"{first} Testklant{n}"
    email = f"{first.lower()}.test{n}@example.com"
    street, postcode, city, lat, lon = (
        ("Vismarkt 1", "9711 KS", "Groningen", 53.2, 6.56)
        if far_away
        else ("Damrak 70", "1012 LM", "Amsterdam", 52.3765, 4.8980)
    )
    with ctx.db.transaction() as session:
        person = Customer(
            business_id=business_id(ctx),
            name=name,
            email=email,
            mobile=mobile,
            preferred_channel=channel,
            locale=locale,
            street=street,
            postcode=postcode,
            city=city,
            latitude=lat,
            longitude=lon,
        )
        session.add(person)
        session.flush()
        return name, email, person.id


def local_today(ctx: Context) -> date:
    """Today in the business's time zone."""
    return moments.local_today(ctx.clock.now())


def working_day(ctx: Context, days_ahead: int) -> date:
    """The first Monday-to-Friday day at least `days_ahead` days from today."""
    return moments.weekday_ahead(ctx.clock.now(), days_ahead)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A business-local moment on `day`, aware."""
    return moments.local_time(day, time(hour, minute))


def add_appointment(
    ctx: Context,
    customer: int,
    start: datetime,
    *,
    staff: str = "Daan Jansen",
    service: str = "APK-keuring",
    status: str = "booked",
    paid: bool = False,
) -> int:
    """An appointment written straight into the database (as if booked earlier)."""
    with ctx.db.transaction() as session:
        offered = session.exec(select(Service).where(Service.name == service)).one()
        member = session.exec(select(StaffMember).where(StaffMember.name == staff)).one()
        appointment = Appointment(
            business_id=offered.business_id,
            customer_id=customer,
            staff_id=member.id,
            service_id=offered.id,
            status=status,
            start_utc=start,
            end_utc=start + timedelta(minutes=offered.duration_minutes),
            price_cents=offered.price_cents,
            location="Damrak 70, 1012 LM, Amsterdam",
            paid=paid,
            created_at=ctx.clock.now(),
        )
        session.add(appointment)
        session.flush()
        return appointment.id


def invite(ctx: Context, customer: int, service: str = "APK-keuring") -> int:
    """The owner invites a customer, as the back-office would; the invitation's id."""
    return invitations.invite(
        ctx, staff_actor(ctx), customer_id=customer, service_id=service_id(ctx, service)
    )


def book_first_option(ctx: Context, actor: Actor, service: str = "APK-keuring"):
    """The customer books the options engine's first option; the appointment's view."""
    from portal_app.domain.appointments import service as booking
    from portal_app.domain.appointments.availability import find_options
    from portal_app.domain.customers.models import Customer

    with ctx.db.transaction() as session:
        person = session.get(Customer, actor.id)
        offered = session.get(Service, service_id(ctx, service))
        option = find_options(session, person, offered, ctx.clock.now()).options[0]
    return booking.book(
        ctx,
        actor,
        service_id=offered.id,
        staff_id=option.staff_id,
        start=option.start_utc.isoformat(),
    ).appointment
