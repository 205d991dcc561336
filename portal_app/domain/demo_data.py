"""Demo data: one garage/field-service business, loaded once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from portal_app.core.context import Context
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment, AppointmentStatus
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.customers.models import Customer, Vehicle
from portal_app.domain.identity.models import StaffTwoFactor
from portal_app.domain.identity.staff_login import hash_password
from portal_app.domain.scheduling.models import WorkingHours

DEMO_SLUG = "demo"
# Every demo staff member signs in at /staff/login with this password (demo data only).
DEMO_STAFF_PASSWORD = "demo-wachtwoord-2026"
# The demo owner's authenticator secret (owners always need a second step); `make run`
# prints it so it can be added to an authenticator app (demo data only).
DEMO_OWNER_TOTP_SECRET = "KPDEMOOWNERTOTPSECRETVRIESGARAGE"

STAFF = [
    ("Sanne de Vries", "sanne.devries@example.com", "owner"),
    ("Daan Jansen", "daan.jansen@example.com", "staff"),
    ("Fatima El Amrani", "fatima.elamrani@example.com", "staff"),
    ("Pieter Bakker", "pieter.bakker@example.com", "mechanic"),
]

# name, minutes, buffer before, buffer after, price incl. VAT in cents, VAT %
SERVICES = [
    ("Kleine onderhoudsbeurt", 60, 0, 15, 14900, "21"),
    ("Grote onderhoudsbeurt", 120, 0, 15, 28900, "21"),
    ("APK-keuring", 45, 0, 15, 4500, "21"),
    ("Bandenwissel", 30, 0, 10, 3995, "21"),
    ("Airco-service", 60, 0, 15, 8900, "21"),
    ("Advies aan huis", 45, 15, 15, 6500, "9"),
]

# The owner's descriptions and English wording: name -> (description, name_en, description_en)
SERVICE_WORDING = {
    "Kleine onderhoudsbeurt": (
        "Olie, filters en een controle van de belangrijkste onderdelen.",
        "Minor service",
        "Oil, filters and a check of the main parts.",
    ),
    "Grote onderhoudsbeurt": (
        "Alles van de kleine beurt plus remmen, vloeistoffen en bougies.",
        "Major service",
        "Everything in the minor service plus brakes, fluids and spark plugs.",
    ),
    "APK-keuring": (
        "De verplichte jaarlijkse keuring, terwijl je wacht.",
        "MOT test (APK)",
        "The compulsory yearly inspection, while you wait.",
    ),
    "Bandenwissel": (
        "Zomer- of winterbanden wisselen, inclusief balanceren.",
        "Tyre change",
        "Switch summer or winter tyres, balancing included.",
    ),
    "Airco-service": (
        "Airco bijvullen en controleren op lekkage.",
        "Air conditioning service",
        "Refill the air conditioning and check it for leaks.",
    ),
    "Advies aan huis": (
        "Een monteur komt bij je langs voor advies over je auto.",
        "Advice at your home",
        "A mechanic visits you to advise on your car.",
    ),
}

# name, e-mail, mobile, channel, locale, street, postcode, city, lat, lon
CUSTOMERS = [
    (
        "Emma Visser",
        "emma@example.com",
        "+31612345678",
        "sms",
        "nl",
        "Prinsengracht 263",
        "1016 GV",
        "Amsterdam",
        52.3752,
        4.8840,
    ),
    (
        "Lucas de Boer",
        "lucas@example.com",
        "",
        "email",
        "nl",
        "Oudegracht 158",
        "3511 AZ",
        "Utrecht",
        52.0894,
        5.1196,
    ),
    (
        "Noah Smit",
        "noah@example.com",
        "+31687654321",
        "email",
        "en",
        "Grote Markt 1",
        "2011 RD",
        "Haarlem",
        52.3812,
        4.6365,
    ),
    (
        "Julia Mulder",
        "julia@example.com",
        "+31611122233",
        "sms",
        "nl",
        "Dorpsstraat 12",
        "1182 JE",
        "Amstelveen",
        52.3008,
        4.8627,
    ),
    (
        "Sem de Groot",
        "sem@example.com",
        "",
        "email",
        "nl",
        "Zuidzijde 4",
        "1121 BD",
        "Landsmeer",
        52.4302,
        4.9149,
    ),
]

VEHICLES = [
    ("GX-123-B", "Volkswagen", "Golf", 84210),
    ("K-456-LP", "Toyota", "Yaris", 42100),
    ("S-789-TT", "Skoda", "Octavia", 131050),
    ("HN-012-V", "Peugeot", "208", 23890),
    ("ZR-345-D", "Kia", "Niro", 61500),
]


def load_demo_data(ctx: Context) -> bool:
    """Load the demo business once (times relative to the context's clock); return False
    when it was already there."""
    with ctx.db.transaction() as session:
        if session.exec(select(Business.id).where(Business.slug == DEMO_SLUG)).first():
            return False
        _load(session, ctx)
    return True


def _load(session: Session, ctx: Context) -> None:
    business = Business(
        name="Garage De Vries",
        slug=DEMO_SLUG,
        logo_url="/logo.svg",
        email="garage.devries@example.com",
        phone="+31201234567",
        is_field_service=True,
    )
    session.add(business)
    session.flush()
    session.add(BusinessSettings(business_id=business.id))

    password_hash = _demo_password_hash()
    staff = [
        StaffMember(business_id=business.id, name=n, email=e, role=r, password_hash=password_hash)
        for n, e, r in STAFF
    ]
    for index, member in enumerate(staff):
        member.base_latitude, member.base_longitude = 52.3676, 4.9041
        member.service_radius_km = 40.0 + 5 * index
        member.service_postcodes = "1000-1299,2000-2099,3500-3599"
    session.add_all(staff)
    session.flush()
    session.add(
        StaffTwoFactor(
            staff_id=staff[0].id,
            required=True,
            secret=DEMO_OWNER_TOTP_SECRET,
            confirmed_at=ctx.clock.now(),
        )
    )
    for member in staff:
        for weekday in range(5):
            session.add(
                WorkingHours(
                    staff_id=member.id,
                    weekday=weekday,
                    start_minute=8 * 60 + 30,
                    end_minute=12 * 60 + 30,
                )
            )
            session.add(
                WorkingHours(
                    staff_id=member.id,
                    weekday=weekday,
                    start_minute=13 * 60,
                    end_minute=17 * 60 + 30,
                )
            )
    session.add(
        WorkingHours(staff_id=staff[1].id, weekday=5, start_minute=9 * 60, end_minute=13 * 60)
    )

    services = [
        Service(
            business_id=business.id,
            name=n,
            duration_minutes=m,
            buffer_before_minutes=b,
            buffer_after_minutes=a,
            price_cents=p,
            vat_rate=Decimal(v),
            description=SERVICE_WORDING[n][0],
            name_en=SERVICE_WORDING[n][1],
            description_en=SERVICE_WORDING[n][2],
        )
        for n, m, b, a, p, v in SERVICES
    ]
    session.add_all(services)
    session.flush()
    for service in services:
        for member in staff:
            if member.role != "owner" or service.name == "Advies aan huis":
                session.add(ServiceStaff(service_id=service.id, staff_id=member.id))

    customers = [
        Customer(
            business_id=business.id,
            name=n,
            email=e,
            mobile=m,
            preferred_channel=c,
            locale=loc,
            street=s,
            postcode=pc,
            city=city,
            latitude=lat,
            longitude=lon,
        )
        for n, e, m, c, loc, s, pc, city, lat, lon in CUSTOMERS
    ]
    session.add_all(customers)
    session.flush()
    for customer, (plate, make, model, km) in zip(customers, VEHICLES, strict=True):
        session.add(
            Vehicle(customer_id=customer.id, plate=plate, make=make, model=model, mileage_km=km)
        )

    tz = ZoneInfo(business.timezone)
    today = ctx.clock.now().astimezone(tz).date()
    for index, customer in enumerate(customers):
        worker = staff[1 + index % 3]
        past_service = services[index % 5]
        future_service = services[(index + 2) % 5]
        past_start = _local(
            _weekday_near(today - timedelta(days=14 + 3 * index)), time(9 + index, 0), tz
        )
        future_start = _local(
            _weekday_near(today + timedelta(days=2 + 2 * index)), time(10 + index, 0), tz
        )
        past = Appointment(
            business_id=business.id,
            customer_id=customer.id,
            staff_id=worker.id,
            service_id=past_service.id,
            status=AppointmentStatus.COMPLETED,
            start_utc=past_start,
            end_utc=past_start + timedelta(minutes=past_service.duration_minutes),
            price_cents=past_service.price_cents,
            location="Werkplaats, Industrieweg 8, Amsterdam",
            created_at=past_start - timedelta(days=10),
        )
        future = Appointment(
            business_id=business.id,
            customer_id=customer.id,
            staff_id=worker.id,
            service_id=future_service.id,
            status=AppointmentStatus.BOOKED,
            start_utc=future_start,
            end_utc=future_start + timedelta(minutes=future_service.duration_minutes),
            price_cents=future_service.price_cents,
            location="Werkplaats, Industrieweg 8, Amsterdam",
            created_at=ctx.clock.now() - timedelta(days=1, hours=index),
        )
        session.add_all([past, future])
        session.flush()
        session.add(
            ActivityEntry(
                business_id=business.id,
                at=future.created_at,
                actor_kind="customer",
                actor_id=customer.id,
                action="booked",
                appointment_id=future.id,
                summary=future_service.name,
            )
        )


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    return hash_password(DEMO_STAFF_PASSWORD)


def _weekday_near(day: date) -> date:
    """The same day, or the next Monday when it falls in a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _local(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)
