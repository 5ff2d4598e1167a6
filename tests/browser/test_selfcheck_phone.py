"""A migrant completes the self-check in Khmer on a phone-sized screen and sees the help channels;
the quick exit leaves the site."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from .conftest import PHONE
from .selfcheck import tap

pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = {
    "work.country": "KH", "work.sector": "online_scam", "work.locked_in": "yes",
    "work.forced_criminal_activity": "yes", "work.free_to_leave": "no",
    "work.physical_violence": "yes", "recruitment.deceived_about_job": "yes",
    "person.age": "24",
}  # fmt: skip


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="km-KH")
    yield context.new_page()
    context.close()


def _tap_through(page: Page) -> int:
    taps = 0
    while page.locator('input[name="question"]').count() and taps < 40:
        qid = page.locator('input[name="question"]').get_attribute("value") or ""
        value = ANSWERS.get(qid, "unknown")
        if qid == "person.age":  # each answer page replaces this one in place: wait for it
            page.locator('input[name="number"]').fill(value)
            tap(page, page.locator("form.question button[type=submit]").first)
        else:
            tap(page, page.locator(f'form.question button[name="answer"][value="{value}"]'))
        taps += 1
    return taps


def test_it_completes_the_self_check_in_khmer_on_a_phone(phone: Page, live_server: Any):
    phone.goto(f"{live_server.url}/km/check/")
    expect(phone.locator("html")).to_have_attribute("lang", "km")
    tap(phone, phone.locator("main form button[type=submit]").first)
    taps = _tap_through(phone)
    assert 3 <= taps <= 25
    expect(phone.locator("[data-level]").first).to_have_attribute("data-level", "forced_labour")
    channels = phone.locator(".help-channel")
    assert channels.count() >= 2
    assert phone.locator('.help-channel a[href^="tel:"]').count() >= 1
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing forces sideways scrolling on a phone
    assert phone.context.cookies() == []  # nothing kept on the phone


def test_it_leaves_the_site_with_the_quick_exit(phone: Page, live_server: Any):
    def outside(route: Route) -> None:  # no network here: stand in for the neutral site
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>")

    phone.route("https://www.google.com/**", outside)
    phone.goto(f"{live_server.url}/check/")
    tap(phone, phone.locator("main form button[type=submit]").first)
    phone.locator("#quick-exit").click()
    phone.wait_for_url("https://www.google.com/**")
    assert live_server.url not in phone.url
    # location.replace: going back does not return to the self-check's page
    phone.go_back()
    assert "/check/question/" not in phone.url
