"""The demo business has what the README promises, and loads only once."""

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.customers.models import Customer
from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.scheduling.models import WorkingHours
from tests.factories import rows


def test_demo_business_has_staff_services_customers_and_appointments(demo):
    staff = rows(demo, StaffMember)
    assert len([s for s in staff if s.role in ("owner", "staff")]) == 3
    assert [s.role for s in staff].count("mechanic") == 1
    services = rows(demo, Service)
    assert len(services) == 6
    assert all(s.price_cents > 0 and s.vat_rate > 0 for s in services)
    assert len(rows(demo, Customer)) == 5
    assert rows(demo, WorkingHours)
    appointments = rows(demo, Appointment)
    now = demo.clock.now()
    assert any(a.start_utc < now for a in appointments)
    assert any(a.start_utc > now for a in appointments)


def test_demo_data_loads_once(demo):
    assert load_demo_data(demo) is False
    assert len(rows(demo, Business)) == 1
