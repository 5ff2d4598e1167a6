"""Signing in a member of staff in the browser, as the case-work browser tests all do."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ..web.conftest import PASSWORD


def log_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_be_visible()
