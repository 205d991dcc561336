"""What the browser tests do again and again: sign in, pick, read the dev mailbox."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page


def sign_in(page: Page, base: str, who: str) -> None:
    """Sign in as a demo person through the dev sign-in page."""
    page.goto(f"{base}/dev/login")
    page.get_by_role("button", name=re.compile(re.escape(who))).click()
    page.wait_for_url(re.compile(r"/(portal|staff)/?$"))


def no_sideways_scroll(page: Page, width: int) -> None:
    """The page fits the viewport's width."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def pick(page: Page, trigger: Locator, option: str) -> None:
    """Choose an option of a select."""
    trigger.click()
    page.get_by_role("option", name=option, exact=True).click()


def mailbox(page: Page, base: str, *texts: str) -> Locator:
    """The dev mailbox's messages holding every one of `texts`."""
    page.goto(f"{base}/dev/mailbox")
    mail = page.get_by_test_id("mail")
    for part in texts:
        mail = mail.filter(has_text=part)
    return mail
