"""The self-check's start, question and result pages in every language, with and without
JavaScript, on the first screen of a small phone (360x640): each renders in its language, Start
is on the first screen, and nothing scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import SMALL_PHONE
from .selfcheck import LANGUAGES, prefix, tap

pytestmark = pytest.mark.django_db(transaction=True)


def _fits(page: Page, code: str, name: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", code)
    assert page.locator("main h1").inner_text().strip(), f"{code} {name}: no heading"
    assert page.locator("#quick-exit").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SMALL_PHONE["width"], f"{code} {name}: {width} px wide"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_it_shows_each_page_on_a_small_phone(
    browser: Browser, live_server: Any, code: str, javascript: bool
):
    context = browser.new_context(
        viewport=SMALL_PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{prefix(code)}/check/")
    _fits(page, code, "start")
    start = page.locator("main form button[type=submit]").first
    box = start.bounding_box()
    assert box
    assert box["y"] + box["height"] <= SMALL_PHONE["height"], f"{code}: Start at {box}"
    assert page.locator("noscript").count() == 1
    tap(page, start)
    _fits(page, code, "question")
    assert page.locator('form.question input[name="question"]').count() == 1
    tap(page, page.locator('form.question button[name="answer"][value="unknown"]'))
    _fits(page, code, "second question")
    tap(page, page.locator("main form:not(.question) button"))  # stop and see my result
    _fits(page, code, "result")
    expect(page.locator(".primary-contact")).to_be_visible()
    assert page.locator(".primary-contact a[href]").count() >= 1
    assert page.context.cookies() == []
    context.close()
