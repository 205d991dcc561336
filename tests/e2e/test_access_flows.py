"""Signing in as a customer (link from the dev mailbox, or a code) and as staff."""

from __future__ import annotations

import http.client
import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from portal_app.domain.demo_data import DEMO_STAFF_PASSWORD

pytestmark = pytest.mark.e2e


def _latest_mail(page, base: str, recipient: str):
    """The newest mail to `recipient` in the dev mailbox (a plain page: reloaded until the
    mail is there, as a person would, for a sender on another process)."""
    mail = page.get_by_test_id("mail").filter(has_text=recipient).first
    for _attempt in range(20):
        page.goto(f"{base}/dev/mailbox")
        if mail.count():
            break
        page.wait_for_timeout(500)
    expect(mail).to_be_visible()
    return mail


def test_customer_logs_in_with_access_link_from_dev_mailbox(live_portal, page_at):
    page = page_at(375)
    page.goto(f"{live_portal}/portal/login")
    page.get_by_label("E-mailadres").fill("julia@example.com")
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    expect(page.get_by_test_id("login-notice")).to_contain_text("inloglink in je mailbox")

    mail = _latest_mail(page, live_portal, "julia@example.com")
    link = mail.locator("a[href*='/auth/link?token=']").first.get_attribute("href")
    assert link.startswith(f"{live_portal}/auth/link?token=")

    page.goto(link)  # opening alone does not sign in (mail scanners)
    expect(page.get_by_role("button", name="Doorgaan")).to_be_visible()
    page.get_by_role("button", name="Doorgaan").click()
    expect(page.get_by_test_id("welcome")).to_have_text("Welkom, Julia Mulder")

    other = page_at(1280)
    other.goto(link)
    other.get_by_role("button", name="Doorgaan").click()
    expect(other.get_by_role("alert")).to_have_text(
        "Deze inloglink is al gebruikt. Vraag een nieuwe link aan."
    )
    other.get_by_role("link", name="Nieuwe inloglink aanvragen").click()
    expect(other.get_by_label("E-mailadres")).to_be_visible()


def test_tampered_link_is_refused_with_a_clear_sentence(live_portal, page_at):
    page = page_at(375)
    page.goto(f"{live_portal}/auth/link?token={'A' * 43}")
    page.get_by_role("button", name="Doorgaan").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Deze inloglink is ongeldig. Vraag een nieuwe link aan."
    )
    page.goto(f"{live_portal}/portal")
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))


def test_customer_logs_in_with_a_code(live_portal, page_at):
    page = page_at(1280)
    page.goto(f"{live_portal}/portal/login")
    page.get_by_label("E-mailadres").fill("sem@example.com")
    page.get_by_role("button", name="Stuur mij een code").click()
    expect(page.get_by_test_id("login-notice")).to_contain_text("code van 6 cijfers")

    mailbox = page_at(1280)
    mail = _latest_mail(mailbox, live_portal, "sem@example.com")
    code = re.search(r"\b(\d{6})\b", mail.inner_text()).group(1)

    page.get_by_label("Code").fill("000000" if code != "000000" else "111111")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("login-error")).to_have_text(
        "Deze code klopt niet of is niet meer geldig."
    )
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("welcome")).to_have_text("Welkom, Sem de Groot")


def test_unknown_address_gets_the_same_answer(live_portal, page_at):
    page = page_at(375)
    page.goto(f"{live_portal}/portal/login")
    page.get_by_label("E-mailadres").fill("nobody@example.com")
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    expect(page.get_by_test_id("login-notice")).to_contain_text(
        "Als dit e-mailadres bij ons bekend is"
    )


def test_staff_logs_in_with_password(live_portal, page_at):
    page = page_at(1280)
    page.goto(f"{live_portal}/staff")
    expect(page).to_have_url(re.compile(r"/staff/login/?$"))
    page.get_by_label("E-mailadres").fill("daan.jansen@example.com")
    page.get_by_label("Wachtwoord").fill("wrong-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("login-error")).to_have_text("E-mailadres of wachtwoord klopt niet.")
    page.get_by_label("Wachtwoord").fill(DEMO_STAFF_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Hallo Daan Jansen")).to_be_visible()
    page.goto(f"{live_portal}/editor")
    expect(page.get_by_text("Alleen de eigenaar kan het portaal inrichten.")).to_be_visible()


def test_customer_session_does_not_open_the_back_office(live_portal, page_at):
    page = page_at(1280)
    page.goto(f"{live_portal}/dev/login")
    page.get_by_role("button", name=re.compile("Emma Visser")).click()
    expect(page.get_by_test_id("welcome")).to_be_visible()
    page.goto(f"{live_portal}/staff")
    expect(page).to_have_url(re.compile(r"/staff/login/?$"))


def test_websocket_accepts_only_the_configured_origin(live_portal):
    host, port = urllib.parse.urlsplit(live_portal).netloc.split(":")

    def upgrade(origin: str) -> int:
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request(
            "GET",
            "/_event/?EIO=4&transport=websocket",
            headers={
                "Origin": origin,
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        )
        status = connection.getresponse().status
        connection.close()
        return status

    assert upgrade(live_portal) == 101
    assert upgrade("http://evil.example") == 403
