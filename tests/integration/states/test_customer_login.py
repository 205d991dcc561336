"""The customer sign-in form keeps its step while the link or code it sent is valid.

Reflex runs a page's load handler again when the websocket reconnects, and a phone often
reloads the tab after the mail app: neither may send the customer back to the e-mail
step while the code they were sent still works (a scaled-mode browser test lost the code
field that way)."""

from __future__ import annotations

from datetime import timedelta

from portal_app.ui.portal.login.state import CustomerLoginState
from tests.states import Browser


def _code_sent(demo) -> tuple[Browser, CustomerLoginState]:
    browser = Browser(demo)
    browser.call(CustomerLoginState, "load")
    browser.call(CustomerLoginState, "set_email", "emma@example.com")
    browser.call(CustomerLoginState, "send_code")
    state = browser.state(CustomerLoginState)
    assert state.step == "code_sent" and "6 cijfers" in state.notice
    return browser, state


def test_a_reconnect_or_reload_keeps_the_code_field_while_the_code_is_valid(demo, clock):
    browser, state = _code_sent(demo)
    notice = state.notice
    clock.advance(timedelta(minutes=9))
    browser.call(CustomerLoginState, "load")  # what a reconnect or a reload runs
    assert (state.step, state.notice, state.email) == ("code_sent", notice, "emma@example.com")


def test_once_the_code_has_expired_the_form_starts_at_the_address_again(demo, clock):
    browser, state = _code_sent(demo)
    clock.advance(timedelta(minutes=10))
    browser.call(CustomerLoginState, "load")
    assert (state.step, state.notice) == ("email", "")


def test_starting_again_by_hand_still_goes_back_to_the_address(demo):
    browser, state = _code_sent(demo)
    browser.call(CustomerLoginState, "restart")
    browser.call(CustomerLoginState, "load")
    assert (state.step, state.notice) == ("email", "")
