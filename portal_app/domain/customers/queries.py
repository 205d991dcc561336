"""Customers as the portal reads them: one's own profile, the business's list."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from portal_app.core.actor import CUSTOMERS, OFFICE, Actor, require
from portal_app.core.context import Context
from portal_app.core.errors import NotFound
from portal_app.core.paging import FIRST_PAGE, Page, PageRequest
from portal_app.core.parsing import parse_id
from portal_app.domain.customers.models import ContactChange, Customer
from portal_app.domain.customers.views import CustomerView, ProfileView

SEARCH_MAX = 100
# The columns of a CustomerView, in its order (lists read plain columns, not rows).
_COLUMNS = (
    Customer.id,
    Customer.name,
    Customer.email,
    Customer.mobile,
    Customer.city,
    Customer.preferred_channel,
    Customer.locale,
)


def view_of(customer: Customer) -> CustomerView:
    """The view of a customer row."""
    return CustomerView(
        customer.id,
        customer.name,
        customer.email,
        customer.mobile,
        customer.city,
        customer.preferred_channel,
        customer.locale,
    )


def own_row(session: Session, actor: Actor) -> Customer:
    """The acting customer's row; anyone else is refused."""
    require(actor, CUSTOMERS)
    row = session.get(Customer, actor.id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("no such customer")
    return row


def business_customer(session: Session, business_id: int, customer_id: int) -> Customer:
    """A customer of the business; NotFound for anyone else's id."""
    row = session.get(Customer, customer_id)
    if row is None or row.business_id != business_id:
        raise NotFound("no such customer")
    return row


def profile(ctx: Context, actor: Actor) -> ProfileView:
    """The acting customer's own details, and new addresses waiting for their code."""
    with ctx.db.transaction() as session:
        return profile_of(session, own_row(session, actor), ctx.clock.now())


def profile_of(session: Session, customer: Customer, now: datetime) -> ProfileView:
    """The profile view of a customer row, in the caller's transaction (one statement)."""
    waiting = session.exec(
        select(ContactChange.kind, ContactChange.new_value)
        .where(
            ContactChange.customer_id == customer.id,
            col(ContactChange.used_at).is_(None),
            ContactChange.expires_at > now,
        )
        .order_by(ContactChange.id)
    ).all()
    pending = dict(waiting)  # the newest per kind wins
    return ProfileView(view_of(customer), pending.get("email", ""), pending.get("mobile", ""))


def _phone_digits(words: str) -> str:
    """The digits of a typed phone number as stored (E.164 without '+'): 06 12 -> 31612."""
    digits = re.sub(r"\D", "", words)
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "31" + digits[1:]
    return digits


def search_customers(
    ctx: Context, actor: Actor, *, search: str = "", page: PageRequest = FIRST_PAGE
) -> Page[CustomerView]:
    """The business's customers by name, filtered on name, e-mail or phone; one page."""
    require(actor, OFFICE)
    query = select(*_COLUMNS).where(Customer.business_id == actor.business_id)
    words = search.strip().lower()[:SEARCH_MAX]
    if words:
        pattern = f"%{words}%"
        matches = [
            func.lower(Customer.name).like(pattern),
            func.lower(Customer.email).like(pattern),
        ]
        digits = _phone_digits(words)
        if len(digits) >= 3:
            matches.append(func.replace(Customer.mobile, "+", "").like(f"%{digits}%"))
        query = query.where(or_(*matches))
    query = query.order_by(Customer.name, Customer.id).offset(page.offset).limit(page.fetch)
    with ctx.db.transaction() as session:
        rows = session.execute(query).all()
    return Page.cut([CustomerView(*row) for row in rows], page)


def customer_of_business(ctx: Context, actor: Actor, customer_id: object) -> CustomerView:
    """One customer of the acting staff member's business; NotFound for anyone else's."""
    require(actor, OFFICE)
    with ctx.db.transaction() as session:
        return view_of(business_customer(session, actor.business_id, parse_id(customer_id)))
