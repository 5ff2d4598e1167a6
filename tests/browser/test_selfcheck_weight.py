"""Light on a cheap phone: every page of the self-check but the contact form (where a person
types, and the full fonts load) is at most 50 KB on first load in every language, measured in
Chromium with the cache disabled as the sum of every request's transferred bytes (DevTools
`Network.loadingFinished` encodedDataLength: headers and body as sent).

The self-check's fonts are subsets cut to the glyphs the catalogues use (scripts/build_fonts.py):
the second test draws every catalogue text with the subset and with the full font and finds any
that come out differently (a text added to a catalogue after the fonts were cut), so that the
fonts are rebuilt."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polib
import pytest
from playwright.sync_api import Browser, Page

from safepassage.web.casework.models import Organisation

from .selfcheck import LANGUAGES, load_with_state, post_state, prefix, submit

pytestmark = pytest.mark.django_db(transaction=True)

LIMIT = 51_200  # 50 KB
VIEWPORT = {"width": 360, "height": 640}
LOCALE = Path(__file__).resolve().parents[2] / "src/safepassage/locale"
STATIC = Path(__file__).resolve().parents[2] / "src/safepassage/web/static/safepassage"
RESULTS = {  # results with the most on them: in danger, a child, a wage problem
    "danger": {
        "work.country": "TH", "gate.confinement": "yes", "gate.violence": "yes",
        "work.locked_in": "yes", "work.physical_violence": "yes", "person.age": 30,
    },
    "child": {"work.country": "TH", "person.age": 16},
    "wages": {
        "work.country": "TH", "person.age": 30, "gate.pay_taken": "yes",
        "work.wages_withheld": "yes", "work.months_unpaid": 3,
    },
}  # fmt: skip


class Meter:
    """Bytes transferred for the page loads that happen inside `measure`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.urls: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)

    def _sent(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def measure(self, load: Any) -> tuple[int, dict[str, int]]:
        self.page.wait_for_load_state("networkidle")  # the previous page has finished loading
        self.urls.clear()
        self.sizes.clear()
        load()
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("document.fonts.ready")
        self.page.wait_for_load_state("networkidle")
        unfinished = [self.urls[r] for r in self.urls if r not in self.sizes]
        assert not unfinished, f"requests that did not finish: {unfinished}"
        found = {self.urls[r].split("/", 3)[-1]: self.sizes[r] for r in self.urls}
        return sum(self.sizes[r] for r in self.urls), found


@pytest.fixture
def organisation(db: None, settings: Any) -> Any:
    settings.SAFEPASSAGE_CONTACT_LIMIT = 100  # one request a language, from one address
    return Organisation.objects.create(
        name="Helping Hands", slug="hh", country="TH", accepts_self_check=True
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_page_is_at_most_50_kb(
    browser: Browser, live_server: Any, organisation: Any, code: str
):
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True)
    page = context.new_page()
    meter = Meter(page)
    base = live_server.url
    start = f"{base}{prefix(code)}/check/"
    weights = {"start": meter.measure(lambda: page.goto(start))}
    weights["question"] = meter.measure(lambda: post_state(page, base, code, "question"))
    for name, answers in RESULTS.items():
        page.goto(start)
        weights[f"result ({name})"] = meter.measure(
            lambda a=answers: post_state(page, base, code, "result", a)
        )
    load_with_state(page, base, code, "contact", RESULTS["danger"])
    page.locator("#id_phone").fill("0812345678")
    page.locator("#id_consent").check()
    weights["thanks"] = meter.measure(lambda: submit(page, "main form", {}))
    assert page.locator("[data-reference]").count() == 1
    context.close()
    for name, (total, requests) in weights.items():
        big = sorted(requests.items(), key=lambda item: -item[1])[:4]
        print(f"{code} {name}: {total} bytes in {len(requests)} requests; largest {big}")
    heavy = {name: total for name, (total, _) in weights.items() if total > LIMIT}
    assert not heavy, f"{code}: over {LIMIT} bytes: {heavy}"
    fonts = [url for url in weights["result (danger)"][1] if url.endswith(".woff2")]
    assert fonts
    assert not [url for url in fonts if "/check-" not in url and "/name-" not in url]


STACKS = {  # the self-check's subset stack, and the full fonts' (fonts.css), per language
    "en": ('"SPC Sans"', '"SP Noto Sans"'),
    "vi": ('"SPC Sans"', '"SP Noto Sans"'),
    "th": ('"SPC Thai", "SPC Sans"', '"SP Noto Looped Thai", "SP Noto Sans"'),
    "km": ('"SPC Khmer", "SPC Sans"', '"SP Noto Sans Khmer", "SP Noto Sans"'),
    "lo": ('"SPC Lao", "SPC Sans"', '"SP Noto Looped Lao", "SP Noto Sans"'),
    "my": ('"SPC Myanmar", "SPC Sans"', '"SP Noto Sans Myanmar", "SP Noto Sans"'),
}
# Latin and Vietnamese letters are split between two faces in both sets (at different letters), so
# kerning between letters of different faces may differ a little (a share of the width); their
# code points are checked as well. A script's runs must come out the same.
TOLERANCE = {"en": 0.01, "vi": 0.01}
DRAW = """async ([texts, small, full, tolerance]) => {
  const box = document.createElement("div");
  box.style.cssText = "position:absolute;top:0;left:0;font-size:20px;white-space:pre";
  for (const text of texts) {
    for (const family of [small, full]) {
      const span = document.createElement("span");
      span.style.fontFamily = family;
      span.textContent = text;
      box.append(span, document.createElement("br"));
    }
  }
  document.body.append(box);
  box.offsetWidth;
  await document.fonts.ready;
  const spans = [...box.querySelectorAll("span")];
  const widths = spans.map(s => s.getBoundingClientRect().width);
  box.remove();
  const allowed = b => (tolerance ? Math.max(2, tolerance * b) : 0.5);
  return texts.map((t, i) => [t, widths[2 * i], widths[2 * i + 1]])
    .filter(([, a, b]) => Math.abs(a - b) > allowed(b));
}"""


def _ranges(text: str) -> set[int]:
    points: set[int] = set()
    for part in text.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


SCRIPTS = {"th": (0x0E00, 0x0E7F), "km": (0x1780, 0x17FF), "lo": (0x0E80, 0x0EFF)}
SCRIPTS["my"] = (0x1000, 0x109F)
JOINERS = "\u200b\u200c\u200d\u25cc"


def _texts(code: str) -> list[str]:
    """The catalogue's texts; for a script, each run of its letters (Latin is checked apart)."""
    po = polib.pofile(str(LOCALE / ("th" if code == "en" else code) / "LC_MESSAGES/django.po"))
    if code == "en":
        return sorted({t for e in po for t in (e.msgid, e.msgid_plural) if t})
    texts = {t for e in po for t in [e.msgstr, *e.msgstr_plural.values()] if t}
    if code not in SCRIPTS:
        return sorted(texts)
    low, high = SCRIPTS[code]
    runs = re.findall(f"[{chr(low)}-{chr(high)}{JOINERS}]+", "\n".join(texts))
    return sorted({run for run in runs if run.strip(JOINERS)})


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_subset_fonts_draw_every_catalogue_text_as_the_full_fonts(
    browser: Browser, live_server: Any, code: str
):
    page = browser.new_page()
    page.goto(f"{live_server.url}{prefix(code)}/check/")
    page.add_style_tag(url=f"{live_server.url}/static/safepassage/fonts.css")
    texts = _texts(code)
    assert len(texts) > 100
    differ = page.evaluate(DRAW, [texts, *STACKS[code], TOLERANCE.get(code, 0)])
    page.close()
    if code in ("en", "vi"):  # every letter is in one of Latin's two faces
        css = (STATIC / "fonts-selfcheck.css").read_text(encoding="utf-8")
        latin = set().union(
            *(_ranges(r) for r in re.findall(r'"SPC Sans".*?unicode-range:([^}]+)', css))
        )
        missing = {
            c
            for t in texts
            for c in t
            if c.isprintable() and ord(c) < 0x2E00 and ord(c) not in latin
        }
        assert not missing, f"{code}: the subset lacks {sorted(missing)}"
    assert not differ, (
        f"{code}: {len(differ)} texts drawn unlike the full font, run scripts/build_fonts.py: "
        f"{differ[:5]}"
    )
