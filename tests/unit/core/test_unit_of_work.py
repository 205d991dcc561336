"""Services own their transactions; one request shares one session."""

import pytest
from sqlalchemy import event
from sqlmodel import select

from portal_app.core.unit_of_work import Database
from portal_app.domain.business.models import Business


def _add(db: Database, slug: str) -> None:
    with db.transaction() as session:
        session.add(Business(name=slug, slug=slug))


def _slugs(db: Database) -> list[str]:
    with db.transaction() as session:
        return list(session.exec(select(Business.slug).order_by(Business.slug)).all())


def test_a_transaction_commits_on_success_and_rolls_back_on_error(engine):
    db = Database(engine)
    _add(db, "kept")
    with pytest.raises(RuntimeError):
        with db.transaction() as session:
            session.add(Business(name="lost", slug="lost"))
            session.flush()
            raise RuntimeError("boom")
    assert _slugs(db) == ["kept"]


def test_a_nested_transaction_joins_and_the_outer_one_decides(engine):
    db = Database(engine)
    with pytest.raises(RuntimeError):
        with db.transaction():
            _add(db, "inner")  # joins: not committed on its own
            raise RuntimeError("outer fails")
    assert _slugs(db) == []


def test_one_unit_of_work_uses_one_session_for_all_its_transactions(engine):
    db = Database(engine)
    sessions = []
    with db.unit_of_work():
        for slug in ("a", "b"):
            with db.transaction() as session:
                sessions.append(session)
                session.add(Business(name=slug, slug=slug))
    assert sessions[0] is sessions[1]
    assert _slugs(db) == ["a", "b"]


def test_a_write_locked_transaction_begins_immediate_on_sqlite(engine):
    db = Database(engine)
    begun = []
    event.listen(engine, "begin", lambda conn: begun.append(conn.get_execution_options()))
    with db.transaction(write_lock=True) as session:
        session.add(Business(name="w", slug="w", timezone="UTC"))
    assert any(options.get("portal_write_lock") for options in begun)
    with db.transaction():
        with pytest.raises(RuntimeError):
            with db.transaction(write_lock=True):
                pass  # the lock must be taken by the outermost transaction


def test_services_get_the_test_clock_never_the_wall_clock(ctx, moment):
    assert ctx.clock.now() == moment
