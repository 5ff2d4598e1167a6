"""Reachable on a phone and with a keyboard: tap targets of at least 44 px (the language
buttons, every button and link button, and the contact form's radio buttons and checkbox, whose
labels take the tap), a visible focus ring, a skip link, and a help list that can be copied as
plain text (with JavaScript) or selected (without)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from safepassage.web.casework.models import Organisation

from .conftest import SMALL_PHONE
from .selfcheck import load_with_state

pytestmark = pytest.mark.django_db(transaction=True)

DANGER = {  # a result with every part: urgent advice, reasons, the primary contact, more help
    "work.country": "TH", "gate.confinement": "yes", "gate.violence": "yes",
    "work.locked_in": "yes", "work.physical_violence": "yes", "person.age": 30,
}  # fmt: skip
TARGET = 44
CONTROLS = "button, a.button, .help-channel a, select, summary, input:not([type=hidden])"
TARGETS = """() => [...document.querySelectorAll(CONTROLS + ', .brand, #quick-exit')]
  .filter(e => e.offsetParent !== null || e.id === 'quick-exit')
  .map(e => {
    const choice = e.type === 'radio' || e.type === 'checkbox';
    const box = (choice ? (e.closest('label') || e.labels[0]) : e).getBoundingClientRect();
    return {what: e.outerHTML.slice(0, 80), width: box.width, height: box.height};
  })""".replace("CONTROLS", repr(CONTROLS))


@pytest.fixture
def organisation(db: None) -> Any:
    return Organisation.objects.create(
        name="Helping Hands", slug="hh", country="TH", accepts_self_check=True
    )


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("code", ["en", "my"])
@pytest.mark.parametrize("name", ["start", "question", "result", "contact"])
def test_every_tap_target_is_at_least_44_px(
    phone: Page, live_server: Any, organisation: Any, code: str, name: str
):
    load_with_state(phone, live_server.url, code, name, DANGER)
    if name == "result":
        phone.locator("details.more-help summary").click()
    small = [t for t in phone.evaluate(TARGETS) if min(t["width"], t["height"]) < TARGET - 0.5]
    assert not small, f"{code} {name}: smaller than {TARGET} px: {small}"
    if name == "contact":
        assert phone.locator("input[type=radio]").count() >= 3
        assert phone.locator("input[type=checkbox]").count() == 1


def test_the_keyboard_sees_where_it_is_and_can_skip_to_the_content(phone: Page, live_server: Any):
    load_with_state(phone, live_server.url, "en", "result", DANGER)
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box
    assert box["width"] > 40, "the skip link shows when focused"
    assert box["y"] >= 0
    for _ in range(12):  # the quick exit, the brand, the languages, then the page
        ring = phone.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
              return [document.activeElement.outerHTML.slice(0, 60), s.outlineStyle,
                      parseFloat(s.outlineWidth), s.boxShadow]; }"""
        )
        assert ring[1] != "none", f"no visible focus on {ring}"
        assert ring[2] >= 2, f"a thin focus ring on {ring}"
        phone.keyboard.press("Tab")
    phone.keyboard.press("Shift+Tab")
    load_with_state(phone, live_server.url, "en", "result", DANGER)
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"


def test_it_copies_the_help_list_as_plain_text(browser: Browser, live_server: Any):
    context = browser.new_context(viewport=SMALL_PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    load_with_state(page, live_server.url, "th", "result", DANGER)
    name = page.locator(".primary-contact .contact-name").inner_text().strip()
    number = page.locator(".primary-contact a[href^='tel:']").first.get_attribute("href")
    expect(page.locator("[data-share]")).to_be_hidden()  # no share sheet in this browser
    copy = page.locator("[data-copy]")
    expect(copy).to_be_visible()
    copy.click()
    expect(page.locator(".copied")).not_to_be_empty()
    text = page.evaluate("navigator.clipboard.readText()")
    lines = text.strip().splitlines()
    assert lines[0].startswith(f"{name}: ")
    assert (number or "").removeprefix("tel:") in lines[0]
    assert len(lines) == 1 + page.locator(".more-help .help-channel").count()
    assert "<" not in text
    assert all(": " in line for line in lines)
    context.close()


def test_without_javascript_the_help_list_is_text_to_select(browser: Browser, live_server: Any):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    load_with_state(page, live_server.url, "km", "result", DANGER)
    expect(page.locator("[data-copy]")).to_be_hidden()
    page.locator(".more-help summary").click()
    channels = page.locator(".more-help .help-channel")
    assert channels.count() >= 5
    for line in channels.all_inner_texts()[:5]:  # each a line: the name, then what to tap
        name, _, contact = line.partition(":")
        assert name.strip()
        assert contact.strip()
        assert "\n" not in line.strip()
    for link in page.locator(".more-help .help-channel a").all()[:5]:
        href = link.get_attribute("href") or ""
        assert link.inner_text().strip() in (href.removeprefix("tel:"), href) or href.startswith(
            "tel:"
        )
    context.close()
