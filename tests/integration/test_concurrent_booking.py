"""No double booking: 20 simultaneous attempts at one slot give exactly one appointment.

Runs on SQLite (write transaction begun IMMEDIATE) and on PostgreSQL (exclusion
constraint over the time range per staff member), through the real migrations.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal_app.core import actor as actors_of
from portal_app.core.actor import Actor
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.business.models import Service
from portal_app.domain.customers.models import Customer
from portal_app.domain.demo_data import load_demo_data
from portal_app.infra.database import apply_migrations, make_engine
from tests.factories import business_id, make_context, working_day
from tests.postgres_database import fresh_database

ATTEMPTS = 20


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path, clock):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'portal.db'}")
        yield _prepared(engine, clock)
        engine.dispose()
        return
    yield from _postgres_engine(clock)


@pytest.fixture
def postgres_engine(clock):
    yield from _postgres_engine(clock)


def _postgres_engine(clock):
    with fresh_database("portal_conc") as url:
        engine = make_engine(url)
        try:
            yield _prepared(engine, clock)
        finally:
            engine.dispose()


def _prepared(engine, clock):
    apply_migrations(engine)
    ctx = make_context(engine, clock)
    load_demo_data(ctx)
    with ctx.db.transaction() as session:
        for index in range(ATTEMPTS):
            session.add(
                Customer(
                    business_id=business_id(ctx),
                    name=f"Klant {index}",
                    email=f"klant{index}@example.com",
                    postcode="1016 GV",
                    city="Amsterdam",
                    latitude=52.37,
                    longitude=4.89,
                )
            )
    return engine


def _actors(engine) -> list[Actor]:
    with Session(engine) as session:
        rows = session.exec(select(Customer).where(Customer.name.like("Klant %"))).all()
        return [actors_of.customer(c.id, c.business_id) for c in rows]


def _service(engine, name="APK-keuring") -> int:
    with Session(engine) as session:
        return session.exec(select(Service).where(Service.name == name)).one().id


def _fire(engine, clock, attempts):
    """Run all attempts at the same moment; return (booked ids, refusals, other errors)."""
    service_id = _service(engine)
    barrier = threading.Barrier(len(attempts))
    booked, refused, errors = [], [], []
    lock = threading.Lock()

    def run(actor, staff_id, start):
        barrier.wait()
        try:
            booked_now = booking.book(
                make_context(engine, clock),
                actor,
                service_id=service_id,
                staff_id=staff_id,
                start=start,
            )
            appointment_id = booked_now.appointment.id
            with lock:
                booked.append(appointment_id)
        except SlotTaken:
            with lock:
                refused.append(actor.id)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            with lock:
                errors.append(repr(error))

    threads = [threading.Thread(target=run, args=attempt) for attempt in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return booked, refused, errors


def _first_option(engine, clock, actor):
    ctx = make_context(engine, clock)
    day = working_day(ctx, 5).isoformat()
    return booking_times(ctx, actor, service_id=_service(engine), staff_id="any", day=day)[0]


def test_concurrent_attempts_at_one_slot_book_exactly_once(engine, clock):
    actors = _actors(engine)
    option = _first_option(engine, clock, actors[0])
    booked, refused, errors = _fire(
        engine, clock, [(actor, option.staff_id, option.start_utc.isoformat()) for actor in actors]
    )
    assert errors == []
    assert len(booked) == 1 and len(refused) == ATTEMPTS - 1
    with Session(engine) as session:
        at_slot = session.exec(
            select(Appointment).where(
                Appointment.staff_id == option.staff_id, Appointment.start_utc == option.start_utc
            )
        ).all()
    assert [a.id for a in at_slot] == booked


def test_concurrent_overlapping_starts_book_exactly_once(engine, clock):
    actors = _actors(engine)
    option = _first_option(engine, clock, actors[0])
    starts = [option.start_utc + timedelta(minutes=15 * (i % 3)) for i in range(ATTEMPTS)]
    booked, refused, errors = _fire(
        engine,
        clock,
        [
            (actor, option.staff_id, start.isoformat())
            for actor, start in zip(actors, starts, strict=True)
        ],
    )
    assert errors == []
    assert len(booked) == 1 and len(refused) == ATTEMPTS - 1


def test_the_database_itself_refuses_an_overlap_on_postgresql(postgres_engine):
    engine = postgres_engine
    actors = _actors(engine)
    with Session(engine) as session:
        existing = session.exec(select(Appointment).where(Appointment.status == "booked")).first()
        session.add(
            Appointment(
                business_id=actors[0].business_id,
                customer_id=actors[0].id,
                staff_id=existing.staff_id,
                service_id=existing.service_id,
                status="booked",
                start_utc=existing.start_utc + timedelta(minutes=10),
                end_utc=existing.end_utc + timedelta(minutes=10),
                price_cents=100,
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()
