"""Staff add customers and change their details (issue 9, item 10).

The commands live in the back-office area because a change of address or channel also
re-schedules the customer's pending reminders (appointments), which the customers area
may not depend on. Every change is written down in `_changed`, the one place where the
audit log (issue 10) records who changed which field of whose data.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from portal_app.core.actor import OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.parsing import parse_id
from portal_app.domain.activity.service import record
from portal_app.domain.appointments.reminders import replan_customer_reminders
from portal_app.domain.audit.service import record_customer_change
from portal_app.domain.customers.details import (
    ADDRESSING,
    CustomerDetails,
    apply_details,
    check_email_free,
    details_of,
    parse_details,
)
from portal_app.domain.customers.errors import EmailTaken
from portal_app.domain.customers.models import Customer
from portal_app.domain.customers.queries import business_customer, view_of
from portal_app.domain.customers.views import CustomerView


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError:  # the unique (business, e-mail) index: a concurrent twin
        raise EmailTaken("e-mail address in use") from None


def _changed(
    session: Session,
    ctx: Context,
    actor: Actor,
    action: str,
    customer: Customer,
    changes: dict[str, tuple[str, str]],
) -> None:
    """Write down a staff change to a customer's data, in the change's transaction.

    `changes` maps each changed field to (old, new). The activity line says who changed
    whose details; the audit log keeps which fields a staff member changed (not their
    values: the log outlives an erasure).
    """
    record(
        session,
        actor,
        action,
        business_id=customer.business_id,
        at=ctx.clock.now(),
        summary=customer.name,
    )
    fields = ", ".join(sorted(changes)) or "-"
    record_customer_change(session, ctx, actor, customer.id, f"{action}: {fields}")


def add_customer(ctx: Context, actor: Actor, *, data: object) -> CustomerView:
    """A new customer of the business from the staff form; InvalidField or EmailTaken
    when something is wrong."""
    require(actor, OFFICE)
    details = parse_details(data)
    with ctx.db.transaction(write_lock=True) as session:
        check_email_free(session, actor.business_id, details.email)
        customer = Customer(business_id=actor.business_id, **asdict(details))
        session.add(customer)
        _flush(session)
        changes = {name: ("", new) for name, new in asdict(details).items() if new}
        _changed(session, ctx, actor, "customer_added", customer, changes)
        return view_of(customer)


def update_customer(
    ctx: Context, actor: Actor, *, customer_id: object, data: object
) -> CustomerView:
    """Change a customer's details; messages already scheduled for them (reminders) are
    written again for the new name, address, channel or language."""
    require(actor, OFFICE)
    wanted = parse_id(customer_id)
    details = parse_details(data)
    with ctx.db.transaction(write_lock=True) as session:
        customer = business_customer(session, actor.business_id, wanted)
        check_email_free(session, actor.business_id, details.email, customer.id)
        changes = apply_details(customer, details)
        if changes:
            session.add(customer)
            _flush(session)
            _changed(session, ctx, actor, "customer_updated", customer, changes)
            if ADDRESSING & changes.keys():
                replan_customer_reminders(session, ctx, customer)
        return view_of(customer)


def customer_form(ctx: Context, actor: Actor, *, customer_id: object) -> CustomerDetails:
    """The details of a customer of the business, to fill the form with."""
    require(actor, OFFICE)
    wanted = parse_id(customer_id)
    with ctx.db.transaction() as session:
        return details_of(business_customer(session, actor.business_id, wanted))
