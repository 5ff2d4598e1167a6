"""The quick exit on a shared phone, with JavaScript: after a few answers, the red button (or
the Esc key) leaves for the neutral page, and Chromium's history (DevTools
`Page.getNavigationHistory`) holds no page of the self-check to go Back to."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .conftest import SMALL_PHONE
from .selfcheck import answer, start

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(browser: Browser, live_server: Any, settings: Any) -> Any:
    settings.SAFEPASSAGE_QUICK_EXIT_URL = f"{live_server.url}/healthz"  # local, not the check
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def _history(page: Page) -> list[str]:
    cdp = page.context.new_cdp_session(page)
    entries = cdp.send("Page.getNavigationHistory")["entries"]
    cdp.detach()
    return [entry["url"] for entry in entries]


@pytest.mark.parametrize("how", ["button", "escape"])
def test_it_leaves_no_self_check_page_in_the_history(phone: Page, live_server: Any, how: str):
    start(phone, live_server.url, "my")
    for value in ("TH", "unknown", "unknown"):
        answer(phone, value)
    assert "/check/" in phone.url
    if how == "button":
        phone.locator("#quick-exit").click()
    else:
        phone.keyboard.press("Escape")
    phone.wait_for_url(f"{live_server.url}/healthz")
    history = _history(phone)
    assert history, "no history read"
    assert not [url for url in history if "/check/" in url], history
    assert phone.evaluate("history.length") == len(history)
