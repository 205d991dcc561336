"""The database loader against an in-memory SQLite database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

import portal_app.tables  # noqa: F401  (registers every table)
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.planning_data import customer_location, load_with_sql
from portal_app.domain.business.models import (
    Business,
    BusinessSettings,
    Service,
    ServiceStaff,
    StaffMember,
)
from portal_app.domain.customers.models import Customer
from portal_app.domain.scheduling.models import ClosingDay, TimeOff, WorkingHours
from portal_app.domain.scheduling.planning import Location, PlanningInputError, Request, options

T0 = datetime(2025, 6, 2, 6, 0, tzinfo=UTC)


@pytest.fixture()
def session():
    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(engine)
    with Session(engine) as s:
        s.add(Business(id=1, name="Garage", slug="g", is_field_service=True))
        s.add(BusinessSettings(business_id=1, min_notice_minutes=0, options_count=2))
        s.add(
            Service(
                id=1,
                business_id=1,
                name="APK",
                duration_minutes=60,
                price_cents=100,
                buffer_after_minutes=10,
            )
        )
        for sid in (1, 2, 3):
            s.add(
                StaffMember(
                    id=sid,
                    business_id=1,
                    name=f"S{sid}",
                    email=f"s{sid}@x.nl",
                    base_latitude=52.37,
                    base_longitude=4.90,
                    service_radius_km=50,
                    active=sid != 3,
                )
            )
            s.add(ServiceStaff(service_id=1, staff_id=sid))
            for wd in range(5):
                s.add(WorkingHours(staff_id=sid, weekday=wd, start_minute=540, end_minute=1020))
        s.add(
            Customer(
                id=1,
                business_id=1,
                name="C",
                email="c@x.nl",
                postcode="1012 AB",
                latitude=52.37,
                longitude=4.89,
            )
        )
        s.add(
            Appointment(
                id=1,
                business_id=1,
                customer_id=1,
                staff_id=1,
                service_id=1,
                start_utc=T0 + timedelta(hours=1),
                end_utc=T0 + timedelta(hours=2),
                price_cents=1,
            )
        )
        s.add(
            Appointment(
                id=2,
                business_id=1,
                customer_id=1,
                staff_id=1,
                service_id=1,
                status="cancelled",
                start_utc=T0 + timedelta(hours=3),
                end_utc=T0 + timedelta(hours=4),
                price_cents=1,
            )
        )
        s.add(
            Appointment(
                id=3,
                business_id=1,
                customer_id=1,
                staff_id=1,
                service_id=1,
                start_utc=T0 + timedelta(days=90),
                end_utc=T0 + timedelta(days=90, hours=1),
                price_cents=1,
            )
        )
        s.add(TimeOff(staff_id=2, start_utc=T0, end_utc=T0 + timedelta(days=1)))
        s.add(ClosingDay(business_id=1, day=date(2025, 6, 4)))
        s.add(ClosingDay(business_id=1, day=date(2026, 1, 1)))
        s.commit()
        yield s


def test_loader_builds_inputs_for_window(session: Session) -> None:
    data, sql = load_with_sql(session, 1, 1, T0, T0 + timedelta(days=30))
    assert data.config.field_service and data.config.options_count == 2
    assert [c.staff_id for c in data.staff] == [1, 2]  # inactive staff 3 left out
    s1 = data.staff[0]
    assert [a.appointment_id for a in s1.appointments] == [1]  # not cancelled, not day 90
    assert s1.appointments[0].buffer_after_minutes == 10
    assert s1.appointments[0].location == Location(52.37, 4.89, "1012 AB")
    assert len(data.staff[1].time_off) == 1
    assert data.closing_days == frozenset({date(2025, 6, 4)})
    assert set(s1.working_hours) == {0, 1, 2, 3, 4}
    joined = "\n".join(sql)
    assert "appointment.staff_id IN" in joined and "appointment.status IN" in joined
    assert "time_off.start_utc <" in joined and "working_hours.staff_id IN" in joined
    assert len(sql) <= 8

    customer = customer_location(session.get(Customer, 1))
    res = options(Request(1, T0, customer=customer), data)
    assert len(res.options) == 2 and res.reason is None


def test_loader_fixed_staff_and_errors(session: Session) -> None:
    data, _ = load_with_sql(session, 1, 1, T0, T0 + timedelta(days=7), staff_id=2)
    assert [c.staff_id for c in data.staff] == [2]
    with pytest.raises(PlanningInputError, match="Unknown service id"):
        load_with_sql(session, 1, 99, T0, T0 + timedelta(days=7))
    with pytest.raises(PlanningInputError, match="ends before"):
        load_with_sql(session, 1, 1, T0, T0 - timedelta(days=7))
