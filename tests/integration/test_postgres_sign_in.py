"""Codes on PostgreSQL: the salted code hash (81 characters) fits its column, for sign-in
and for a customer's new address (it did not: varchar(64) refused every code there,
which SQLite never noticed)."""

from __future__ import annotations

from portal_app.domain.customers import service as profiles
from portal_app.domain.customers.models import ContactChange
from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.identity.models import LoginCode
from portal_app.domain.identity.service import request_login_code
from portal_app.infra.database import apply_migrations, make_engine
from tests.factories import customer_actor, make_context, rows
from tests.postgres_database import fresh_database


def test_a_login_code_and_a_contact_code_are_stored_on_postgresql(clock):
    with fresh_database("portal_code") as url:
        engine = make_engine(url)
        try:
            apply_migrations(engine)
            ctx = make_context(engine, clock)
            load_demo_data(ctx)
            request_login_code(ctx, email="sem@example.com", client_ip="203.0.113.7")
            [code] = rows(ctx, LoginCode)
            assert len(code.code_hash) == 81
            emma = customer_actor(ctx, "emma@example.com")
            profiles.request_contact_change(ctx, emma, kind="email", value="e@example.org")
            [change] = rows(ctx, ContactChange)
            assert len(change.code_hash) == 81
        finally:
            engine.dispose()
