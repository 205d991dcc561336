"""The demo business has what the README promises, and loads only once."""

from sqlmodel import select

from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.models import (
    Appointment,
    Business,
    Customer,
    Service,
    StaffMember,
    WorkingHours,
)


def test_demo_business_has_staff_services_customers_and_appointments(demo, clock):
    staff = demo.exec(select(StaffMember)).all()
    assert len([s for s in staff if s.role in ("owner", "staff")]) == 3
    assert [s.role for s in staff].count("mechanic") == 1
    services = demo.exec(select(Service)).all()
    assert len(services) == 6
    assert all(s.price_cents > 0 and s.vat_rate > 0 for s in services)
    assert len(demo.exec(select(Customer)).all()) == 5
    assert demo.exec(select(WorkingHours)).first() is not None
    appointments = demo.exec(select(Appointment)).all()
    now = clock.now()
    assert any(a.start_utc < now for a in appointments)
    assert any(a.start_utc > now for a in appointments)


def test_demo_data_loads_once(demo, clock):
    assert load_demo_data(demo, clock) is False
    assert len(demo.exec(select(Business)).all()) == 1
