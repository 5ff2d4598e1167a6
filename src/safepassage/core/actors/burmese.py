"""Burmese script in Latin letters, syllable by syllable, as Burmese names are conventionally
written (data/burmese.yaml says why and from where); ICU's Myanmar-Latin for what the table
does not cover."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

ASAT, VIRAMA, CREAKY = "\u103a", "\u1039", "\u1037"
MEDIAL_Y, MEDIAL_R, MEDIAL_W, MEDIAL_H = "\u103b", "\u103c", "\u103d", "\u103e"
# A syllable starts at a consonant or vowel letter that no asat or virama makes a final.
_START = re.compile(r"(?<!\u1039)([\u1000-\u102a\u103f\u104c-\u104f])(?!\u1037?[\u103a\u1039])")


@cache
def _rules() -> dict[str, Any]:
    text = resources.files("safepassage.core.actors").joinpath("data/burmese.yaml").read_text()
    rules: dict[str, Any] = yaml.safe_load(text)
    return rules


def syllables(text: str) -> list[str]:
    """The syllables of a run of Burmese letters ("အောင်ကျော်" -> ["အောင်", "ကျော်"])."""
    marked = _START.sub(lambda m: "\x00" + m.group(1), text)
    return [part for part in marked.split("\x00") if part]


def romanise(text: str) -> str:
    """Burmese text in conventional Latin letters, lower case, a syllable to a word: Burmese
    names are made of one-syllable words, written apart in Latin letters ("မောင်မောင်" ->
    "maung maung", as "Maung Maung") though together in Burmese script."""
    return " ".join(_syllable(s) for word in text.split() for s in syllables(word))


def _syllable(syllable: str) -> str:
    rules = _rules()
    head, rest = syllable[0], syllable[1:].replace(VIRAMA, ASAT)
    if head in rules["vowel_letters"]:  # its tone marks change no letter (ဦး: "u")
        return str(rules["vowel_letters"][head])
    if head not in rules["initials"]:
        return _icu(syllable)
    initial, rest = _medials(head, rest)
    vowel = _rhyme(rest, initial)
    return _icu(syllable) if vowel is None else initial + vowel


def _medials(head: str, rest: str) -> tuple[str, str]:
    rules = _rules()
    initial = str(rules["initials"][head])
    if rest[:1] in (MEDIAL_Y, MEDIAL_R):
        initial = rules["medials"]["ky"].get(head) or initial + "y"
        rest = rest[1:]
    if rest[:1] == MEDIAL_W and _is_medial_w(rest):
        initial, rest = initial + "w", rest[1:]
    if rest[:1] == MEDIAL_H:  # Hla, Hnin; but ရှ and ယှ are "sh" (Shwe)
        initial = "sh" + initial[1:] if head in "ရယ" else "h" + initial
        rest = rest[1:]
    return initial, rest


def _is_medial_w(rest: str) -> bool:
    """Whether ွ is a medial "w" (Lwin, Swe) and not part of its rhyme (Htun: ွန်)."""
    return rest not in _rules()["rhymes"] and rest.replace(CREAKY, "") not in _rules()["rhymes"]


def _rhyme(rest: str, initial: str) -> str | None:
    creaky = CREAKY in rest
    rest = rest.replace(CREAKY, "")
    if rest.startswith(MEDIAL_H):  # ှ after the medial wa (ွှ): the h goes before the initial
        rest = rest[1:]
    found = _rules()["rhymes"].get(rest)
    if found is None:
        return None
    vowel = str(found)
    if creaky and ASAT in rest and vowel.endswith("n") and not vowel.endswith("ng"):
        vowel += "t"
    return vowel


@cache
def _transliterator() -> Any:
    import icu

    return icu.Transliterator.createInstance("Myanmar-Latin")


def _icu(syllable: str) -> str:
    return str(_transliterator().transliterate(syllable)).lower()
