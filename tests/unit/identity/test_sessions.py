"""Server-side sessions: hashed at rest, idle timeout, lifetime, revocation."""

from datetime import timedelta

from portal_app.core.tokens import hash_secret
from portal_app.domain.identity.models import UserSession
from portal_app.domain.identity.sessions import (
    end_all_sessions,
    end_session,
    resolve,
    resolve_visit,
    start_session,
)
from tests.factories import customer_actor, one, rows, staff_actor


def _start(ctx, actor) -> str:
    with ctx.db.transaction() as session:
        return start_session(session, actor, ctx.clock.now())


def test_session_round_trip_stores_only_a_hash(demo):
    raw = _start(demo, customer_actor(demo, "emma@example.com"))
    stored = one(demo, UserSession)
    assert stored.token_hash == hash_secret(raw) and raw not in stored.token_hash
    visit = resolve_visit(demo, raw)
    assert visit.actor.is_customer and visit.actor.timezone == "Europe/Amsterdam"
    assert visit.business.name == "Garage De Vries"


def test_idle_and_absolute_expiry_and_logout(demo):
    emma = customer_actor(demo, "emma@example.com")
    raw = _start(demo, emma)
    demo.clock.advance(timedelta(hours=3))
    assert resolve(demo, raw) is None
    raw = _start(demo, emma)
    for _ in range(8 * 24):
        demo.clock.advance(timedelta(hours=1))
        resolve(demo, raw)
    assert resolve(demo, raw) is None
    raw = _start(demo, emma)
    end_session(demo, raw)
    assert resolve(demo, raw) is None


def test_log_out_everywhere_ends_every_session_of_that_person_only(demo):
    emma, owner = customer_actor(demo, "emma@example.com"), staff_actor(demo)
    phone, laptop, office = _start(demo, emma), _start(demo, emma), _start(demo, owner)
    assert end_all_sessions(demo, emma) == 2
    assert resolve(demo, phone) is None and resolve(demo, laptop) is None
    assert resolve(demo, office) == owner


def test_garbage_cookie_values_resolve_to_nobody(demo):
    for value in (None, "", "x" * 500, "not-a-session", {"id": 1}):
        assert resolve(demo, value) is None
    assert len(rows(demo, UserSession)) == 0
