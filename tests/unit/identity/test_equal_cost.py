"""Known and unknown addresses cost the same on both sign-in requests (link and code):
the same statements, the same secrets made and hashed, the same message rendered; only
the known one's rows are kept. Checked without a stopwatch."""

from __future__ import annotations

import re

import pytest

from portal_app.domain.identity import service as access
from portal_app.domain.identity.models import AccessToken, LoginCode
from portal_app.domain.messaging import outbox
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import rows
from tests.sql import count_statements

SAVEPOINT_END = re.compile(r"^(RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) \S+$")


def _shape(statement: str) -> str:
    return "END SAVEPOINT" if SAVEPOINT_END.match(statement) else statement


@pytest.fixture
def calls(monkeypatch):
    """How often each secret/hash/render function ran."""
    counted: dict[str, int] = {}

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            counted[name] = counted.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    for name in ("new_secret", "hash_secret", "new_code", "salted_hash"):
        counting(access, name)
    counting(outbox, "render_message")
    return counted


@pytest.mark.parametrize("request_kind", ["request_access_link", "request_login_code"])
def test_known_and_unknown_addresses_do_the_same_work(demo, calls, request_kind):
    request = getattr(access, request_kind)
    seen = {}
    for address in ("emma@example.com", "nobody@example.com"):
        calls.clear()
        with count_statements(demo.db.engine) as statements:
            request(demo, email=address, client_ip="192.0.2.1")
        seen[address] = ([_shape(s) for s in statements], dict(calls))
    known, unknown = seen["emma@example.com"], seen["nobody@example.com"]
    assert known == unknown
    assert any(s.startswith("INSERT INTO outbox_message") for s in known[0])
    assert known[1]["render_message"] == 1
    kept = rows(demo, OutboxMessage)
    assert len(kept) == 1 and kept[0].recipient in ("emma@example.com", "+31612345678")
    assert len(rows(demo, AccessToken)) + len(rows(demo, LoginCode)) == 1


def test_a_portal_without_customers_answers_quietly(ctx):
    access.request_access_link(ctx, email="nobody@example.com", client_ip=None)
    assert rows(ctx, OutboxMessage) == []
