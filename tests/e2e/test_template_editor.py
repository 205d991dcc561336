"""The owner edits a message template; a bad placeholder is refused when saving."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [375, 1280])
def test_owner_edits_the_access_link_mail(live_portal, page_at, width):
    page = page_at(width)
    page.goto(f"{live_portal}/dev/login")
    page.get_by_role("button", name=re.compile("Sanne de Vries")).click()
    expect(page.get_by_role("heading", name="Hallo Sanne de Vries")).to_be_visible()
    page.goto(f"{live_portal}/editor/templates")
    expect(page.get_by_role("heading", name="Berichtsjablonen")).to_be_visible()
    expect(page.get_by_text("{{customer_panel_url}}", exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    subject = page.locator("input[name=subject]")
    expect(subject).to_have_value("Je toegangslink voor {{business_name}}")

    subject.fill("Inloggen bij {{business_naam}}")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "De variabele {{business_naam}} bestaat niet voor dit bericht"
    )

    page.locator("input[name=subject]").fill(
        f"Uw persoonlijke link ({width}) {{{{business_name}}}}"
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_test_id("template-saved")).to_be_visible()

    customer = page_at(width)
    customer.goto(f"{live_portal}/portal/login")
    customer.get_by_label("E-mailadres").fill("lucas@example.com")
    customer.get_by_role("button", name="Stuur mij een inloglink").click()
    expect(customer.get_by_test_id("login-notice")).to_be_visible()
    customer.goto(f"{live_portal}/dev/mailbox")
    expect(customer.get_by_test_id("mail").first).to_contain_text(
        f"Uw persoonlijke link ({width}) Garage De Vries"
    )

    page.get_by_role("button", name="Standaardtekst terugzetten").click()
    expect(page.locator("input[name=subject]")).to_have_value(
        "Je toegangslink voor {{business_name}}"
    )


def test_staff_member_cannot_edit_templates(live_portal, page_at):
    page = page_at(1280)
    page.goto(f"{live_portal}/dev/login")
    page.get_by_role("button", name=re.compile("Daan Jansen")).click()
    expect(page.get_by_role("heading", name="Hallo Daan Jansen")).to_be_visible()
    page.goto(f"{live_portal}/editor/templates")
    expect(page.get_by_text("Alleen de eigenaar kan het portaal inrichten.")).to_be_visible()
    expect(page.locator("input[name=subject]")).to_have_count(0)
