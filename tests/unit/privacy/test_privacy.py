"""GDPR self-service: the customer's data, erasure, automatic erasure, consent."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from portal_app.core.errors import InvalidInput, NotAllowed
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.audit.models import AuditEntry
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.models import UserSession
from portal_app.domain.identity.sessions import resolve
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.domain.privacy import service as privacy
from portal_app.domain.privacy.erasure import register_eraser
from portal_app.domain.privacy.export import export_document, readable
from tests.factories import (
    add_appointment,
    add_customer,
    at,
    customer_actor,
    one,
    rows,
    staff_actor,
    working_day,
)
from tests.states import cookie_for


def test_a_customer_gets_all_their_data_and_nobody_elses(demo):
    emma = customer_actor(demo, "emma@example.com")
    document = export_document(demo, emma)
    assert document["profile"]["email"] == "emma@example.com"
    assert document["appointments"] and all(a["service"] for a in document["appointments"])
    text = json.dumps(document)
    assert "lucas@example.com" not in text and "Lucas" not in text
    assert [s.key for s in readable(document)][0] == "profile"
    assert one(demo, AuditEntry).event == "customer_exported"
    with pytest.raises(NotAllowed):
        export_document(demo, staff_actor(demo))


def test_erasure_pseudonymises_and_keeps_the_business_records(demo):
    name, email, customer_id = add_customer(demo, "Wis", mobile="+31687654321")
    person = customer_actor(demo, email)
    appointment = add_appointment(demo, customer_id, at(working_day(demo, 5), 10))
    cookie = cookie_for(demo, person)
    with pytest.raises(InvalidInput):
        privacy.request_erasure(demo, person, confirm_email="someone@example.com")
    privacy.request_erasure(demo, person, confirm_email=email.upper())
    erased = one(demo, Customer, Customer.id == customer_id)
    assert name not in erased.name and email != erased.email and erased.mobile == ""
    assert erased.street == "" and erased.latitude is None
    kept = one(demo, Appointment, Appointment.id == appointment)
    assert kept.price_cents > 0 and kept.location == ""
    assert resolve(demo, cookie) is None
    assert rows(demo, UserSession, UserSession.actor_id == customer_id) == []
    assert rows(demo, OutboxMessage, OutboxMessage.recipient == email) == []
    assert [e.event for e in rows(demo, AuditEntry)][-1] == "customer_erased"


def test_other_areas_add_their_own_erasure_step(demo):
    seen = []
    step = register_eraser(lambda session, ctx, customer_id: seen.append(customer_id))
    _name, email, customer_id = add_customer(demo, "Factuur")
    try:
        privacy.request_erasure(demo, customer_actor(demo, email), confirm_email=email)
    finally:
        from portal_app.domain.privacy import erasure

        erasure._ERASERS.remove(step)
    assert seen == [customer_id]


def test_inactive_customers_are_erased_after_the_owners_months(demo):
    owner = staff_actor(demo)
    _n, idle_email, idle = add_customer(demo, "Stil")
    _n, busy_email, busy = add_customer(demo, "Actief")
    privacy.set_erase_after_months(demo, owner, months=6)
    assert privacy.erase_inactive_customers(demo) == 0  # the setting must hold 6 months
    demo.clock.advance(timedelta(days=181))
    add_appointment(demo, busy, demo.clock.now() + timedelta(days=3))
    erased = privacy.erase_inactive_customers(demo)
    assert erased >= 1
    assert one(demo, Customer, Customer.id == idle).email != idle_email
    assert one(demo, Customer, Customer.id == busy).email == busy_email
    assert privacy.erase_inactive_customers(demo) == 0  # each customer once
    with pytest.raises(InvalidInput):
        privacy.set_erase_after_months(demo, owner, months=-1)
    with pytest.raises(NotAllowed):
        privacy.set_erase_after_months(demo, staff_actor(demo, "Daan Jansen"), months=3)


def test_consent_is_recorded_with_version_and_time(demo):
    emma = customer_actor(demo, "emma@example.com")
    assert privacy.consent_status(demo, emma).agreed_at is None
    given = privacy.give_consent(demo, emma)
    status = privacy.consent_status(demo, emma)
    assert status.agreed_at == demo.clock.now() == given.agreed_at
    assert status.terms_version == privacy.TERMS_VERSION
    document = export_document(demo, emma)
    assert {c["kind"] for c in document["consents"]} == {"terms", "privacy"}
