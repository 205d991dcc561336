"""Staff add and change customers with checked e-mail addresses and phone numbers, and
read a customer's page (issue 9, item 10)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal_app.core.errors import NotAllowed, NotFound
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments import service as booking
from portal_app.domain.appointments.times import booking_times
from portal_app.domain.audit.models import AuditEntry
from portal_app.domain.backoffice import customer_record, customer_service
from portal_app.domain.business.models import Business
from portal_app.domain.customers.errors import EmailTaken, InvalidField
from portal_app.domain.customers.models import Customer
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    customer_actor,
    invite,
    local_today,
    one,
    rows,
    service_id,
    staff_actor,
    working_day,
)

FORM = {
    "name": "  Anouk Jansen ",
    "email": "Anouk.Jansen@Example.COM",
    "mobile": "06 2345 6789",
    "preferred_channel": "sms",
    "locale": "en",
    "street": "Kerkstraat 1",
    "postcode": "1017 GA",
    "city": "Amsterdam",
}


def test_staff_add_a_customer_with_a_checked_address_and_number(demo):
    added = customer_service.add_customer(demo, staff_actor(demo, "Daan Jansen"), data=FORM)
    row = one(demo, Customer, Customer.id == added.id)
    assert (row.name, row.email, row.mobile) == (
        "Anouk Jansen",
        "anouk.jansen@example.com",
        "+31623456789",
    )
    assert (row.preferred_channel, row.locale, row.postcode) == ("sms", "en", "1017 GA")
    entry = one(demo, ActivityEntry, ActivityEntry.action == "customer_added")
    assert entry.summary == "Anouk Jansen" and entry.actor_kind == "staff"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name": "  "}, "name", "staff_customers.name_required"),
        ({"email": "anouk@"}, "email", "error.email_invalid"),
        ({"email": ""}, "email", "error.email_invalid"),
        ({"mobile": "12345"}, "mobile", "error.phone_invalid"),
        ({"mobile": "020 123 4567"}, "mobile", "staff_customers.sms_needs_mobile"),
        ({"mobile": ""}, "mobile", "staff_customers.sms_needs_mobile"),
        ({"city": "x" * 101}, "city", "error.too_long"),
    ],
)
def test_a_wrong_field_is_named(demo, change, field, code):
    with pytest.raises(InvalidField) as refused:
        customer_service.add_customer(demo, staff_actor(demo), data=FORM | change)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert rows(demo, Customer, Customer.name == "Anouk Jansen") == []


def test_a_landline_is_fine_for_e_mail_customers_and_odd_choices_fall_back(demo):
    data = FORM | {"mobile": "020 123 4567", "preferred_channel": "pigeon", "locale": "fr"}
    added = customer_service.add_customer(demo, staff_actor(demo), data=data)
    assert (added.mobile, added.preferred_channel, added.locale) == ("+31201234567", "email", "nl")


def test_an_e_mail_address_belongs_to_one_customer(demo):
    with pytest.raises(EmailTaken):
        customer_service.add_customer(
            demo, staff_actor(demo), data=FORM | {"email": "EMMA@example.com"}
        )
    lucas = customer_actor(demo, "lucas@example.com")
    with pytest.raises(EmailTaken):
        customer_service.update_customer(
            demo, staff_actor(demo), customer_id=lucas.id, data=FORM | {"email": "emma@example.com"}
        )


def test_mechanics_and_customers_cannot_add_or_change_customers(demo):
    emma = customer_actor(demo, "emma@example.com")
    for actor in (staff_actor(demo, "Pieter Bakker"), emma):
        with pytest.raises(NotAllowed):
            customer_service.add_customer(demo, actor, data=FORM)
        with pytest.raises(NotAllowed):
            customer_service.update_customer(demo, actor, customer_id=emma.id, data=FORM)
        with pytest.raises(NotAllowed):
            customer_record.customer_record(demo, actor, customer_id=emma.id)


def test_another_business_customer_is_not_found(demo):
    with demo.db.transaction() as session:
        other = Business(name="Ander", slug="ander")
        session.add(other)
        session.flush()
        stranger = Customer(business_id=other.id, name="Vreemd", email="vreemd@example.com")
        session.add(stranger)
        session.flush()
        stranger_id = stranger.id
    for call in (
        lambda: customer_service.update_customer(
            demo, staff_actor(demo), customer_id=stranger_id, data=FORM
        ),
        lambda: customer_service.customer_form(demo, staff_actor(demo), customer_id=stranger_id),
        lambda: customer_record.customer_record(demo, staff_actor(demo), customer_id=stranger_id),
        lambda: customer_record.messages_page(
            demo, staff_actor(demo), customer_id=stranger_id, number=1
        ),
    ):
        with pytest.raises(NotFound):
            call()
    assert one(demo, Customer, Customer.id == stranger_id).name == "Vreemd"


def test_a_new_channel_sends_the_pending_reminder_the_new_way(demo):
    lucas = customer_actor(demo, "lucas@example.com")
    offered = service_id(demo, "APK-keuring")
    first = booking_times(
        demo, lucas, service_id=offered, staff_id="any", day=working_day(demo, 3).isoformat()
    )[0]
    booked = booking.book(
        demo, lucas, service_id=offered, staff_id=first.staff_id, start=first.start_utc
    )
    form = customer_service.customer_form(demo, staff_actor(demo), customer_id=lucas.id)
    data = form.__dict__ | {"mobile": "0611223344", "preferred_channel": "sms"}
    customer_service.update_customer(demo, staff_actor(demo), customer_id=lucas.id, data=data)
    reminders = rows(
        demo,
        OutboxMessage,
        OutboxMessage.appointment_id == booked.appointment.id,
        OutboxMessage.kind == "reminder",
    )
    assert [(r.status, r.channel, r.recipient) for r in reminders] == [
        ("withdrawn", "email", "lucas@example.com"),
        ("pending", "sms", "+31611223344"),
    ]
    assert reminders[0].next_attempt_at == reminders[1].next_attempt_at
    entry = one(demo, ActivityEntry, ActivityEntry.action == "customer_updated")
    assert entry.summary == "Lucas de Boer"


def test_saving_unchanged_details_changes_nothing(demo):
    emma = customer_actor(demo, "emma@example.com")
    form = customer_service.customer_form(demo, staff_actor(demo), customer_id=emma.id)
    customer_service.update_customer(
        demo, staff_actor(demo), customer_id=emma.id, data=form.__dict__
    )
    assert rows(demo, ActivityEntry, ActivityEntry.action == "customer_updated") == []


def test_a_new_address_forgets_the_old_coordinates(demo):
    emma = customer_actor(demo, "emma@example.com")
    form = customer_service.customer_form(demo, staff_actor(demo), customer_id=emma.id)
    customer_service.update_customer(
        demo, staff_actor(demo), customer_id=emma.id, data=form.__dict__ | {"city": "Haarlem"}
    )
    row = one(demo, Customer, Customer.id == emma.id)
    assert (row.city, row.latitude, row.longitude) == ("Haarlem", None, None)


def test_the_customer_page_pages_each_list_in_the_query(demo):
    _name, email, customer = add_customer(demo, "Druk")
    today = local_today(demo)
    for weeks in range(1, 13):
        add_appointment(demo, customer, at(today - timedelta(weeks=weeks), 10), status="completed")
    for _ in range(11):
        invite(demo, customer)
    record = customer_record.customer_record(demo, staff_actor(demo), customer_id=customer)
    assert record.details.email == email
    assert len(record.appointments.items) == 10 and record.appointments.has_next
    assert len(record.invitations.items) == 10 and record.invitations.has_next
    assert len(record.messages.items) == 10 and record.messages.has_next  # the invitations
    assert record.tasks.items == ()
    second = customer_record.appointments_page(
        demo, staff_actor(demo), customer_id=customer, number=2
    )
    assert len(second.items) == 2 and not second.has_next
    starts = [a.start_utc for a in record.appointments.items + second.items]
    assert starts == sorted(starts, reverse=True)
    invitations = customer_record.invitations_page(
        demo, staff_actor(demo), customer_id=customer, number=2
    )
    assert [line.service_name for line in invitations.items] == ["APK-keuring"]


def test_the_owner_reads_in_the_audit_log_who_changed_which_fields(demo):
    emma = customer_actor(demo, "emma@example.com")
    daan = staff_actor(demo, "Daan Jansen")
    form = customer_service.customer_form(demo, daan, customer_id=emma.id)
    customer_service.update_customer(
        demo, daan, customer_id=emma.id, data=form.__dict__ | {"city": "Haarlem"}
    )
    entry = one(demo, AuditEntry, AuditEntry.event == "customer_changed")
    assert (entry.actor_id, entry.subject_id) == (daan.id, emma.id)
    assert entry.detail == "customer_updated: city" and "Haarlem" not in entry.detail
