"""A name as linkage reads it: its words without titles or a firm's legal form, in Latin
letters (the best romanisation each script has), and its consonant skeleton, which the many
ways of writing a name in Latin letters share ("Kyaw", "Chaw" and Thai "จ่อ" read "cho" all
give "C"; "Maung", "Mg" and "หม่อง" give "MNG").

Romanisation by script: Thai through PyThaiNLP's RTGS rules (the Royal Institute's system,
which Thai officials use), except a Burmese name written in Thai, which is read back into the
Latin letters Burmese names are written in (`thai`); Burmese through the conventional spelling
of Burmese names (`burmese`), a syllable to a word, as the names are written in Latin letters;
Khmer and Lao through anyascii, the last resort (no RTGS-like system is available offline for
them), Lao's letters first put in spoken order (data/lao.yaml); Latin with its diacritics
taken off (Vietnamese "Nguyễn" -> "nguyen").
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

from . import burmese, thai

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
    if word.isascii():
        return "latin"
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
    title = kept[0] if len(kept) > 1 and _is_title(kept[0]) else None
    kept = _untitled(kept)
    latin = " ".join(_latin(kept, title))
    return Name(tuple(kept), latin, skeleton(latin), firm, sound(latin))


def _latin(words: list[str], title: str | None) -> list[str]:
    """Each word in Latin letters; the Thai ones of a Burmese or Vietnamese name by its table
    (`thai.reading`)."""
    table = thai.reading(words, title)
    found = []
    for word in words:
        read = table(word) if table and script_of(word) == "th" else None
        found.append(read or romanise(word))
    return found


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
    if word.isascii():  # Latin letters are written apart
        return [word]
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


def _doubled_name(words: list[str]) -> bool:
    first = words[0].lower().rstrip(".")
    return first in _affixes()["doubled_names"] and first == words[1].lower().rstrip(".")


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _set("titles")


def _untitled(words: list[str]) -> list[str]:
    """The words after the leading titles (a title only before another word: "Mr U Aung", "นาย
    นางออง"), abbreviations written out. Ma or Ko written twice is a name ("Ma Ma Win", "Ko
    Ko"), so it stays."""
    while len(words) > 1 and _is_title(words[0]) and not _doubled_name(words):
        words = words[1:]
    short = _affixes()["abbreviations"]
    return [short.get(w.lower().rstrip("."), w) for w in words]


def romanise(word: str) -> str:
    script = script_of(word)
    if script == "th":
        return thai.rtgs(word)
    if script == "my":
        return burmese.romanise(word)
    if script == "lo":
        word = _lao(word)
    return anyascii(word).lower()


@cache
def _lao_rules() -> dict[str, Any]:
    text = resources.files("safepassage.core.actors").joinpath("data/lao.yaml").read_text()
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _lao(word: str) -> str:
    """Lao letters in spoken order for anyascii (data/lao.yaml): a preposed vowel after its
    consonant, ອ after a consonant as "o", a tone-marking ຫ left out."""
    rules = _lao_rules()
    pre, sonorants = "".join(rules["preposed"]), "".join(rules["sonorants"])
    word = re.sub(f"{rules['tone_h']}(?=[{sonorants}])", "", word)
    word = re.sub(f"([{pre}])([\u0e81-\u0eae\u0edc-\u0edf])", r"\2\1", word)
    return re.sub(f"(?<=[\u0e81-\u0eae\u0edc-\u0edf]){rules['vowel_o']}", "o", word)


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


_ROUGH = str.maketrans({"G": "N", "J": "N"})


def rough(sound: str) -> str:
    """The sound with only the nasals merged that Thai writes alike for Burmese names (final n
    as ง, "ny" as ย or ญ): the sound's vowels and the rest of its consonants kept."""
    return sound.translate(_ROUGH)


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
    return "".join(_word_read(word)[1] for word in latin.split())


def sound(latin: str) -> str:
    """The skeleton with each run of vowels as a class of its own (`_vowel`): "Sokha" and
    "Sok" have one skeleton but not one sound, nor have "Hung" and "Huong", "Khin Naing" and
    "Khin Aung". Romanisations of one name disagree on vowels more than on consonants, so the
    classes merge the spellings they use for one vowel, and this is weighed apart from the
    skeleton."""
    # repeats collapse within a word only: "Thu Nwe" is not "Htun Nwe"
    return "".join(_word_read(word)[0] for word in latin.split())


@cache  # a caseload's names share their words: each is read once
def _word_read(word: str) -> tuple[str, str]:
    """A word's sound and skeleton, from one pass over its letters (`_TOKENS`)."""
    tokens = _TOKENS.findall(word if word.isalpha() else "".join(filter(str.isalpha, word)))
    heard: list[str] = []
    consonants: list[str] = []
    for k, token in enumerate(tokens):
        found = _FIXED.get(token)
        if found is None:
            found = _token_class(token, k, tokens)
        if found and (not heard or heard[-1] != found):
            heard.append(found)
            if found.isupper() and (not consonants or consonants[-1] != found):
                consonants.append(found)
    return "".join(heard), "".join(consonants)


def _token_class(token: str, k: int, tokens: list[str]) -> str:
    """The class of the letters at `tokens[k]` that depends on what follows: a vowel run's,
    "w" and "y" only before a vowel, a lone "h" only at the word's start before one."""
    if token[0] in _VOWELS:
        return _vowel(token)
    before_vowel = k + 1 < len(tokens) and tokens[k + 1][0] in _VOWELS
    if token in ("w", "y"):
        return token.upper() if before_vowel else ""
    if token == "h":
        return "H" if k == 0 and before_vowel else ""
    return ""


# The vowel classes (lower case: the consonants' are capitals): the spellings romanisations of
# these languages use for one vowel (Burmese ေ as "e" in Swe and "ay" in Htay; Suu, Su and Oo),
# apart where they are apart in a name (Zaw and Soe, Aung and Zaw, Naing and Nay). First match
# wins; anything else, its first letter.
_VOWEL_RUNS = [
    (("uo", "ua", "ue", "uy", "uea"), "w"),  # Huong (Vietnamese ươ), Tuan, Thai ua
    (("oa", "wa"), "q"),  # Hoang (Vietnamese oa)
    (("ai", "aai", "aiy"), "y"),  # Naing, Hlaing, Thai ai
    (("au", "ao", "aau"), "v"),  # Aung, Maung
    (("aw", "aaw"), "c"),  # Zaw, Kyaw (Burmese ော)
    (("ay", "e", "ei", "ey", "ae", "ea", "eh", "aey"), "e"),  # Htay, Swe, Thein, Pyae
    (("oo", "uu", "ou", "u"), "u"),
    (("o", "oe", "oh", "ow", "oy"), "o"),
    (("ee", "ii", "ie", "i", "iy"), "i"),
]


@cache
def _vowel(run: str) -> str:
    for spellings, vowel in _VOWEL_RUNS:
        if run in spellings:
            return vowel
    return "a" if run.startswith("a") else run[0]


_PAIRS = {spelling: found for spelling, found in _CLASSES if len(spelling) == 2}
_SINGLES = {spelling: found for spelling, found in _CLASSES if len(spelling) == 1}
# A word's letters as read: a run of vowels (a final "y" or "w" glide taken in: "Htay", "Zaw"),
# two letters of one class, or one letter.
_TOKENS = re.compile(
    "[aeiou]+(?:[yw](?![aeiou]))?|" + "|".join(sorted(_PAIRS, key=len, reverse=True)) + "|."
)
# The letters whose class does not depend on what follows them.
_FIXED = {t: c for t, c in {**_SINGLES, **_PAIRS}.items() if t not in ("w", "y", "h")}
