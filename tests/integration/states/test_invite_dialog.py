"""The invite dialog (issue 9, item 11): it searches the database by name, e-mail or
phone with a fixed number of statements however many customers there are, closes when
the invitation is sent and the page confirms it."""

from __future__ import annotations

from sqlalchemy import insert

from portal_app.domain.customers.models import Customer
from portal_app.domain.invitations.models import Invitation
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.ui.staff.invite.state import MATCHES, InviteState
from tests.factories import business_id, customer_actor, one, rows, service_id, staff_actor
from tests.sql import count_statements
from tests.states import Browser, cookie_for

CUSTOMERS = 10_000


def _many_customers(ctx, count: int) -> None:
    """`count` more customers, in bulk, none of them a Mulder."""
    values = [
        {
            "business_id": business_id(ctx),
            "name": f"Klant {n:05d} Volume",
            "email": f"volume{n:05d}@example.com",
            "mobile": f"+3161{n:07d}",
            "preferred_channel": "email",
            "locale": "nl",
        }
        for n in range(count)
    ]
    with ctx.db.transaction() as session:
        for start in range(0, count, 2000):
            session.exec(insert(Customer).values(values[start : start + 2000]))


def _dialog(ctx) -> Browser:
    browser = Browser(ctx, cookie_for(ctx, staff_actor(ctx)))
    browser.call(InviteState, "start")
    return browser


def _search(browser: Browser, words: str) -> tuple[list[str], int]:
    """The names found for `words`, and how many statements the search ran."""
    browser.call(InviteState, "find", words)  # warm: the session's last-seen time
    with count_statements(browser.ctx.db.engine) as statements:
        browser.call(InviteState, "find", words)
    return [m.name for m in browser.state(InviteState).matches], len(statements)


def test_the_search_runs_the_same_statements_with_10000_customers(demo):
    browser = _dialog(demo)
    small = {words: _search(browser, words) for words in ("Mulder", "julia@", "06 1112", "Klant")}
    _many_customers(demo, CUSTOMERS)
    assert len(rows(demo, Customer)) > CUSTOMERS
    large = {words: _search(browser, words) for words in ("Mulder", "julia@", "06 1112", "Klant")}
    for words in ("Mulder", "julia@", "06 1112"):
        assert large[words] == small[words] and large[words][0] == ["Julia Mulder"], words
    names, count = large["Klant"]
    assert count == small["Klant"][1] and len(names) == MATCHES  # a few at a time
    assert count <= 4, count


def test_sending_closes_the_dialog_and_the_page_confirms_it(demo):
    browser = _dialog(demo)
    state = browser.state(InviteState)
    assert state.invite_open
    browser.call(InviteState, "find", "Mulder")
    [julia] = state.matches
    browser.call(InviteState, "choose_customer", julia.id)
    browser.call(InviteState, "choose_service", str(service_id(demo, "Airco-service")))
    browser.call(InviteState, "send")
    assert not state.invite_open and state.chosen is None and state.invite_error == ""
    assert state.notice == (
        "Uitnodiging verstuurd naar Julia Mulder (julia@example.com · +31611122233)."
    )
    julia_id = customer_actor(demo, "julia@example.com").id
    invitation = one(demo, Invitation, Invitation.customer_id == julia_id)
    [message] = rows(demo, OutboxMessage, OutboxMessage.customer_id == julia_id)
    assert message.kind == "invitation" and invitation.service_id == service_id(
        demo, "Airco-service"
    )


def test_without_a_customer_and_service_the_dialog_stays_open_and_says_why(demo):
    browser = _dialog(demo)
    browser.call(InviteState, "send")
    state = browser.state(InviteState)
    assert state.invite_open and state.invite_error == "Kies een klant en een dienst."
    assert rows(demo, Invitation) == []
