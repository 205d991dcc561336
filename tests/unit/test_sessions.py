"""Server-side sessions: hashed at rest, idle timeout, lifetime, revocation."""

from datetime import timedelta

from sqlmodel import select

from portal_app.domain.actor import Actor, ActorKind
from portal_app.domain.models import Customer, UserSession
from portal_app.domain.sessions import end_session, hash_token, resolve_session, start_session


def _emma(session):
    customer = session.exec(select(Customer)).first()
    return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id)


def test_session_round_trip_stores_only_a_hash(demo, clock):
    raw = start_session(demo, _emma(demo), clock)
    stored = demo.exec(select(UserSession)).one()
    assert stored.token_hash == hash_token(raw) and raw not in stored.token_hash
    actor = resolve_session(demo, raw, clock)
    assert actor is not None and actor.is_customer


def test_idle_and_absolute_expiry_and_logout(demo, clock):
    raw = start_session(demo, _emma(demo), clock)
    clock.advance(timedelta(hours=3))
    assert resolve_session(demo, raw, clock) is None
    raw = start_session(demo, _emma(demo), clock)
    for _ in range(8 * 24):
        clock.advance(timedelta(hours=1))
        resolve_session(demo, raw, clock)
    assert resolve_session(demo, raw, clock) is None
    raw = start_session(demo, _emma(demo), clock)
    end_session(demo, raw, clock)
    assert resolve_session(demo, raw, clock) is None


def test_garbage_cookie_values_resolve_to_nobody(demo, clock):
    for value in (None, "", "x" * 500, "not-a-session", {"id": 1}):
        assert resolve_session(demo, value, clock) is None
