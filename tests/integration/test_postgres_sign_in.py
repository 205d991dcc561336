"""Sign-in by code on PostgreSQL: the salted code hash (81 characters) fits its column
(it did not: varchar(64) refused every code there, which SQLite never noticed)."""

from __future__ import annotations

from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.identity.models import LoginCode
from portal_app.domain.identity.service import request_login_code
from portal_app.infra.database import apply_migrations, make_engine
from tests.factories import make_context, rows
from tests.postgres_database import fresh_database


def test_a_login_code_is_stored_on_postgresql(clock):
    with fresh_database("portal_code") as url:
        engine = make_engine(url)
        try:
            apply_migrations(engine)
            ctx = make_context(engine, clock)
            load_demo_data(ctx)
            request_login_code(ctx, email="sem@example.com", client_ip="203.0.113.7")
            [code] = rows(ctx, LoginCode)
            assert len(code.code_hash) == 81
        finally:
            engine.dispose()
