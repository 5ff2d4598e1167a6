"""Driving the self-check in Chromium: its languages, answering questions with taps (in place,
with JavaScript) and posting a prepared state as a real page load."""

from __future__ import annotations

import contextlib
from typing import Any

from django.conf import settings
from playwright.sync_api import Error, Page

from safepassage.web.selfcheck.state import State

LANGUAGES = [code for code, _ in settings.LANGUAGES]
# Waits until the page shown is a new one: swapped in place (JavaScript) or a new document.
MARK = "window.__page = document.body"
CHANGED = "() => document.body !== window.__page"


def prefix(code: str) -> str:
    return "" if code == "en" else f"/{code}"


def wait_for_new_page(page: Page) -> None:
    try:
        page.wait_for_function(CHANGED)
    except Error:  # a real page load (without JavaScript, or before the script ran)
        page.wait_for_load_state("load")
        page.wait_for_function(CHANGED)
    page.wait_for_load_state("load")


def start(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}{prefix(code)}/check/")
    page.evaluate(MARK)
    page.locator("main form button[type=submit]").first.click()
    wait_for_new_page(page)


def tap(page: Page, button: Any) -> None:
    page.evaluate(MARK)
    button.click()
    wait_for_new_page(page)


def answer(page: Page, value: Any) -> None:
    """Answer the question on the page with `value`: a tap, a number, an amount or a text."""
    form = page.locator("form.question")
    if isinstance(value, dict):
        form.locator('input[name="amount"]').fill(str(value["amount"]))
        form.locator('select[name="currency"]').select_option(value["currency"])
        form.locator('select[name="per"]').select_option(value["per"])
        tap(page, form.locator("button[type=submit]:not([name])").first)
    elif form.locator('input[name="number"]').count() and value != "unknown":
        form.locator('input[name="number"]').fill(str(value))
        tap(page, form.locator("button[type=submit]:not([name])").first)
    elif form.locator('input[name="text"]').count() and value != "unknown":
        form.locator('input[name="text"]').fill(str(value))
        tap(page, form.locator("button[type=submit]:not([name])").first)
    else:
        value = {True: "yes", False: "no"}.get(value, value)
        tap(page, form.locator(f'button[name="answer"][value="{value}"]'))


def question_id(page: Page) -> str | None:
    field = page.locator('form.question input[name="question"]')
    return field.get_attribute("value") if field.count() else None


def answer_all(page: Page, answers: dict[str, Any], otherwise: dict[str, Any]) -> list[str]:
    """Tap through to the result: each question from `answers`, else by the prefix of its id in
    `otherwise` ("gate." -> "no"), else "I don't know". Returns the questions asked."""
    asked: list[str] = []
    while (qid := question_id(page)) is not None:
        assert len(asked) < 40, f"no result after {asked}"
        default = next((v for p, v in otherwise.items() if qid.startswith(p)), "unknown")
        answer(page, answers.get(qid, default))
        asked.append(qid)
    return asked


SUBMIT = """([selector, fields]) => {
  const form = document.querySelector(selector);
  for (const [name, value] of Object.entries(fields)) {
    let input = form.querySelector(`input[name="${name}"]`);
    if (!input) {
      input = Object.assign(document.createElement("input"), {type: "hidden", name});
      form.append(input);
    }
    input.value = value;
  }
  HTMLFormElement.prototype.submit.call(form);  // a real page load, not the in-place swap
}"""


def submit(page: Page, selector: str, fields: dict[str, str]) -> None:
    """Post the form as a new page load, with `fields` set."""
    page.evaluate(MARK)
    with contextlib.suppress(Error):  # the new page began loading before the call returned
        page.evaluate(SUBMIT, [selector, fields])
    wait_for_new_page(page)


def post_state(
    page: Page, base: str, code: str, page_name: str, answers: dict[str, Any] | None = None
) -> None:
    """From the start page, load one page of the check as a new document (not in place):
    "question" (the first), "result" (of `answers`) or "contact", by posting the start page's
    form with a prepared state."""
    state = State(answers=dict(answers or {}), asked=list(answers or {})).dumps()
    fields = {"state": State().dumps() if page_name == "question" else state}
    if page_name == "result":
        fields["finish"] = "1"
    if page_name == "contact":
        page.evaluate(
            "action => document.querySelector('main form').action = action",
            f"{base}{prefix(code)}/check/contact/",
        )
    submit(page, "main form", fields)


def load_with_state(
    page: Page, base: str, code: str, page_name: str, answers: dict[str, Any] | None = None
) -> None:
    """Load "start", "question", "result" or "contact" as a new document (see post_state)."""
    page.goto(f"{base}{prefix(code)}/check/")
    if page_name != "start":
        post_state(page, base, code, page_name, answers)
