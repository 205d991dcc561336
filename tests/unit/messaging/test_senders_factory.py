"""senders_from_settings: real providers only when configured."""

from __future__ import annotations

import pytest

from portal_app.config import ConfigError, load_settings
from portal_app.infra.dispatcher import senders_from_settings
from portal_app.infra.email import DevMailboxSender, ResendEmailSender
from portal_app.infra.sms import DevSmsSender, HttpSmsSender


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ("RESEND_API_KEY", "SMS_API_URL", "SMS_API_KEY", "SMS_ORIGINATOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PORTAL_ENV", "development")


def test_dev_senders_without_keys():
    senders = senders_from_settings(load_settings())
    assert isinstance(senders.email, DevMailboxSender)
    assert isinstance(senders.sms, DevSmsSender)


def test_real_senders_with_keys(monkeypatch):
    monkeypatch.setenv("RESEND_API_KEY", "re_123")
    monkeypatch.setenv("SMS_API_URL", "https://sms.example.com/messages")
    monkeypatch.setenv("SMS_API_KEY", "sms-key")
    senders = senders_from_settings(load_settings())
    assert isinstance(senders.email, ResendEmailSender)
    assert isinstance(senders.sms, HttpSmsSender)


@pytest.mark.parametrize(
    "env",
    [
        {"SMS_API_URL": "https://sms.example.com/messages"},
        {"SMS_API_KEY": "sms-key"},
        {"SMS_API_URL": "sms.example.com", "SMS_API_KEY": "sms-key"},
    ],
)
def test_half_configured_sms_is_a_config_error(monkeypatch, env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match="SMS_API"):
        senders_from_settings(load_settings())
