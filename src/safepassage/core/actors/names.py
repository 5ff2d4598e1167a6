"""A name as linkage reads it: its words without titles or a firm's legal form, in Latin
letters (the best romanisation each script has), and its consonant skeleton, which the many
ways of writing a name in Latin letters share ("Kyaw", "Chaw" and Thai "จ่อ" read "cho" all
give "C"; "Maung", "Mg" and "หม่อง" give "MNG").

Romanisation by script: Thai through PyThaiNLP's RTGS rules (the Royal Institute's system,
which Thai officials use), Burmese through the conventional spelling of Burmese names
(`burmese`), Khmer and Lao through anyascii, the last resort (no RTGS-like system is available
offline for them), Latin with its diacritics taken off (Vietnamese "Nguyễn" -> "nguyen").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

from . import burmese

SCRIPTS = {"th": (0x0E00, 0x0E7F), "lo": (0x0E80, 0x0EFF), "my": (0x1000, 0x109F),
           "km": (0x1780, 0x17FF)}  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?", re.UNICODE)


@dataclass(frozen=True)
class Name:
    """What linkage compares of one spelling."""

    words: tuple[str, ...]  # as written, without titles and legal forms
    latin: str  # the words in Latin letters, lower case, one space between
    skeleton: str  # the consonant classes of `latin`, words joined
    firm: bool  # a legal form was written (Co., Ltd.; บริษัท ... จำกัด)
    sound: str = ""  # the skeleton with a class for each run of vowels (`sound`)


@cache
def _affixes() -> dict[str, Any]:
    text = resources.files("safepassage.core.actors").joinpath("data/affixes.yaml").read_text()
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def _set(kind: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for words in _affixes()[kind].values() for w in words)


def script_of(word: str) -> str:
    """The script of a word's first letter that is not Latin ("latin" if none)."""
    for char in word:
        for script, (low, high) in SCRIPTS.items():
            if low <= ord(char) <= high:
                return script
    return "latin"


def read(text: str) -> Name:
    words = _words(text)
    forms = _set("legal_forms")
    firm = any(w.lower().rstrip(".") in forms for w in words)
    kept = [w for w in words if w.lower().rstrip(".") not in forms]
    kept = _untitled(kept)
    latin = " ".join(romanise(w) for w in kept)
    return Name(tuple(kept), latin, skeleton(latin), firm, sound(latin))


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    found = []
    for word in re.split(r"[\s,;/()]+", text):
        word = word.strip(".-'\"“”")
        if word:
            found.extend(_split_glued(word))
    return found


def _split_glued(word: str) -> list[str]:
    """Titles and legal forms written onto the name (Burmese and Thai need no spaces):
    "ဦးအောင်ကျော်" -> "ဦး", "အောင်ကျော်"; "บริษัทธรรมเกษตรจำกัด" -> its three parts."""
    for kind in ("titles", "legal_forms"):
        for script in ("my", "th", "km", "lo"):
            for affix in sorted(_affixes()[kind].get(script, []), key=len, reverse=True):
                if (
                    word.startswith(affix)
                    and len(word) > len(affix)
                    and _starts_syllable(word[len(affix) :], script)
                ):
                    return [affix, *_split_glued(word[len(affix) :])]
                if kind == "legal_forms" and word.endswith(affix) and len(word) > len(affix):
                    return [*_split_glued(word[: -len(affix)]), affix]
    return [word]


def _starts_syllable(rest: str, script: str) -> bool:
    """Whether a title's letters are a whole syllable here: Burmese "မ" (Ma) before "မြ" is
    only the first letter of "မြ", not the title."""
    if script != "my":
        return True
    return bool(burmese.syllables(rest)) and burmese.syllables("မ" + rest)[0] == "မ"


def _untitled(words: list[str]) -> list[str]:
    """The words after one leading title (a title only before another word), abbreviations
    written out."""
    if len(words) > 1 and words[0].lower().rstrip(".") in _set("titles"):
        words = words[1:]
    short = _affixes()["abbreviations"]
    return [short.get(w.lower().rstrip("."), w) for w in words]


def romanise(word: str) -> str:
    script = script_of(word)
    if script == "th":
        return _thai(word)
    if script == "my":
        return burmese.romanise(word)
    return anyascii(word).lower()


@cache
def _thai(word: str) -> str:
    from pythainlp.transliterate import romanize

    return str(romanize(word, engine="royin")).lower().replace(" ", "")


# The consonant classes: spellings that romanisations of these languages use for one sound (or
# for sounds they confuse) share a class. Longest spelling first.
_CLASSES = [
    ("ng", "G"), ("ny", "J"), ("nh", "J"), ("gn", "J"),
    ("ch", "C"), ("ky", "C"), ("gy", "C"), ("tr", "C"), ("j", "C"), ("c", "K"),
    ("kh", "K"), ("gh", "K"), ("k", "K"), ("g", "K"), ("q", "K"),
    ("th", "T"), ("ht", "T"), ("dh", "T"), ("t", "T"), ("d", "T"),
    ("ph", "P"), ("bh", "P"), ("p", "P"), ("b", "P"), ("f", "F"),
    ("hs", "S"), ("sh", "S"), ("ts", "S"), ("s", "S"), ("z", "S"), ("x", "S"),
    ("hl", "L"), ("hn", "N"), ("hm", "M"), ("l", "L"), ("r", "L"),
    ("m", "M"), ("n", "N"), ("v", "W"),
]  # fmt: skip
_VOWELS = set("aeiou")
# Classes that the scripts' own spellings of a foreign name confuse: Thai writes Burmese final
# "n" as ง (Thein Sein: เต็ง เส่ง) and "sh" as ฉ or ช (Than Shwe: ทั่น ฉ่วย); Lao and Thai write
# "ny" as ย or ญ; w and y glides come and go.
_COARSE = str.maketrans({"G": "N", "J": "N", "C": "S", "W": None, "Y": None, "H": None})


def coarse(skeleton: str) -> str:
    """The skeleton with the classes scripts confuse merged and every repeat collapsed, across
    words too, since Thai and Burmese write a name's words together ("Kyu Kyu" and "จูจู")."""
    merged = skeleton.translate(_COARSE)
    return "".join(c for i, c in enumerate(merged) if i == 0 or merged[i - 1] != c)


def skeleton(latin: str) -> str:
    """The consonant classes of a Latin-letter name, vowels left out (romanisations disagree on
    vowels most); "w" and "y" count only before a vowel, "h" only at a word's start before
    one. Repeated classes collapse within a word ("Thammakaset" and "Thamakaset" are one), not
    across words: "Thant Thu Kyi" is not "Thant Kyi" (`coarse` merges across words too)."""
    out: list[str] = []
    for word in latin.split():
        word = "".join(c for c in word if c.isalpha())
        classes: list[str] = []
        i = 0
        while i < len(word):
            step, found = _class_at(word, i)
            if found and (not classes or classes[-1] != found):
                classes.append(found)
            i += step
        out.extend(classes)
    return "".join(out)


def sound(latin: str) -> str:
    """The skeleton with each run of vowels as a class of its own (one with an "a" is "a";
    else one starting with "e" or "i" is "i"; else "u"): "Sokha" and "Sok" have one
    skeleton but not one sound, nor have "Hung" and "Hoang". Romanisations of one name
    disagree on vowels more than on consonants, so this is weighed apart from the skeleton."""
    out: list[str] = []
    for word in latin.split():
        word = "".join(c for c in word if c.isalpha())
        i = 0
        while i < len(word):
            if word[i] in _VOWELS:
                j = i
                while j < len(word) and word[j] in _VOWELS:
                    j += 1
                run = word[i:j]
                vowel = "a" if "a" in run else "i" if run[0] in "ei" else "u"
                if not out or out[-1] != vowel:
                    out.append(vowel)
                i = j
                continue
            step, found = _class_at(word, i)
            if found and (not out or out[-1] != found):
                out.append(found)
            i += step
        out.append(" ")
    return "".join(out).replace(" ", "")


def _class_at(word: str, i: int) -> tuple[int, str]:
    rest = word[i:]
    nxt = rest[1:2]
    if rest[0] in _VOWELS:
        return 1, ""
    if rest[0] in "wy":
        return 1, ("W" if rest[0] == "w" else "Y") if nxt in _VOWELS else ""
    if rest[0] == "h" and not rest.startswith(("hs", "hl", "hn", "hm", "ht")):
        return 1, "H" if i == 0 and nxt in _VOWELS else ""
    for spelling, found in _CLASSES:
        if rest.startswith(spelling):
            return len(spelling), found
    return 1, ""
