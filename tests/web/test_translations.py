"""Every user-facing string is translated into Thai, Khmer, Lao, Burmese and Vietnamese.

English is the source language: its text is the msgid, so it has no catalogue. For each other
language, every message the source would extract (templates, web code, the interview questions
and the core's marked strings through messages_core.py) must have a non-fuzzy translation that
keeps its placeholders, and the compiled django.mo must say the same as django.po. The catalogues
are read with polib: no GNU gettext is needed to run these tests.
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import polib
import pytest
from django.conf import settings
from django.test import Client
from myanmartools import ZawgyiDetector

from safepassage import i18n
from safepassage.core.interview import questions

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "messages.py"
_spec = importlib.util.spec_from_file_location("safepassage_messages_script", SCRIPT)
assert _spec
assert _spec.loader
messages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(messages)
LANGUAGES, LOCALE = messages.LANGUAGES, messages.LOCALE

PLACEHOLDER = re.compile(
    r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[sdifgeExXr]"  # %(field)s
    r"|%[#0 +-]*\d*(?:\.\d+)?[sdifgeExXr]"  # %s
    r"|\{[A-Za-z_]\w*(?:[!:][^{}]*)?\}"  # {provider}, {low:g}
)
SCRIPTS = {  # each translation must be written (at least partly) in the language's own script
    "th": "[\u0e00-\u0e7f]",
    "km": "[\u1780-\u17ff]",
    "lo": "[\u0e80-\u0eff]",
    "my": "[\u1000-\u109f]",
    "vi": "[a-zA-Zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]",
}
SAME_IN_EVERY_LANGUAGE = {"SafePassage", "Facebook", "LINE", "MOU", "ICLS 2018", "ID"}
# The start page's heading, and the first question, as each language must show them.
START = "Check your situation at work"


@cache
def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str, percent: bool = True) -> Counter[str]:
    """The placeholders of a text; `percent=False` for a message never %-formatted (flagged
    no-python-format: a knowledge text's "9% doing" is a percentage, not a placeholder)."""
    found = PLACEHOLDER.findall(text)
    return Counter(p for p in found if percent or not p.startswith("%"))


def test_english_is_the_source_and_every_other_language_has_a_catalogue():
    codes = [code for code, _ in settings.LANGUAGES]
    assert settings.LANGUAGE_CODE == "en"
    assert sorted(codes) == sorted(["en", *LANGUAGES])
    for language in LANGUAGES:
        assert (LOCALE / language / "LC_MESSAGES" / "django.po").is_file()


def test_the_generated_core_messages_are_current():
    assert messages.CORE_MESSAGES.read_text(encoding="utf-8") == messages.render_core_messages(), (
        "src/safepassage/web/common/messages_core.py is stale: run `make messages`"
    )


def test_the_generated_knowledge_messages_are_current():
    written = messages.KNOWLEDGE_MESSAGES.read_text(encoding="utf-8")
    assert written == messages.render_knowledge_messages(), (
        "src/safepassage/web/common/messages_knowledge.py is stale: run `make messages`"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_source_is_in_the_catalogue(language: str):
    known = {entry.msgid for entry in catalogue(language)}
    missing = sorted(messages.source_messages() - known)
    assert not missing, (
        f"{len(missing)} message(s) not in the {language} catalogue: run `make messages` and "
        f"translate them: {missing[:10]}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert not po.metadata_is_fuzzy
    untranslated = [
        e.msgid
        for e in po
        if not e.obsolete and ("fuzzy" in e.flags or not all(t.strip() for t in translations(e)))
    ]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    plural = [e.msgid for e in po if e.msgid_plural and len(e.msgstr_plural) != 1]
    assert not plural, f"{language} has one plural form: {plural}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language: str):
    wrong = []
    for entry in catalogue(language):
        percent = "no-python-format" not in entry.flags
        expected = placeholders(entry.msgid_plural or entry.msgid, percent)
        wrong += [
            (entry.msgid, t)
            for t in translations(entry)
            if t and placeholders(t, percent) != expected
        ]
    assert not wrong, f"placeholders changed in {language}: {wrong[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_are_in_the_language_and_not_copies_of_the_english(language: str):
    script = re.compile(SCRIPTS[language])
    wrong = [
        (entry.msgid, text)
        for entry in catalogue(language)
        for text in translations(entry)
        if text
        and entry.msgid not in SAME_IN_EVERY_LANGUAGE
        and (not script.search(text) or (language != "vi" and text == entry.msgid))
    ]
    assert not wrong, f"not {language}: {wrong[:5]}"


def test_burmese_is_unicode_not_zawgyi():
    texts = [text for entry in catalogue("my") for text in translations(entry)]
    # The detector needs text: single short words are valid in both encodings.
    assert ZawgyiDetector().get_zawgyi_probability(" ".join(texts)) < 0.01
    # Zawgyi types the vowel sign E before its consonant and uses the stacked and Shan-range
    # code points for its own glyph variants; Unicode Burmese does neither.
    zawgyi = [t for t in texts if re.search(r"(^|[^\u1000-\u109f])\u1031|[\u1050-\u109f]", t)]
    assert not zawgyi, f"Zawgyi-encoded Burmese: {zawgyi[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_says_what_the_po_says(language: str):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))

    def table(entries: Any) -> dict[tuple[str, str], tuple[str, ...]]:
        return {
            (e.msgid, e.msgid_plural): tuple(translations(e))
            for e in entries
            if e.msgid and "fuzzy" not in e.flags and all(translations(e))
        }

    assert table(mo) == table(po), f"{language}: django.mo is stale: run `make messages`"
    assert mo.metadata.get("Plural-Forms") == po.metadata["Plural-Forms"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_shows_the_translation(language: str):
    expected = catalogue(language).find(START).msgstr
    page = Client().get(f"/{language}/check/").content.decode()
    assert f'lang="{language}"' in page
    assert expected in page
    assert START not in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_question_is_translated(language: str):
    start = Client().get(f"/{language}/check/").content.decode()
    state = start.split('name="state" value="')[1].split('"')[0]
    page = Client().post(f"/{language}/check/question/", {"state": state}).content.decode()
    asked = [q.text for q in questions().values() if q.text in html.unescape(page)]
    shown = [q.text for q in questions().values() if _(catalogue(language), q.text) in page]
    assert not asked, f"English question on the {language} page: {asked}"
    assert shown, f"no translated question on the {language} page"


def _(po: polib.POFile, msgid: str) -> str:
    entry = po.find(msgid)
    return html.escape(entry.msgstr) if entry and entry.msgstr else msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_line_reads_the_same_catalogue(language: str):
    try:
        i18n.activate(language)
        assert i18n._("yes") == catalogue(language).find("yes").msgstr
    finally:
        i18n.activate("en")
