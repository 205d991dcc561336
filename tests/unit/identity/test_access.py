"""Access links, one-time codes and rate limits."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from portal_app.core.errors import InvalidInput
from portal_app.core.parsing import valid_mobile
from portal_app.domain.customers.models import Customer
from portal_app.domain.identity.errors import (
    CodeExpired,
    CodeInvalid,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    RateLimited,
)
from portal_app.domain.identity.models import AccessToken, LoginCode
from portal_app.domain.identity.service import (
    issue_access_link,
    redeem,
    request_access_link,
    request_login_code,
    safe_target,
    verify_login_code,
)
from portal_app.domain.identity.sessions import resolve
from portal_app.domain.messaging.models import OutboxMessage
from tests.factories import PUBLIC, one, rows


def _messages(ctx):
    return rows(ctx, OutboxMessage)


def _token_from(body: str) -> str:
    match = re.search(r"/auth/link\?token=([A-Za-z0-9_\-]+)", body)
    assert match, body
    return match.group(1)


def _code_from(body: str) -> str:
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_link_is_mailed_built_from_public_url_and_stored_hashed(demo):
    request_access_link(demo, email=" Emma@Example.com ", client_ip="10.0.0.1")
    [message] = _messages(demo)
    assert message.channel == "email" and message.recipient == "emma@example.com"
    assert f"{PUBLIC}/auth/link?token=" in message.body
    raw = _token_from(message.body)
    assert len(raw) >= 43  # 32 random bytes, URL-safe
    stored = one(demo, AccessToken)
    assert raw not in stored.token_hash and len(stored.token_hash) == 64


def test_unknown_address_gets_no_mail_and_no_error(demo):
    request_access_link(demo, email="stranger@example.com", client_ip="10.0.0.1")
    request_login_code(demo, email="stranger@example.com", client_ip="10.0.0.1")
    assert _messages(demo) == []


def test_link_is_single_use_and_signs_in(demo):
    request_access_link(
        demo, email="emma@example.com", client_ip=None, target_path="/portal/appointments"
    )
    raw = _token_from(_messages(demo)[0].body)
    cookie, target = redeem(demo, raw, None)
    assert target == "/portal/appointments"
    assert resolve(demo, cookie).is_customer
    with pytest.raises(LinkUsed):
        redeem(demo, raw, None)


def test_redeeming_ends_the_session_the_browser_had(demo):
    request_access_link(demo, email="emma@example.com", client_ip=None)
    request_access_link(demo, email="emma@example.com", client_ip=None)
    first, second = (_token_from(m.body) for m in _messages(demo))
    old_cookie, _ = redeem(demo, first, None)
    new_cookie, _ = redeem(demo, second, old_cookie)
    assert resolve(demo, old_cookie) is None and resolve(demo, new_cookie) is not None


def test_link_expires_after_its_minutes(demo):
    customer = rows(demo, Customer)[0]
    with demo.db.transaction() as session:
        url = issue_access_link(session, demo, session.get(Customer, customer.id), "/portal", 15)
    demo.clock.advance(timedelta(minutes=15, seconds=1))
    with pytest.raises(LinkExpired):
        redeem(demo, url.split("token=")[1], None)


@pytest.mark.parametrize("raw", ["", "short", "x" * 43, None, {"token": 1}, "é" * 50])
def test_tampered_or_garbage_tokens_are_refused(demo, raw):
    with pytest.raises(LinkInvalid):
        redeem(demo, raw, None)


def test_open_redirect_targets_are_neutralised():
    assert safe_target("/portal/appointments") == "/portal/appointments"
    for bad in ("https://evil.example", "//evil.example", "/staff", "/portal//evil", None):
        assert safe_target(bad) == "/portal"
    assert safe_target("/portal", staff=True) == "/staff"
    assert safe_target("/editor/templates", staff=True) == "/editor/templates"


def test_code_goes_by_sms_to_valid_mobile_else_by_email(demo):
    request_login_code(demo, email="emma@example.com", client_ip=None)
    request_login_code(demo, email="lucas@example.com", client_ip=None)
    sms, mail = _messages(demo)
    assert sms.channel == "sms" and sms.recipient == "+31612345678"
    assert mail.channel == "email" and mail.recipient == "lucas@example.com"
    assert all(_code_from(sms.body) not in row.code_hash for row in rows(demo, LoginCode))


def test_valid_mobile_uses_phonenumbers_with_region_nl():
    assert valid_mobile("06 1234 5678") == "+31612345678"
    assert valid_mobile("020 123 4567") is None  # landline
    assert valid_mobile("12345") is None
    assert valid_mobile("") is None


def test_code_verifies_once(demo):
    request_login_code(demo, email="lucas@example.com", client_ip=None)
    code = _code_from(_messages(demo)[0].body)
    handoff = verify_login_code(demo, email="lucas@example.com", code=code)
    cookie, target = redeem(demo, handoff, None)
    assert target == "/portal" and resolve(demo, cookie).is_customer
    with pytest.raises(CodeInvalid):
        verify_login_code(demo, email="lucas@example.com", code=code)


def test_code_expires_after_ten_minutes(demo):
    request_login_code(demo, email="lucas@example.com", client_ip=None)
    code = _code_from(_messages(demo)[0].body)
    demo.clock.advance(timedelta(minutes=10, seconds=1))
    with pytest.raises(CodeExpired):
        verify_login_code(demo, email="lucas@example.com", code=code)


def test_five_wrong_tries_invalidate_the_code_and_each_try_is_kept(demo):
    request_login_code(demo, email="lucas@example.com", client_ip=None)
    code = _code_from(_messages(demo)[0].body)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for attempt in range(1, 6):
        with pytest.raises(CodeInvalid):
            verify_login_code(demo, email="lucas@example.com", code=wrong)
        assert one(demo, LoginCode).failed_attempts == attempt
    with pytest.raises(CodeInvalid):
        verify_login_code(demo, email="lucas@example.com", code=code)


def test_rate_limit_per_address(demo):
    for _ in range(5):
        request_access_link(demo, email="emma@example.com", client_ip="10.0.0.1")
    with pytest.raises(RateLimited):
        request_access_link(demo, email="emma@example.com", client_ip="10.0.0.2")
    demo.clock.advance(timedelta(minutes=16))
    request_access_link(demo, email="emma@example.com", client_ip="10.0.0.1")
    assert len(_messages(demo)) == 6


def test_one_office_behind_one_address_does_not_lock_out_its_sixth_customer(demo):
    for email in ("emma", "lucas", "noah", "julia", "sem"):
        request_access_link(demo, email=f"{email}@example.com", client_ip="10.0.0.9")
    request_login_code(demo, email="emma@example.com", client_ip="10.0.0.9")
    assert len(_messages(demo)) == 6


def test_the_per_ip_limit_is_much_higher_and_still_holds(demo):
    limited = type(demo)(demo.db, demo.clock, demo.public_url, type(demo.access)(requests_per_ip=3))
    for n in range(3):
        request_access_link(limited, email=f"x{n}@example.com", client_ip="10.0.0.1")
    with pytest.raises(RateLimited):
        request_login_code(limited, email="stranger@example.com", client_ip="10.0.0.1")


def test_strangers_are_limited_the_same_as_customers(demo):
    for _ in range(5):
        request_access_link(demo, email="stranger@example.com", client_ip=None)
    with pytest.raises(RateLimited):
        request_access_link(demo, email="stranger@example.com", client_ip=None)


@pytest.mark.parametrize("email", ["", "no-at-sign", None, 42, {"email": "x"}, "a@" + "b" * 300])
def test_bad_addresses_are_a_clear_input_error(demo, email):
    with pytest.raises(InvalidInput) as refused:
        request_access_link(demo, email=email, client_ip=None)
    assert refused.value.code == "error.email_invalid"
