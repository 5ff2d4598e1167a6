"""Four people take the self-check to the end in Chromium on a small phone, with JavaScript, in
two languages each: the result page shows first the contact that the reviewed table
(selfcheck_personas.yaml) expects, with that contact's source, and no embassy but their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from safepassage.web.selfcheck.views import FROM_LANGUAGE

from .conftest import SMALL_PHONE
from .selfcheck import answer_all, prefix, start, tap

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((Path(__file__).parent / "selfcheck_personas.yaml").read_text("utf-8"))
CHANNELS = yaml.safe_load(
    (ROOT / "src/safepassage/core/knowledge/data/countries/TH/help_channels.yaml").read_text(
        "utf-8"
    )
)["parameters"]
CASES = [(name, code) for name, persona in TABLE.items() for code in persona["expected"]]


def _answers(persona: dict[str, Any]) -> dict[str, Any]:
    answers = dict(persona["answers"])
    if "answers_from" in persona:
        account = yaml.safe_load((ROOT / persona["answers_from"]).read_text("utf-8"))["account"]
        for part in ("person", "recruitment", "transit"):
            answers.update({f"{part}.{k}": v for k, v in account.get(part, {}).items()})
        answers.update({f"work.{k}": v for k, v in account["work"][-1].items()})
    return answers


def _sources(channel: str) -> set[str]:
    values = CHANNELS[channel]["values"].values()
    return {v.get("citation", {}).get("url") for v in values} - {None}


def _embassies_for(nationality: str) -> set[str]:
    return {
        name
        for name, p in CHANNELS.items()
        if any(nationality in v["value"].get("nationals_of", []) for v in p["values"].values())
    }


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_the_table_names_real_channels_and_their_sources():
    for name, persona in TABLE.items():
        assert set(persona["expected"]) >= set(), name
        assert len(persona["expected"]) >= 2, f"{name}: at least two languages"
        for code, row in persona["expected"].items():
            assert row["primary"] in CHANNELS, (name, code)
            assert row["source"] in _sources(row["primary"]), (name, code, row["source"])
            assert row["why"].strip(), (name, code)


@pytest.mark.parametrize(("name", "code"), CASES)
def test_it_shows_each_person_the_contact_the_table_expects(
    phone: Page, live_server: Any, name: str, code: str
):
    persona = TABLE[name]
    start(phone, live_server.url, code)
    asked = answer_all(phone, _answers(persona), persona["otherwise"])
    assert phone.locator("[data-level]").count() == 1, f"{name}/{code}: no result after {asked}"
    if FROM_LANGUAGE.get(code) != persona["nationality"]:  # confirm the person's country
        phone.select_option("#nationality", persona["nationality"])
        tap(phone, phone.locator("form.nationality button:not([formaction])"))
    assert phone.url.startswith(f"{live_server.url}{prefix(code)}/check/")
    primary = phone.locator(".primary-contact").get_attribute("data-primary")
    shown = phone.locator("[data-channel]").evaluate_all("els => els.map(e => e.dataset.channel)")
    embassies = {c for c in shown if c.startswith("embassy_")}
    situation = phone.locator("[data-situation]").get_attribute("data-situation")
    print(f"{name}/{code}: {len(asked)} questions, {situation}, first {primary}, {shown}")
    assert primary == persona["expected"][code]["primary"], f"{name}/{code}: first {primary}"
    assert embassies <= _embassies_for(persona["nationality"]), f"{name}/{code}: {embassies}"
