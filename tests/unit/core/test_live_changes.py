"""Live pages: services report what changed once it is committed; the staff overview and
the customer's appointments list refresh themselves from it (issue 12)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from portal_app.core.context import APPOINTMENTS, Change
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.backoffice import service as inbox
from portal_app.domain.backoffice.queries import list_tasks
from portal_app.domain.business.models import BusinessSettings
from portal_app.infra.watchers import MemoryWatchers
from portal_app.ui.live import keys_of
from portal_app.ui.portal.appointments.state import AppointmentsState
from portal_app.ui.staff.overview.state import OverviewState
from tests.factories import (
    at,
    business_id,
    customer_actor,
    service_id,
    staff_actor,
    working_day,
)
from tests.moments import local_today
from tests.states import Browser, cookie_for


@pytest.fixture
def told(demo):
    """The demo context with an announcer that records every change it is told."""
    changes: list[Change] = []
    return dataclasses.replace(demo, announce=changes.append), changes


def _book(ctx, email="lucas@example.com", days=4):
    person = customer_actor(ctx, email)
    apk = service_id(ctx, "APK-keuring")
    option = booking_times(
        ctx, person, service_id=apk, staff_id="any", day=working_day(ctx, days).isoformat()
    )[0]
    return person, booking.book(
        ctx, person, service_id=apk, staff_id=option.staff_id, start=option.start_utc
    )


def test_after_commit_runs_after_the_commit_and_never_after_a_rollback(demo):
    seen = []
    with demo.db.transaction():
        with demo.db.transaction():  # a service calling another: one commit
            demo.db.after_commit(lambda: seen.append("inner"))
        assert seen == []
    assert seen == ["inner"]
    with pytest.raises(RuntimeError), demo.db.transaction():
        demo.db.after_commit(lambda: seen.append("rolled back"))
        raise RuntimeError("refused")
    demo.db.after_commit(lambda: seen.append("outside"))
    assert seen == ["inner", "outside"]


def test_a_booking_is_announced_once_for_the_business_and_the_customer(told):
    ctx, changes = told
    person, _booked = _book(ctx)
    assert changes == [Change(APPOINTMENTS, business_id(ctx), person.id)]
    assert keys_of(changes[0]) == [
        f"appointments:business:{business_id(ctx)}",
        f"appointments:customer:{person.id}",
    ]


def test_a_refused_booking_announces_nothing(told):
    ctx, changes = told
    person = customer_actor(ctx, "lucas@example.com")
    apk = service_id(ctx, "APK-keuring")
    day = working_day(ctx, 4).isoformat()
    option = booking_times(ctx, person, service_id=apk, staff_id="any", day=day)[0]
    booking.book(ctx, person, service_id=apk, staff_id=option.staff_id, start=option.start_utc)
    changes.clear()
    with pytest.raises(SlotTaken):
        booking.book(ctx, person, service_id=apk, staff_id=option.staff_id, start=option.start_utc)
    assert changes == []


def test_cancel_reschedule_and_a_decided_request_are_announced(told):
    ctx, changes = told
    with ctx.db.transaction() as session:
        session.get(BusinessSettings, business_id(ctx)).booking_mode = "request"
    person, _booked = _book(ctx)
    owner = staff_actor(ctx)
    [task] = list_tasks(ctx, owner).items
    changes.clear()
    inbox.decide_request(ctx, owner, task_id=task.id, approve=True)
    assert changes == [Change(APPOINTMENTS, business_id(ctx), person.id)]


def test_the_staff_overview_shows_a_new_booking_on_refresh(demo):
    # The overview shows this calendar week; on a Friday evening or a weekend nothing is
    # left to book in it, so the clock moves on to next Monday 08:00 first.
    today = local_today(demo.clock.now())
    demo.clock.set(at(today + timedelta(days=7 - today.weekday()), 8))
    owner = Browser(demo, cookie_for(demo, staff_actor(demo)))
    owner.call(OverviewState, "load")
    state = owner.state(OverviewState)
    before = len(state.week)
    _book(demo, days=1)
    assert state._live_refresh() is True
    assert len(state.week) == before + 1
    assert state.activity[0].what  # the new booking is the newest activity line


def test_the_customers_list_shows_the_decision_on_refresh(demo):
    with demo.db.transaction() as session:
        session.get(BusinessSettings, business_id(demo)).booking_mode = "request"
    person, booked = _book(demo)
    lucas = Browser(demo, cookie_for(demo, person))
    lucas.call(AppointmentsState, "load")
    state = lucas.state(AppointmentsState)
    [card] = [c for c in state.upcoming if c.id == booked.appointment.id]
    owner = staff_actor(demo)
    [task] = list_tasks(demo, owner).items
    inbox.decide_request(demo, owner, task_id=task.id, approve=True)
    assert state._live_refresh() is True
    [after] = [c for c in state.upcoming if c.id == booked.appointment.id]
    assert after != card  # the status line changed from requested to booked


def test_a_signed_out_tab_is_not_refreshed(demo):
    tab = Browser(demo, "not-a-session")
    assert tab.state(OverviewState)._live_refresh() is False


def test_memory_watchers_remember_forget_and_expire():
    registry = MemoryWatchers(seconds=60)
    registry.add("appointments:business:1", "OverviewState|tab-1")
    registry.add("appointments:business:1", "OverviewState|tab-2")
    registry.discard("appointments:business:1", "OverviewState|tab-1")
    assert registry.members("appointments:business:1") == ["OverviewState|tab-2"]
    expired = MemoryWatchers(seconds=-1)
    expired.add("k", "m")
    assert expired.members("k") == []
