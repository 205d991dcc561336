"""PostgreSQL connections are pinged before use only after sitting idle: a connection the
server dropped while idle is replaced before a handler sees it, and one in steady use
costs no extra round trip (SQLAlchemy's pool_pre_ping pinged on every checkout)."""

from __future__ import annotations

import psycopg
from sqlalchemy import create_engine, text

from portal_app.infra.database import make_engine, ping_idle_connections
from tests.postgres_database import fresh_database


def _backend(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _counting_pings(engine) -> list[int]:
    pings: list[int] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection):
        pings.append(1)
        return ping(dbapi_connection)

    engine.dialect.do_ping = counted
    return pings


def test_a_connection_the_server_dropped_while_idle_is_replaced_before_use():
    with fresh_database("portal_ping") as url:
        engine = create_engine(url)
        ping_idle_connections(engine, after=0.0)
        try:
            first = _backend(engine)
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (first,))
            assert _backend(engine) != first  # answered, on a fresh connection
        finally:
            engine.dispose()


def test_a_connection_in_steady_use_is_not_pinged_and_an_idle_one_is():
    with fresh_database("portal_ping") as url:
        steady = make_engine(url)  # the portal's engine: ping after 10 s idle
        idle = create_engine(url)
        ping_idle_connections(idle, after=0.0)
        try:
            steady_pings, idle_pings = _counting_pings(steady), _counting_pings(idle)
            for _ in range(5):
                _backend(steady)
                _backend(idle)
            assert steady_pings == []
            assert len(idle_pings) == 4  # every checkout after the first
        finally:
            steady.dispose()
            idle.dispose()
