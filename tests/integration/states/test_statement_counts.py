"""Each page's load handler runs a fixed number of SQL statements, whatever the data size.

Every page is loaded once with the demo business (about 10 rows of everything) and once
after it has grown to 1,000 more customers, thousands of appointments (a thousand of them
the signed-in customer's own), tasks and activity: the count must be the same, so no page
runs a query per row.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert

from portal_app.domain.appointments.models import Appointment
from portal_app.domain.demo_volume import grow
from portal_app.ui.editor.rules.state import RulesState
from portal_app.ui.editor.services.state import ServicesState
from portal_app.ui.editor.templates.state import TemplateState
from portal_app.ui.portal.appointments.state import AppointmentsState, AppointmentState
from portal_app.ui.portal.booking.state import BookState
from portal_app.ui.portal.dashboard.state import DashboardState
from portal_app.ui.portal.invitations.state import InvitationState
from portal_app.ui.portal.profile.state import ProfileState
from portal_app.ui.portal.reschedule.state import RescheduleState
from portal_app.ui.staff.appointment.state import StaffAppointmentState
from portal_app.ui.staff.customer.state import CustomerRecordState
from portal_app.ui.staff.customer_form.state import CustomerFormState
from portal_app.ui.staff.customers.state import CustomersState
from portal_app.ui.staff.inbox.state import InboxState
from portal_app.ui.staff.overview.state import OverviewState
from tests.factories import (
    add_appointment,
    at,
    customer_actor,
    invite,
    staff_actor,
    working_day,
)
from tests.sql import count_statements
from tests.states import Browser, cookie_for

PAGES = [
    ("customer", DashboardState),
    ("customer", AppointmentsState),
    ("customer", AppointmentState),
    ("customer", RescheduleState),
    ("customer", BookState),
    ("customer", InvitationState),
    ("customer", ProfileState),
    ("owner", OverviewState),
    ("owner", InboxState),
    ("owner", CustomersState),
    ("owner", CustomerRecordState),
    ("owner", CustomerFormState),
    ("owner", StaffAppointmentState),
    ("owner", RulesState),
    ("owner", TemplateState),
    ("owner", ServicesState),
]


def _own_history(ctx, customer_id: int, count: int) -> None:
    """`count` past appointments of one customer, in bulk."""
    now = ctx.clock.now()
    first = add_appointment(ctx, customer_id, now - timedelta(days=800), status="completed")
    with ctx.db.transaction() as session:
        template = session.get(Appointment, first)
        values = [
            {
                "business_id": template.business_id,
                "customer_id": customer_id,
                "staff_id": template.staff_id,
                "service_id": template.service_id,
                "status": "completed",
                "start_utc": now - timedelta(days=2 + n % 700, minutes=n),
                "end_utc": now - timedelta(days=2 + n % 700, minutes=n - 5),
                "price_cents": template.price_cents,
                "created_at": now - timedelta(days=900),
            }
            for n in range(count - 1)
        ]
        session.exec(insert(Appointment).values(values))


def _counts(ctx) -> dict[str, int]:
    emma = customer_actor(ctx, "emma@example.com")
    appointment = add_appointment(ctx, emma.id, at(working_day(ctx, 9), 11))
    params = {
        "appointment_id": str(appointment),
        "invitation_id": str(invite(ctx, emma.id)),
        "customer_id": str(emma.id),
    }
    cookies = {"customer": cookie_for(ctx, emma), "owner": cookie_for(ctx, staff_actor(ctx))}
    found = {}
    for who, state in PAGES:
        browser = Browser(ctx, cookies[who], params)
        browser.call(state, "load")  # warm: the session's last-seen time is written once
        with count_statements(ctx.db.engine) as statements:
            browser.call(state, "load")
        assert not browser.state(state).error, (state.__name__, browser.state(state).error)
        found[state.__name__] = len(statements)
    return found


@pytest.fixture
def small(demo):
    return _counts(demo)


def test_every_page_load_runs_the_same_statements_at_1000x(demo, small):
    grow(demo, 200)  # 1,000 customers, ~5,600 appointments, 1,000 tasks and activity rows
    _own_history(demo, customer_actor(demo, "emma@example.com").id, 1000)
    large = _counts(demo)
    assert large == small
    assert max(small.values()) <= 20, small
