"""Access links, one-time codes and rate limits."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from portal_app.domain.access import (
    AccessPolicy,
    CodeExpired,
    CodeInvalid,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    RateLimited,
    issue_access_link,
    redeem_access_token,
    request_access_link,
    request_login_code,
    safe_target,
    valid_mobile,
    verify_login_code,
)
from portal_app.domain.errors import InvalidInput
from portal_app.domain.models import AccessToken, Customer, LoginCode, OutboxMessage

PUBLIC = "https://portal.example.nl"


def _messages(session):
    return session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def _token_from(body: str) -> str:
    match = re.search(r"/auth/link\?token=([A-Za-z0-9_\-]+)", body)
    assert match, body
    return match.group(1)


def _code_from(body: str) -> str:
    return re.search(r"\b(\d{6})\b", body).group(1)


def test_link_is_mailed_built_from_public_url_and_stored_hashed(demo, clock):
    request_access_link(
        demo, email=" Emma@Example.com ", client_ip="10.0.0.1", public_url=PUBLIC, clock=clock
    )
    [message] = _messages(demo)
    assert message.channel == "email" and message.recipient == "emma@example.com"
    assert f"{PUBLIC}/auth/link?token=" in message.body
    raw = _token_from(message.body)
    assert len(raw) >= 43  # 32 random bytes, URL-safe
    stored = demo.exec(select(AccessToken)).one()
    assert raw not in stored.token_hash and len(stored.token_hash) == 64


def test_unknown_address_gets_no_mail_and_no_error(demo, clock):
    request_access_link(
        demo, email="stranger@example.com", client_ip="10.0.0.1", public_url=PUBLIC, clock=clock
    )
    request_login_code(demo, email="stranger@example.com", client_ip="10.0.0.1", clock=clock)
    assert _messages(demo) == []


def test_link_is_single_use(demo, clock):
    request_access_link(
        demo,
        email="emma@example.com",
        client_ip=None,
        public_url=PUBLIC,
        clock=clock,
        target_path="/portal/appointments",
    )
    raw = _token_from(_messages(demo)[0].body)
    actor, target = redeem_access_token(demo, raw, clock)
    assert actor.is_customer and target == "/portal/appointments"
    with pytest.raises(LinkUsed):
        redeem_access_token(demo, raw, clock)


def test_link_expires_after_policy_minutes(demo, clock):
    customer = demo.exec(select(Customer)).first()
    url = issue_access_link(demo, customer, PUBLIC, clock, AccessPolicy(link_minutes=15))
    raw = url.split("token=")[1]
    clock.advance(timedelta(minutes=15, seconds=1))
    with pytest.raises(LinkExpired):
        redeem_access_token(demo, raw, clock)


@pytest.mark.parametrize("raw", ["", "short", "x" * 43, None, {"token": 1}, "é" * 50])
def test_tampered_or_garbage_tokens_are_refused(demo, clock, raw):
    with pytest.raises(LinkInvalid):
        redeem_access_token(demo, raw, clock)


def test_open_redirect_targets_are_neutralised():
    assert safe_target("/portal/appointments") == "/portal/appointments"
    for bad in ("https://evil.example", "//evil.example", "/staff", "/portal//evil", None):
        assert safe_target(bad) == "/portal"


def test_code_goes_by_sms_to_valid_mobile_else_by_email(demo, clock):
    request_login_code(demo, email="emma@example.com", client_ip=None, clock=clock)
    request_login_code(demo, email="lucas@example.com", client_ip=None, clock=clock)
    sms, mail = _messages(demo)
    assert sms.channel == "sms" and sms.recipient == "+31612345678"
    assert mail.channel == "email" and mail.recipient == "lucas@example.com"
    stored = demo.exec(select(LoginCode)).all()
    assert all(_code_from(sms.body) not in row.code_hash for row in stored)


def test_valid_mobile_uses_phonenumbers_with_region_nl():
    assert valid_mobile("06 1234 5678") == "+31612345678"
    assert valid_mobile("020 123 4567") is None  # landline
    assert valid_mobile("12345") is None
    assert valid_mobile("") is None


def test_code_verifies_once(demo, clock):
    request_login_code(demo, email="lucas@example.com", client_ip=None, clock=clock)
    code = _code_from(_messages(demo)[0].body)
    actor = verify_login_code(demo, email="lucas@example.com", code=code, clock=clock)
    assert actor.is_customer
    with pytest.raises(CodeInvalid):
        verify_login_code(demo, email="lucas@example.com", code=code, clock=clock)


def test_code_expires_after_ten_minutes(demo, clock):
    request_login_code(demo, email="lucas@example.com", client_ip=None, clock=clock)
    code = _code_from(_messages(demo)[0].body)
    clock.advance(timedelta(minutes=10, seconds=1))
    with pytest.raises(CodeExpired):
        verify_login_code(demo, email="lucas@example.com", code=code, clock=clock)


def test_five_wrong_tries_invalidate_the_code(demo, clock):
    request_login_code(demo, email="lucas@example.com", client_ip=None, clock=clock)
    code = _code_from(_messages(demo)[0].body)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        with pytest.raises(CodeInvalid):
            verify_login_code(demo, email="lucas@example.com", code=wrong, clock=clock)
    with pytest.raises(CodeInvalid):
        verify_login_code(demo, email="lucas@example.com", code=code, clock=clock)


def test_rate_limit_per_address_and_per_ip(demo, clock):
    for _ in range(5):
        request_access_link(
            demo, email="emma@example.com", client_ip="10.0.0.1", public_url=PUBLIC, clock=clock
        )
    with pytest.raises(RateLimited):
        request_access_link(
            demo, email="emma@example.com", client_ip="10.0.0.2", public_url=PUBLIC, clock=clock
        )
    # the same IP trying other addresses is limited too, customer or not
    with pytest.raises(RateLimited):
        request_login_code(demo, email="stranger@example.com", client_ip="10.0.0.1", clock=clock)
    clock.advance(timedelta(minutes=16))
    request_access_link(
        demo, email="emma@example.com", client_ip="10.0.0.1", public_url=PUBLIC, clock=clock
    )
    assert len(_messages(demo)) == 6


def test_strangers_are_limited_the_same_as_customers(demo, clock):
    for _ in range(5):
        request_access_link(
            demo, email="stranger@example.com", client_ip=None, public_url=PUBLIC, clock=clock
        )
    with pytest.raises(RateLimited):
        request_access_link(
            demo, email="stranger@example.com", client_ip=None, public_url=PUBLIC, clock=clock
        )


@pytest.mark.parametrize("email", ["", "no-at-sign", None, 42, {"email": "x"}, "a@" + "b" * 300])
def test_bad_addresses_are_a_clear_input_error(demo, clock, email):
    with pytest.raises(InvalidInput):
        request_access_link(demo, email=email, client_ip=None, public_url=PUBLIC, clock=clock)
