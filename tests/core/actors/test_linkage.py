"""Splink scores pairs of spellings over what `names` reads of them: one actor's spellings in
Burmese and Latin script are suggested together, a phone number in two formats counts, and
other people's names nearby are not suggested. (Thai-script spellings of Burmese names, typos
and most cross-script pairs are not suggested yet: bench/linkage.py measures how far.)"""

from __future__ import annotations

import itertools
import random

from safepassage.core.actors.linkage import Model, Spelling, rows, score

WORDS = [
    "Min", "Zaw", "Htun", "Khin", "Moe", "Win", "Soe", "Thein", "Maung", "Hla", "Myint",
    "Thant", "Lwin", "Naing", "Htet", "Phyo", "Somchai", "Prasert", "Suda", "Sokha", "Dara",
]  # fmt: skip


def _others(count: int) -> list[Spelling]:
    """Other people: names of two of WORDS (none is Aung Kyaw), as a caseload has them."""
    names = sorted(" ".join(p) for p in itertools.permutations(WORDS, 2))
    return [Spelling(f"d{i}", t) for i, t in enumerate(random.Random(1).sample(names, count))]


def _suggested(pairs) -> set[frozenset[str]]:
    return {frozenset((p.left, p.right)) for p in pairs}


def test_it_suggests_a_broker_written_in_burmese_and_latin_script_as_one():
    spellings = [*_others(300), Spelling("my", "ကိုအောင်ကျော်"), Spelling("en", "Ko Aung Kyaw")]
    found = _suggested(score(spellings))
    assert frozenset(("my", "en")) in found
    assert all(pair & {"my", "en"} for pair in found if pair & {"my", "en"})


def _odds(spellings: list[Spelling]) -> float:
    pairs = score(spellings, Model(threshold=0.0))
    chance = next(p.probability for p in pairs if {p.left, p.right} == {"a", "b"})
    return chance / (1 - chance)


def test_it_reads_one_phone_written_two_ways_as_evidence():
    """The same number, written two ways, makes two similar names far likelier one actor: the
    odds, since the probabilities of a small caseload come near 1 either way."""
    names = [("a", "Mr Zaw Lin Htut"), ("b", "Ko Zaw Lin")]
    phones = {"a": ("081 234 5678",), "b": ("+66 81-234-5678",)}
    without = _odds([*_others(300), *(Spelling(i, t) for i, t in names)])
    with_phone = _odds([*_others(300), *(Spelling(i, t, phones[i]) for i, t in names)])
    assert with_phone > 1000 * without


def test_it_suggests_no_pair_of_different_names():
    found = score(_others(300))
    texts = {s.id: s.text for s in _others(300)}
    wrong = [(texts[p.left], texts[p.right]) for p in found]
    assert len(wrong) <= 3, wrong  # made of the same 21 words, a few differ only in a vowel


def test_it_reads_each_spelling_into_one_row():
    table = rows([Spelling("x", "U Thein Sein", ("081 234 5678",), "TH")])
    row = table.to_pylist()[0]
    assert row["latin"] == "theinsein"
    assert row["skeleton"] == "TNSN"
    assert row["phones"] == ["+66812345678"]
