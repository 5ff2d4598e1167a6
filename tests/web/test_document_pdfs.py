"""The case summary and the referral letter as real PDFs, in each language and script: every
glyph drawn by one of our fonts and present in its embedded subset (fontTools over what the PDF
embeds), the first page as Poppler draws it equal to the reviewed picture of it, and Thai dates
in the Buddhist era.

The pictures are in tests/web/documents. When a document changes on purpose (its template, a
translation, the knowledge it shows), make them again and look at every one before committing:
    UPDATE_DOCUMENT_REFERENCES=1 .venv/bin/python -m pytest tests/web/test_document_pdfs.py
"""

from __future__ import annotations

import io
import os
from datetime import date
from functools import cache
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from safepassage.web.casework import documents
from safepassage.web.casework.models import Case
from safepassage.web.documents.pdf import ASSETS

from .conftest import refer, share_consent_for
from .pdfs import REFERENCES, difference, fonts, page_images, source_font

DAY = date(2026, 12, 4)
# A worker's name in each language's own script, as a case worker would type it.
NAMES = {
    "en": "Sokha Chan",
    "th": "สมชาย ใจดี",
    "km": "សុខា ចាន់",
    "lo": "ສົມພອນ ແກ້ວມະນີ",
    "my": "အောင်ကျော်မိုး",
    "vi": "Nguyễn Thị Hương",
}
KINDS = ("summary", "letter")
UPDATE = os.environ.get("UPDATE_DOCUMENT_REFERENCES") == "1"
ALLOWED = 0.002  # share of pixels that may differ (anti-aliasing on another Poppler or FreeType)


def _pdf(kind: str, language: str, case: Case, user: Any) -> bytes:
    case.name = NAMES[language]
    case.save()
    if kind == "summary":
        return documents.summary_pdf(user=user, case=case, language=language, today=DAY)
    referral = refer(user, Case.objects.get(pk=case.pk))
    share_consent_for(case)  # so the letter names the worker: their name in their script
    return documents.letter_pdf(user=user, referral=referral, language=language, today=DAY)


@cache
def _source(name: str) -> TTFont:
    return source_font(name)


@pytest.mark.parametrize("language", NAMES)
@pytest.mark.parametrize("kind", KINDS)
def test_it_draws_every_glyph_with_our_own_fonts(kind, language, case, alice):
    embedded = fonts(_pdf(kind, language, case, alice))
    names = sorted(font.name.split("+", 1)[-1] for font in embedded)
    assert names, "no font embedded"
    assert all(name.startswith("SPD-") for name in names), names  # none the machine had
    for font in embedded:
        assert font.drawn, f"{font.name} is embedded but draws nothing"
        source = _source(font.name)
        assert font.missing(source) == set(), f"{font.name} cannot draw {font.missing(source)}"
    scripts = {"th": "SPD-Thai", "km": "SPD-Khmer", "lo": "SPD-Lao", "my": "SPD-Myanmar"}
    if language in scripts:
        assert scripts[language] in names  # the language's own font drew its words


@pytest.mark.parametrize("language", NAMES)
@pytest.mark.parametrize("kind", KINDS)
def test_it_looks_as_reviewed(kind, language, case, alice, tmp_path):
    image = page_images(_pdf(kind, language, case, alice))[0]
    reference = REFERENCES / f"{kind}-{language}.png"
    if UPDATE:
        image.convert("L").quantize(16).save(reference, optimize=True)  # 12 KB, not 60
    assert reference.exists(), f"no reviewed picture {reference.name}: see this module's doc"
    changed = difference(image, Image.open(reference))
    if changed > ALLOWED:
        image.save(tmp_path / reference.name)
        pytest.fail(f"{changed:.2%} of {reference.name} differs; now drawn: {tmp_path}")


def test_it_tells_a_drawn_page_from_another(case, alice):
    """The comparison sees a different document: the Thai summary is not the Lao one."""
    thai = page_images(_pdf("summary", "th", case, alice))[0]
    assert difference(thai, Image.open(REFERENCES / "summary-lo.png")) > 0.01
    assert difference(thai, Image.open(REFERENCES / "summary-th.png")) <= ALLOWED


@pytest.mark.parametrize("kind", KINDS)
def test_it_dates_a_thai_document_in_the_buddhist_era(kind, case, alice):
    pdf = _pdf(kind, "th", case, alice)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "2569" in text  # 2026 + 543; only the digits: shaped Thai extracts unreliably
    english = _pdf(kind, "en", case, alice)
    assert "4 December 2026" in PdfReader(io.BytesIO(english)).pages[0].extract_text()


def test_it_finds_a_font_that_is_not_ours_and_a_glyph_it_lacks():
    """The font check fails on what it should: a PDF drawn with another font (the web's Thai
    face), and a glyph the embedded font has no outline for (the .notdef box)."""
    from weasyprint import HTML

    web = ASSETS.parents[2] / "static" / "safepassage" / "fonts" / "noto-looped-thai-400.woff2"
    face = f'@font-face {{ font-family: "Web Thai"; src: url("{web.as_uri()}") }}'
    html = f'<style>{face} p {{ font-family: "Web Thai" }}</style><p>\u0e01\u0e02</p>'
    embedded = fonts(HTML(string=html).write_pdf())
    assert [font.name.split("+", 1)[-1] for font in embedded] == ["Web-Thai"]
    font = embedded[0]
    source = TTFont(web)
    assert font.missing(source) == set()
    font.drawn.add(0)
    assert font.missing(source) == {0}
