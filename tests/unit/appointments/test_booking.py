"""Booking, rescheduling and cancelling through the domain services."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal_app.core.errors import InvalidInput, NotAllowed, NotFound
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.availability import find_options
from portal_app.domain.appointments.errors import (
    NotChangeable,
    RescheduleDisabled,
    SlotTaken,
    TooLate,
)
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.appointments.queries import customer_appointment
from portal_app.domain.appointments.rules import check_reschedule_allowed
from portal_app.domain.appointments.times import booking_times, reschedule_screen
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import BusinessSettings, Service
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    business_id,
    customer_actor,
    one,
    rows,
    service_id,
    staff_actor,
    working_day,
)

APK = "APK-keuring"


def _options(ctx, actor, service=APK, **kwargs):
    with ctx.db.transaction() as session:
        customer = session.get(Customer, actor.id)
        offered = session.get(Service, service_id(ctx, service))
        return find_options(session, customer, offered, ctx.clock.now(), **kwargs)


def _first_option(ctx, actor, service=APK):
    result = _options(ctx, actor, service)
    assert result.options, result.reason
    return result.options[0]


def _book(ctx, actor, option, service=APK):
    return booking.book(
        ctx,
        actor,
        service_id=service_id(ctx, service),
        staff_id=option.staff_id,
        start=option.start_utc.isoformat(),
    ).appointment


def _settings(ctx, **values) -> None:
    with ctx.db.transaction() as session:
        settings = session.get(BusinessSettings, business_id(ctx))
        for name, value in values.items():
            setattr(settings, name, value)


def test_options_respect_notice_and_default_count(demo):
    result = _options(demo, customer_actor(demo, "emma@example.com"))
    assert len(result.options) == 3
    assert all(o.start_utc >= demo.clock.now() + timedelta(minutes=120) for o in result.options)


def test_booking_writes_appointment_activity_and_confirmation_with_ics(demo):
    lucas = customer_actor(demo, "lucas@example.com")  # prefers e-mail
    appointment = _book(demo, lucas, _first_option(demo, lucas))
    assert appointment.status == "booked" and appointment.customer_name == "Lucas de Boer"
    activity = one(demo, ActivityEntry, ActivityEntry.appointment_id == appointment.id)
    assert activity.action == "booked" and activity.actor_id == lucas.id
    mails = rows(demo, OutboxMessage)
    confirmation = next(m for m in mails if m.kind == "booking_confirmation")
    assert confirmation.recipient == "lucas@example.com"
    assert "BEGIN:VCALENDAR" in confirmation.attachment_content
    assert "/auth/link?token=" in confirmation.body  # {{reschedule_link}}
    assert any(m.kind == "business_notice" for m in mails)


def test_a_customer_who_prefers_sms_gets_the_confirmation_by_sms(demo):
    emma = customer_actor(demo, "emma@example.com")
    booked = booking.book(
        demo,
        emma,
        service_id=service_id(demo, APK),
        staff_id=_first_option(demo, emma).staff_id,
        start=_first_option(demo, emma).start_utc.isoformat(),
    )
    assert booked.channel == "sms"
    sms = next(m for m in rows(demo, OutboxMessage) if m.kind == "booking_confirmation")
    assert (sms.channel, sms.recipient, sms.attachment_content) == ("sms", "+31612345678", "")
    assert "/l/" in sms.body and len(sms.body) <= 160  # a short link fits one SMS


def test_the_same_option_twice_is_refused(demo):
    emma = customer_actor(demo, "emma@example.com")
    lucas = customer_actor(demo, "lucas@example.com")
    option = _first_option(demo, emma)
    _book(demo, emma, option)
    with pytest.raises(SlotTaken):
        _book(demo, lucas, option)


def test_a_time_that_was_never_offered_is_refused(demo):
    emma = customer_actor(demo, "emma@example.com")
    option = _first_option(demo, emma)
    for start in (option.start_utc + timedelta(minutes=7), demo.clock.now() - timedelta(days=1)):
        with pytest.raises(SlotTaken):
            booking.book(
                demo, emma, service_id=service_id(demo, APK), staff_id=option.staff_id, start=start
            )


@pytest.mark.parametrize("bad", [{"id": 1}, "1; drop", -3, None, 1.5, True])
def test_garbage_ids_and_times_are_clear_errors(demo, bad):
    emma = customer_actor(demo, "emma@example.com")
    with pytest.raises((NotFound, InvalidInput)):
        booking.book(demo, emma, service_id=bad, staff_id=bad, start=bad)


def test_request_mode_creates_a_request_and_a_task(demo):
    _settings(demo, booking_mode="request")
    lucas = customer_actor(demo, "lucas@example.com")
    appointment = _book(demo, lucas, _first_option(demo, lucas))
    assert appointment.status == "requested"
    task = one(demo, BackofficeTask)
    assert task.kind == "approve_request" and task.appointment_id == appointment.id
    kinds = {m.kind for m in rows(demo, OutboxMessage)}
    assert "booking_requested" in kinds and "booking_confirmation" not in kinds


def test_reschedule_only_to_the_same_staff_member(demo):
    emma = customer_actor(demo, "emma@example.com")
    appointment = _book(demo, emma, _first_option(demo, emma))
    later = working_day(demo, 8)
    screen = reschedule_screen(demo, emma, appointment_id=appointment.id, day=later.isoformat())
    assert screen.times and {o.staff_name for o in screen.times} == {appointment.staff_name}
    assert appointment.start_utc not in {o.start_utc for o in screen.times}
    new_start = screen.times[0].start_utc
    moved = booking.reschedule(
        demo, emma, appointment_id=str(appointment.id), start=new_start.isoformat()
    )
    assert moved.start_utc == new_start and moved.status == "rescheduled"
    kinds = [m.kind for m in rows(demo, OutboxMessage)]
    assert "rescheduled" in kinds and kinds.count("business_notice") == 2


def test_reschedule_rules(demo):
    emma = customer_actor(demo, "emma@example.com")
    now = demo.clock.now()
    [upcoming] = rows(
        demo, Appointment, Appointment.customer_id == emma.id, Appointment.start_utc > now
    )
    [past] = rows(
        demo, Appointment, Appointment.customer_id == emma.id, Appointment.start_utc < now
    )
    settings = BusinessSettings(business_id=business_id(demo))
    with pytest.raises(NotChangeable):  # past appointments cannot move
        check_reschedule_allowed(settings, past, now)
    soon = upcoming.start_utc - timedelta(hours=3)
    with pytest.raises(TooLate):  # less than 24 hours before
        check_reschedule_allowed(settings, upcoming, soon)
    settings.reschedule_min_hours = 0  # "disabled": any time before the start
    check_reschedule_allowed(settings, upcoming, soon)
    settings.allow_reschedule = False
    with pytest.raises(RescheduleDisabled):
        check_reschedule_allowed(settings, upcoming, soon)


def test_the_detail_says_until_when_a_change_is_possible(demo):
    emma = customer_actor(demo, "emma@example.com")
    [upcoming] = rows(
        demo,
        Appointment,
        Appointment.customer_id == emma.id,
        Appointment.start_utc > demo.clock.now(),
    )
    detail = customer_appointment(demo, emma, upcoming.id)
    assert detail.reschedule_until == upcoming.start_utc - timedelta(hours=24)
    assert detail.can_reschedule == (demo.clock.now() < detail.reschedule_until)
    demo.clock.set(upcoming.start_utc - timedelta(hours=2))
    late = customer_appointment(demo, emma, upcoming.id)
    assert not late.can_reschedule and not late.can_cancel


def test_cancel_rules_and_paid_cancellation_task(demo):
    emma = customer_actor(demo, "emma@example.com")
    appointment = _book(demo, emma, _first_option(demo, emma))
    with demo.db.transaction() as session:
        session.get(Appointment, appointment.id).paid = True
    _settings(demo, cancel_min_hours=24 * 365)
    with pytest.raises(TooLate):
        booking.cancel(demo, emma, appointment_id=appointment.id)
    _settings(demo, cancel_min_hours=0)
    assert booking.cancel(demo, emma, appointment_id=appointment.id).status == "cancelled"
    assert one(demo, BackofficeTask).kind == "credit_invoice"
    kinds = [m.kind for m in rows(demo, OutboxMessage)]
    assert "cancelled" in kinds and kinds.count("business_notice") == 2
    with pytest.raises(NotAllowed):
        booking.cancel(demo, emma, appointment_id=appointment.id)


def test_other_customers_appointment_is_not_found_and_unchanged(demo):
    emma = customer_actor(demo, "emma@example.com")
    lucas = customer_actor(demo, "lucas@example.com")
    [theirs] = rows(
        demo,
        Appointment,
        Appointment.customer_id == lucas.id,
        Appointment.start_utc > demo.clock.now(),
    )
    for call in (
        lambda: booking.cancel(demo, emma, appointment_id=theirs.id),
        lambda: booking.reschedule(
            demo, emma, appointment_id=theirs.id, start=theirs.start_utc + timedelta(days=1)
        ),
        lambda: customer_appointment(demo, emma, theirs.id),
    ):
        with pytest.raises(NotFound):
            call()
    assert one(demo, Appointment, Appointment.id == theirs.id) == theirs
    assert rows(demo, OutboxMessage) == []


def test_free_times_for_anyone_and_one_staff_member(demo):
    emma = customer_actor(demo, "emma@example.com")
    day = working_day(demo, 3).isoformat()  # a working day for everyone, whatever the moment
    anyone = booking_times(demo, emma, service_id=service_id(demo, APK), staff_id="any", day=day)
    assert anyone and len({o.start_utc for o in anyone}) == len(anyone)
    staff = anyone[0].staff_id
    own = booking_times(demo, emma, service_id=service_id(demo, APK), staff_id=staff, day=day)
    assert {o.staff_id for o in own} == {staff}
    with pytest.raises(InvalidInput):
        booking_times(demo, emma, service_id=service_id(demo, APK), staff_id="any", day="x")


def test_staff_cannot_book_as_a_customer(demo):
    with pytest.raises(NotAllowed):
        booking_times(demo, staff_actor(demo), service_id=1, staff_id="any", day="2026-12-01")
