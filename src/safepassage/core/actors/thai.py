"""Thai script in Latin letters. A Burmese name written in Thai is read back into the Latin
letters Burmese names are written in (data/thai_burmese.yaml says from where), since Thai writes
those names its own way (หม่อง for Maung, จ่อ for Kyaw) and RTGS, made for Thai words, reads them
as Thai ("mong", "cho"); a Vietnamese name likewise into Vietnamese letters (data/
thai_vietnamese.yaml: เหงียน for Nguyễn, which RTGS reads "ngian"). Every other Thai word goes
through PyThaiNLP's RTGS rules (the Royal Institute's system, which Thai officials use)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import yaml

# Tone marks and the shortening sign ็: set aside before a syllable is looked up, since Thai
# writers disagree on them most (มิน, มิ้น and มี่น are all Min).
_MARKS = dict.fromkeys(map(ord, "\u0e47\u0e48\u0e49\u0e4a\u0e4b"))


@cache
def _table(language: str = "burmese") -> dict[str, Any]:
    path = resources.files("safepassage.core.actors").joinpath(f"data/thai_{language}.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


@cache
def _syllables(language: str = "burmese") -> dict[str, str]:
    return {key: str(reading[0]) for key, reading in _table(language)["syllables"].items()}


@cache
def _longest(language: str) -> int:
    return max(len(key) for key in _syllables(language))


def burmese_titles() -> frozenset[str]:
    """Titles written in Thai that say the name after them is Burmese (อู, ดอว์, โก)."""
    return frozenset(_table()["titles"])


@cache
def as_burmese(word: str) -> str | None:
    """The word as a Burmese name's syllables in Latin letters, one space between ("มินอ่อง
    หล่าย" -> "min aung hlaing"), or None if it does not split wholly into the table's
    syllables. Of the ways it splits, the one with the fewest syllables."""
    return _split(word, "burmese")


@cache
def as_vietnamese(word: str) -> str | None:
    """The word as a Vietnamese name's syllables in Latin letters (เหงียนฟูจ่อง -> "nguyen phu
    trong"), or None if it does not split wholly into the table's syllables."""
    return _split(word, "vietnamese")


def _split(word: str, language: str) -> str | None:
    """The word split wholly into the syllables of a language's table, fewest syllables first,
    their readings one space between; None if it does not split so."""
    plain = word.translate(_MARKS)
    table = _syllables(language)
    longest = _longest(language)
    # best[i]: the fewest syllables that spell plain[:i] (None: no way to)
    best: list[list[str] | None] = [[]] + [None] * len(plain)
    for end in range(1, len(plain) + 1):
        for start in range(max(0, end - longest), end):
            head, piece = best[start], plain[start:end]
            shorter = best[end] is None or len(head or ()) + 1 < len(best[end] or ())
            if head is not None and piece in table and shorter:
                best[end] = [*head, table[piece]]
    found = best[len(plain)]
    return " ".join(found) if found else None


def reads_as_burmese(words: Sequence[str], title: str | None) -> bool:
    """Whether a name's Thai words are a Burmese name: a Burmese title came first, or every
    Thai word splits wholly into the table's syllables (a Thai name such as สมชาย does not)."""
    thai = [w for w in words if any("\u0e00" <= c <= "\u0e7f" for c in w)]
    if not thai:
        return False
    return title in burmese_titles() or all(as_burmese(w) for w in thai)


def reads_as_vietnamese(words: Sequence[str]) -> bool:
    """Whether a name is a Vietnamese name written in Thai: every word of it Thai and split
    wholly into the table's syllables, two at least in all (a Thai name's words do not split
    so: สมชาย, ธีรพงศ์)."""
    read = [as_vietnamese(w) for w in words]
    return all(read) and sum(len(r.split()) for r in read if r) > 1


def reading(words: Sequence[str], title: str | None) -> Callable[[str], str | None] | None:
    """How a name's Thai words are read if not by RTGS: as a Burmese name's syllables
    (`reads_as_burmese`), else as a Vietnamese name's (`reads_as_vietnamese`), else None."""
    if reads_as_burmese(words, title):
        return as_burmese
    if reads_as_vietnamese(words):
        return as_vietnamese
    return None


@cache
def rtgs(word: str) -> str:
    from pythainlp.transliterate import romanize

    # Only the letters: PyThaiNLP passes on a mark it has no rule for (ง็อก: "ng็k").
    return "".join(c for c in str(romanize(word, engine="royin")).lower() if "a" <= c <= "z")
