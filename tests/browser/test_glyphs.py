"""Every script renders with SafePassage's own fonts, and each language's page still looks as it
did when a person checked it (so missing glyphs, boxes or dotted circles are caught).

1. Chromium reports which fonts drew each element (DevTools `CSS.getPlatformFontsForNode`): every
   glyph of the page's text must come from a self-hosted web font, not from whatever the machine
   has installed; a phone without a Khmer font would otherwise show boxes.
2. A screenshot per language is compared with the reference in `screenshots/`, made once and
   looked at by a person. After an intended change, regenerate them with
   `SAFEPASSAGE_UPDATE_SCREENSHOTS=1 make test` and look at them before committing.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ("en", "th", "km", "lo", "my", "vi")
REFERENCES = Path(__file__).parent / "screenshots"
UPDATE = os.environ.get("SAFEPASSAGE_UPDATE_SCREENSHOTS") == "1"
TOLERANCE = (
    0.01  # share of pixels that may differ (anti-aliasing), far below one missing glyph line
)


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def _fonts_for(page: Page, selector: str) -> list[dict[str, Any]]:
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found: list[dict[str, Any]] = []
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        found.extend(cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_it_draws_every_glyph_with_its_own_fonts(phone: Page, live_server: Any, code: str):
    prefix = "" if code == "en" else f"/{code}"
    phone.goto(f"{live_server.url}{prefix}/check/")
    phone.evaluate("document.fonts.ready")
    fonts = _fonts_for(phone, "main h1, main p, main button, nav.languages button")
    assert fonts, "Chromium reported no fonts"
    system = sorted({f["familyName"] for f in fonts if not f["isCustomFont"]})
    assert system == [], f"{code}: glyphs drawn by system fonts {system}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_it_looks_as_the_reference_screenshot(phone: Page, live_server: Any, code: str):
    prefix = "" if code == "en" else f"/{code}"
    phone.goto(f"{live_server.url}{prefix}/check/")
    phone.evaluate("document.fonts.ready")
    shot = Image.open(io.BytesIO(phone.screenshot(full_page=True))).convert("RGB")
    reference = REFERENCES / f"selfcheck-start-{code}.png"
    if UPDATE:
        REFERENCES.mkdir(exist_ok=True)
        shot.save(reference, optimize=True)
    assert reference.exists(), f"no reference screenshot {reference.name}: see this module's doc"
    expected = Image.open(reference).convert("RGB")
    assert shot.size == expected.size, f"{code}: page size changed {expected.size} -> {shot.size}"
    diff = ImageChops.difference(shot, expected).convert("L").point(lambda v: 255 if v > 48 else 0)
    changed = sum(1 for v in diff.get_flattened_data() if v) / (shot.size[0] * shot.size[1])
    assert changed <= TOLERANCE, f"{code}: {changed:.1%} of pixels differ from {reference.name}"
