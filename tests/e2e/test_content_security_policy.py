"""Every page loads and works with the Content-Security-Policy on, without one violation."""

from __future__ import annotations

import re
import urllib.request

import pyotp
import pytest
from playwright.sync_api import expect

from portal_app.core import paths
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.demo_data import DEMO_OWNER_TOTP_SECRET, DEMO_STAFF_PASSWORD
from tests.factories import customer_actor, invite, rows

pytestmark = pytest.mark.e2e

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""
PUBLIC_PAGES = (
    paths.PORTAL_LOGIN,
    paths.PORTAL_NEW_LINK,
    paths.STAFF_LOGIN,
    f"{paths.AUTH_LINK}?token=x",
    paths.DEV_LOGIN,
    paths.DEV_MAILBOX,
)
OWNER_PAGES = (
    paths.STAFF,
    paths.INBOX,
    paths.CUSTOMERS,
    paths.TEAM,
    paths.AUDIT,
    paths.EDITOR,
    paths.EDITOR_TEMPLATES,
    paths.EDITOR_PRIVACY,
)


def _watched(page_at):
    page = page_at(1280)
    errors: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return page, errors


def _visit(page, errors, url: str, ready) -> None:
    page.goto(url)
    expect(ready(page)).to_be_visible()
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__cspViolations")
    assert violations == [] and errors == [], (url, violations, errors)


def _sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(who)).click()


def test_every_response_has_the_headers(live_portal):
    for path in ("/portal/login", "/portal", "/staff/login", "/auth/link?token=x", "/logo.svg"):
        with urllib.request.urlopen(f"{live_portal}{path}") as response:
            policy = response.headers["Content-Security-Policy"]
            assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
            assert "'unsafe-eval'" not in policy and "script-src 'self'" in policy
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_public_pages_load_without_a_violation(live_portal, page_at):
    page, errors = _watched(page_at)
    for path in PUBLIC_PAGES:
        _visit(page, errors, f"{live_portal}{path}", lambda p: p.locator("h1").first)


def test_customer_pages_load_without_a_violation(live_portal, live, page_at):
    emma = customer_actor(live, "emma@example.com")
    appointment = rows(live, Appointment, Appointment.customer_id == emma.id)[0].id
    invitation = invite(live, emma.id)
    page, errors = _watched(page_at)
    _sign_in(page, live_portal, "Emma Visser")
    expect(page.get_by_test_id("welcome")).to_be_visible()
    for path in (
        paths.PORTAL,
        paths.APPOINTMENTS,
        paths.appointment(appointment),
        paths.reschedule(appointment),
        paths.BOOK,
        paths.PROFILE,
        paths.PRIVACY,
        paths.PACKAGES,
        paths.invitation(invitation),
    ):
        _visit(page, errors, f"{live_portal}{path}", lambda p: p.locator("h1").first)
    page.get_by_role("button", name="Uitloggen").click()  # a full page load, without eval
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))
    assert page.evaluate("window.__cspViolations") == [] and errors == []


def test_back_office_pages_load_without_a_violation(live_portal, page_at):
    page, errors = _watched(page_at)
    _sign_in(page, live_portal, "Sanne de Vries")
    expect(page.get_by_test_id("business-name")).to_be_visible()
    for path in OWNER_PAGES:
        _visit(page, errors, f"{live_portal}{path}", lambda p: p.locator("h1").first)


def test_owner_signs_in_with_password_and_authenticator_code(live_portal, page_at, moment):
    page, errors = _watched(page_at)
    page.goto(f"{live_portal}{paths.STAFF_LOGIN}")
    page.get_by_label("E-mailadres").fill("sanne.devries@example.com")
    page.get_by_label("Wachtwoord").fill(DEMO_STAFF_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("Deze code klopt niet")
    page.get_by_label("Code").fill(pyotp.TOTP(DEMO_OWNER_TOTP_SECRET).at(moment))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    page.goto(f"{live_portal}{paths.AUDIT}")
    expect(page.get_by_test_id("audit-entry").first).to_contain_text("Medewerker ingelogd")
    page.set_viewport_size({"width": 375, "height": 900})  # cards, no table, on a phone
    shown = page.get_by_test_id("audit-entry").filter(visible=True).first
    expect(shown).to_contain_text("Medewerker ingelogd")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("window.__cspViolations") == [] and errors == []
