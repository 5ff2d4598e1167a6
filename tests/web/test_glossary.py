"""Every catalogue uses the legal terms of docs/glossary.md.

The glossary has a table of concepts (which are checked here) and a table of terms, one row per
concept and language. Wherever the English text of a message contains a checked concept's English
term (case-insensitive, placeholders left out), its translation must contain the glossary term or
one of the forms the glossary also accepts; no translation may contain a rejected word (Burmese
ဒုက္ခသည်, "refugee", for a victim). Burmese is written in one register, the written one, which the
glossary states. The catalogues are read with polib.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.test import Client

from .test_translations import LANGUAGES, PLACEHOLDER, catalogue, translations

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"
STATUSES = {"verified", "partly verified", "unverified"}
CHECKED = ("forced-labour", "trafficking", "victim", "recruiter")  # as the issue asks
# The spoken-register forms the glossary excludes from Burmese. Each is matched where it cannot be
# part of a written word: ဒီ not inside ကမ္ဘောဒီးယား nor as ဒီဇင်ဘာ (December) or ဒီမို (democratic),
# ဘာ not in ဘာသာ, ရော်ဘာ or ဘား, မယ် not in the name မယ်တော်, and so on.
SPOKEN_BURMESE = re.compile(
    r"တယ်(?!နှင့်| သို့မဟုတ်)"  # but ဟိုတယ် (hotel) is a loanword
    r"|မယ်(?!တော်)|ရဲ့|တဲ့|လို့|နဲ့|ဘူး|သလဲ|တခြား|တစ်ယောက်ယောက်|အဲဒီ"  # not Mae Tao's name
    r"|(?<!ပါ)သလား"  # the written yes/no question ends ပါသလား
    r"|(?<![\u1000-\u109f])ဒီ(?!ဇင်ဘာ|မို)|ဘယ်|(?<![\u1000-\u109f])ဘာ(?![သး]|ရိန်း)|တွေ(?!့)"
)


@dataclass(frozen=True)
class Term:
    concept: str
    language: str
    forms: tuple[str, ...]  # the term first, then the forms also accepted
    rejected: tuple[str, ...]
    source: str
    status: str


def _rows(heading: str) -> list[dict[str, str]]:
    """The rows of the first Markdown table under `## heading`, keyed by its header."""
    section = GLOSSARY.read_text(encoding="utf-8").split(f"\n## {heading}\n", 1)[1]
    lines = [line.strip() for line in section.split("\n## ", 1)[0].splitlines()]
    table = [line for line in lines if line.startswith("|")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    rows = []
    for line in table[2:]:  # after the header and the | --- | line
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert len(cells) == len(header), f"glossary row has {len(cells)} cells: {line}"
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(form.strip() for form in cell.split(";") if form.strip())


@cache
def concepts() -> dict[str, tuple[str, bool]]:
    """concept -> (English term, checked)."""
    return {
        row["Concept"]: (row["English term"], row["Checked"] == "yes") for row in _rows("Concepts")
    }


@cache
def terms() -> dict[tuple[str, str], Term]:
    found = {}
    for row in _rows("Terms"):
        key = (row["Concept"], row["Language"])
        assert key not in found, f"glossary: two rows for {key}"
        found[key] = Term(
            concept=row["Concept"],
            language=row["Language"],
            forms=(row["Term"], *_forms(row["Also accepted"])),
            rejected=_forms(row["Rejected"]),
            source=row["Source"],
            status=row["Status"],
        )
    return found


def _english(msgid: str) -> str:
    """The English text a reader sees: placeholders such as {recruiters} are not words."""
    return PLACEHOLDER.sub(" ", msgid).lower()


def test_the_glossary_gives_every_concept_in_every_language_with_its_source():
    checked = {concept for concept, (_, is_checked) in concepts().items() if is_checked}
    assert checked == set(CHECKED), f"the glossary checks {sorted(checked)}, this test {CHECKED}"
    missing = [(c, lang) for c in concepts() for lang in LANGUAGES if (c, lang) not in terms()]
    assert not missing, f"glossary rows missing: {missing}"
    for term in terms().values():
        assert term.concept in concepts(), f"unknown concept {term.concept}"
        assert term.language in LANGUAGES, f"unknown language {term.language}"
        assert term.forms[0], f"no term for {term.concept} in {term.language}"
        assert term.status in STATUSES, f"{term.concept}/{term.language}: status {term.status!r}"
        if term.status != "unverified":
            assert "http" in term.source, f"{term.concept}/{term.language}: source has no URL"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("concept", CHECKED)
def test_each_catalogue_uses_the_glossary_term(concept: str, language: str):
    english, _ = concepts()[concept]
    term = terms()[(concept, language)]
    forms = [form.lower() for form in term.forms]
    uses = [e for e in catalogue(language) if english.lower() in _english(e.msgid)]
    assert uses, f"no message mentions {english!r}: is the glossary's English term right?"
    wrong = [
        (entry.msgid, text)
        for entry in uses
        for text in translations(entry)
        if not any(form in text.lower() for form in forms)
    ]
    assert not wrong, (
        f"{language}: {len(wrong)} translation(s) of {english!r} do not use the glossary term "
        f"{term.forms[0]!r} (docs/glossary.md): {wrong[:5]}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalogue_uses_a_rejected_word(language: str):
    rejected = [
        word for term in terms().values() if term.language == language for word in term.rejected
    ]
    wrong = [
        (entry.msgid, text, word)
        for entry in catalogue(language)
        for text in translations(entry)
        for word in rejected
        if word in text
    ]
    assert not wrong, f"{language}: rejected word(s) of docs/glossary.md used: {wrong[:5]}"


def test_burmese_never_calls_a_victim_a_refugee():
    assert "ဒုက္ခသည်" in terms()[("victim", "my")].rejected
    victims = [e for e in catalogue("my") if "victim" in e.msgid.lower()]
    assert victims
    assert not [e.msgid for e in victims if "ဒုက္ခသည်" in e.msgstr]


def test_burmese_is_written_in_one_register():
    spoken = [
        (entry.msgid, text, SPOKEN_BURMESE.findall(text))
        for entry in catalogue("my")
        for text in translations(entry)
        if SPOKEN_BURMESE.search(text)
    ]
    assert not spoken, (
        f"{len(spoken)} Burmese translation(s) use the spoken register; docs/glossary.md "
        f"(Register) asks for the written one: {spoken[:5]}"
    )


def test_no_burmese_sentence_says_i_do_not_respect():
    # "Some of your rights ... are not respected" once read "(I) don't respect some of your rights".
    entry = catalogue("my").find(
        "Some of your rights at work are not respected. You can claim them, and help is free."
    )
    assert entry
    assert "မလေးစားပါ" not in entry.msgstr
    assert "လေးစားလိုက်နာခြင်း မရှိပါ" in entry.msgstr


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_page_labels_are_translated(language: str):
    page = html.unescape(Client().get(f"/{language}/accounts/login/").content.decode())
    labels = re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)
    assert len(labels) == 2, labels
    for english, label in zip(("Username", "Password"), labels, strict=True):
        expected = catalogue(language).find(english).msgstr
        assert expected
        assert expected in label, f"{language}: {english} label reads {label!r}"
        assert english not in label
