"""Booking, rescheduling and cancelling through the domain services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.domain import booking
from portal_app.domain.booking_rules import SlotTaken, TooLate
from portal_app.domain.errors import InvalidInput, NotAllowed, NotFound
from portal_app.domain.models import (
    ActivityEntry,
    Appointment,
    BackofficeTask,
    BusinessSettings,
    OutboxMessage,
)
from tests.moments import weekday_ahead
from tests.unit.booking_helpers import PUBLIC, customer_actor, service_id


def _first_option(session, actor, clock, service="APK-keuring"):
    result = booking.find_options(session, actor, clock, service_id=service_id(session, service))
    assert result.options, result.reason
    return result.options[0]


def _book(session, actor, clock, option, service="APK-keuring"):
    return booking.book(
        session,
        actor,
        clock,
        service_id=service_id(session, service),
        staff_id=option.staff_id,
        start=option.start_utc.isoformat(),
        public_url=PUBLIC,
    )


def test_options_respect_notice_and_default_count(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    result = booking.find_options(demo, emma, clock, service_id=service_id(demo, "APK-keuring"))
    assert len(result.options) == 3
    assert all(o.start_utc >= clock.now() + timedelta(minutes=120) for o in result.options)


def test_booking_writes_appointment_activity_and_confirmation_with_ics(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    option = _first_option(demo, emma, clock)
    appointment = _book(demo, emma, clock, option)
    assert appointment.status == "booked" and appointment.customer_id == emma.id
    activity = demo.exec(
        select(ActivityEntry).where(ActivityEntry.appointment_id == appointment.id)
    ).one()
    assert activity.action == "booked" and activity.actor_id == emma.id
    mails = demo.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    confirmation = next(m for m in mails if m.kind == "booking_confirmation")
    assert confirmation.recipient == "emma@example.com"
    assert "BEGIN:VCALENDAR" in confirmation.attachment_content
    assert "/auth/link?token=" in confirmation.body  # {{reschedule_link}}
    assert any(m.kind == "business_notice" for m in mails)


def test_the_same_option_twice_is_refused(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    lucas = customer_actor(demo, "lucas@example.com")
    option = _first_option(demo, emma, clock)
    _book(demo, emma, clock, option)
    with pytest.raises(SlotTaken):
        _book(demo, lucas, clock, option)


def test_a_time_that_was_never_offered_is_refused(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    option = _first_option(demo, emma, clock)
    with pytest.raises(SlotTaken):
        booking.book(
            demo,
            emma,
            clock,
            service_id=service_id(demo, "APK-keuring"),
            staff_id=option.staff_id,
            start=(option.start_utc + timedelta(minutes=7)),
            public_url=PUBLIC,
        )
    with pytest.raises(SlotTaken):
        booking.book(
            demo,
            emma,
            clock,
            service_id=service_id(demo, "APK-keuring"),
            staff_id=option.staff_id,
            start=clock.now() - timedelta(days=1),
            public_url=PUBLIC,
        )


@pytest.mark.parametrize("bad", [{"id": 1}, "1; drop", -3, None, 1.5, True])
def test_garbage_ids_and_times_are_clear_errors(demo, clock, bad):
    emma = customer_actor(demo, "emma@example.com")
    with pytest.raises((NotFound, InvalidInput)):
        booking.book(demo, emma, clock, service_id=bad, staff_id=bad, start=bad, public_url=PUBLIC)


def test_request_mode_creates_a_request_and_a_task(demo, clock):
    settings = demo.get(BusinessSettings, 1)
    settings.booking_mode = "request"
    demo.add(settings)
    emma = customer_actor(demo, "emma@example.com")
    appointment = _book(demo, emma, clock, _first_option(demo, emma, clock))
    assert appointment.status == "requested"
    task = demo.exec(select(BackofficeTask)).one()
    assert task.kind == "approve_request" and task.appointment_id == appointment.id
    kinds = {m.kind for m in demo.exec(select(OutboxMessage)).all()}
    assert "booking_requested" in kinds and "booking_confirmation" not in kinds


def test_reschedule_only_to_the_same_staff_member(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    appointment = _book(demo, emma, clock, _first_option(demo, emma, clock))
    result = booking.find_options(
        demo,
        emma,
        clock,
        service_id=appointment.service_id,
        staff_id=appointment.staff_id,
        ignore_appointment_id=appointment.id,
        preferred_date=(appointment.start_utc + timedelta(days=7)).date(),
    )
    assert {o.staff_id for o in result.options} == {appointment.staff_id}
    new_start = result.options[0].start_utc
    moved = booking.reschedule(
        demo,
        emma,
        clock,
        appointment_id=str(appointment.id),
        start=new_start.isoformat(),
        public_url=PUBLIC,
    )
    assert moved.start_utc == new_start and moved.status == "rescheduled"
    kinds = [m.kind for m in demo.exec(select(OutboxMessage)).all()]
    assert "rescheduled" in kinds and kinds.count("business_notice") == 2


def test_reschedule_rules(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    upcoming = demo.exec(
        select(Appointment).where(
            Appointment.customer_id == emma.id, Appointment.start_utc > clock.now()
        )
    ).one()
    past = demo.exec(
        select(Appointment).where(
            Appointment.customer_id == emma.id, Appointment.start_utc < clock.now()
        )
    ).one()
    with pytest.raises(NotAllowed):  # past appointments cannot move
        booking.check_reschedule_allowed(demo, past, clock.now())
    clock.advance(upcoming.start_utc - clock.now() - timedelta(hours=3))
    with pytest.raises(TooLate):  # less than 24 hours before
        booking.check_reschedule_allowed(demo, upcoming, clock.now())
    settings = demo.get(BusinessSettings, 1)
    settings.reschedule_min_hours = 0  # "disabled": any time before the start
    booking.check_reschedule_allowed(demo, upcoming, clock.now())
    settings.allow_reschedule = False
    with pytest.raises(booking.RescheduleDisabled):
        booking.check_reschedule_allowed(demo, upcoming, clock.now())


def test_cancel_rules_and_paid_cancellation_task(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    appointment = _book(demo, emma, clock, _first_option(demo, emma, clock))
    appointment.paid = True
    demo.add(appointment)
    settings = demo.get(BusinessSettings, 1)
    settings.cancel_min_hours = 24 * 365
    with pytest.raises(TooLate):
        booking.cancel(demo, emma, clock, appointment_id=appointment.id, public_url=PUBLIC)
    settings.cancel_min_hours = 0
    booking.cancel(demo, emma, clock, appointment_id=appointment.id, public_url=PUBLIC)
    assert appointment.status == "cancelled"
    task = demo.exec(select(BackofficeTask)).one()
    assert task.kind == "credit_invoice"
    kinds = [m.kind for m in demo.exec(select(OutboxMessage)).all()]
    assert "cancelled" in kinds and kinds.count("business_notice") == 2
    with pytest.raises(NotAllowed):
        booking.cancel(demo, emma, clock, appointment_id=appointment.id, public_url=PUBLIC)


def test_other_customers_appointment_is_not_found_and_unchanged(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    lucas = customer_actor(demo, "lucas@example.com")
    theirs = demo.exec(
        select(Appointment).where(
            Appointment.customer_id == lucas.id, Appointment.start_utc > clock.now()
        )
    ).one()
    before = (theirs.status, theirs.start_utc)
    for call in (
        lambda: booking.cancel(demo, emma, clock, appointment_id=theirs.id, public_url=PUBLIC),
        lambda: booking.reschedule(
            demo,
            emma,
            clock,
            appointment_id=theirs.id,
            start=theirs.start_utc + timedelta(days=1),
            public_url=PUBLIC,
        ),
    ):
        with pytest.raises(NotFound):
            call()
    assert (theirs.status, theirs.start_utc) == before
    assert demo.exec(select(OutboxMessage)).all() == []


def test_day_slots_for_anyone_and_one_staff_member(demo, clock):
    emma = customer_actor(demo, "emma@example.com")
    day = weekday_ahead(clock.now(), 3)  # a working day for everyone, whatever the moment
    anyone = booking.day_slots(
        demo,
        emma,
        clock,
        service_id=service_id(demo, "APK-keuring"),
        staff_id="any",
        day=day.isoformat(),
    )
    assert anyone and len({start for _, start in anyone}) == len(anyone)
    staff = anyone[0][0]
    own = booking.day_slots(
        demo,
        emma,
        clock,
        service_id=service_id(demo, "APK-keuring"),
        staff_id=str(staff),
        day=day.isoformat(),
    )
    assert {s for s, _ in own} == {staff}
    with pytest.raises(InvalidInput):
        booking.day_slots(
            demo,
            emma,
            clock,
            service_id=service_id(demo, "APK-keuring"),
            staff_id="any",
            day="tomorrow",
        )


def test_staff_cannot_book_as_a_customer(demo, clock):
    from tests.unit.booking_helpers import staff_actor

    owner = staff_actor(demo, "Sanne de Vries")
    with pytest.raises(NotAllowed):
        booking.find_options(demo, owner, clock, service_id=1)
