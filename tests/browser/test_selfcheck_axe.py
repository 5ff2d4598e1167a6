"""An automated accessibility check (axe-core, from the npm registry: `make test` installs it into
.venv/axe and names it in SAFEPASSAGE_AXE) on every page of the self-check in every
language, on a small phone with JavaScript: no serious or critical violation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from safepassage.web.casework.models import Organisation

from .conftest import SMALL_PHONE
from .selfcheck import LANGUAGES, load_with_state

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(
    os.environ.get("SAFEPASSAGE_AXE")
    or Path(__file__).parents[2] / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
)
PAGES = ["start", "question", "result", "contact"]
DANGER = {
    "work.country": "TH", "gate.confinement": "yes", "gate.violence": "yes",
    "work.locked_in": "yes", "work.physical_violence": "yes", "person.age": 30,
}  # fmt: skip
# Rules switched off, each with its reason. (None: every rule of axe's WCAG 2.x A/AA and best
# practice sets runs.)
DISABLED: dict[str, str] = {}
RUN = """async (disabled) => {
  const rules = Object.fromEntries(disabled.map(id => [id, {enabled: false}]));
  const result = await axe.run(document, {rules, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), f"axe-core is missing at {AXE}: run `make axe` (npm install axe-core)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_serious_accessibility_violation(
    browser: Browser, live_server: Any, axe_source: str, code: str
):
    Organisation.objects.create(
        name="Helping Hands", slug="hh", country="TH", accepts_self_check=True
    )
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    found = {}
    for name in PAGES:
        load_with_state(page, live_server.url, code, name, DANGER)
        if name == "result":
            page.locator("details.more-help summary").click()
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(RUN, list(DISABLED))
        found[name] = [v for v in violations if v["impact"] in ("serious", "critical")]
        print(f"{code} {name}: {[(v['id'], v['impact']) for v in violations] or 'no violation'}")
    context.close()
    assert not any(found.values()), f"{code}: {found}"
