"""A customer agrees to the terms, downloads their data and erases it, in the browser."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from portal_app.core import paths
from portal_app.domain.customers.models import Customer
from tests.factories import add_customer, one

pytestmark = pytest.mark.e2e


def test_customer_downloads_and_erases_their_data(live_portal, live, page_at):
    name, email, customer_id = add_customer(live, "Privacy")
    page = page_at(375)
    page.goto(f"{live_portal}/dev/login")
    page.get_by_role("button", name=re.compile(name)).click()
    expect(page.get_by_test_id("welcome")).to_be_visible()
    page.goto(f"{live_portal}{paths.PRIVACY}")
    page.get_by_role("button", name="Ik ga akkoord").click()
    expect(page.get_by_test_id("consent-given")).to_contain_text("Je ging akkoord op")
    expect(page.get_by_test_id("data-section").first).to_contain_text(email)
    with page.expect_download() as download:
        page.get_by_test_id("download-data").click()
    document = json.loads(open(download.value.path()).read())
    assert document["profile"]["email"] == email
    assert {c["kind"] for c in document["consents"]} == {"terms", "privacy"}
    page.get_by_label("Typ je e-mailadres om te bevestigen").fill("iemand@example.com")
    page.get_by_role("button", name="Mijn gegevens wissen").click()
    expect(page.get_by_role("alert")).to_contain_text("niet het e-mailadres van je account")
    page.get_by_label("Typ je e-mailadres om te bevestigen").fill(email)
    page.get_by_role("button", name="Mijn gegevens wissen").click()
    expect(page).to_have_url(re.compile(r"/portal/login/?$"))
    assert one(live, Customer, Customer.id == customer_id).email != email
