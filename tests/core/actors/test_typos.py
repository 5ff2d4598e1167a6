"""A name written once with a typing slip is read as the name it is one slip from, where that
name is written more often and the slip made a word no one else has; two strangers' names one
letter apart, made of words others have too, are left apart."""

from __future__ import annotations

from safepassage.core.actors import typos
from safepassage.core.actors.linkage import Spelling, score


def test_it_reads_a_slip_as_the_name_written_more_often():
    names = ["thein sein", "thein sein", "thein ein", "u thein", "sein win"]
    assert typos.slips(names) == {"thein ein": "thein sein"}
    swapped = ["nguyen phu trong"] * 2 + ["nguyen phu tronng", "nguyen hpu trong"]
    assert typos.slips(swapped) == {
        "nguyen phu tronng": "nguyen phu trong",  # a letter added
        "nguyen hpu trong": "nguyen phu trong",  # two letters swapped
    }


def test_it_leaves_names_made_of_words_others_have():
    names = ["zaw win", "zaw win", "zaw min", "min htun"]
    assert typos.slips(names) == {}  # Zaw Min is a name of its own, not a slip of Zaw Win


def test_it_leaves_a_slip_with_two_neighbours():
    assert typos.corrections(["sokhan", "sokhan", "sokham", "sokham", "sokhax"], 6) == {}


def test_it_suggests_a_slip_but_not_two_names_one_letter_apart():
    """ "Thein Sien" beside two "Thein Sein" is suggested with them, "Zaw Min" and "Zaw Win"
    (each written once, of words others have) are not, though both pairs are one slip apart."""
    firsts, lasts = ("Aung", "Kyaw", "Win", "Min"), ("Soe", "Moe", "Hla", "Thu", "Mya", "Zaw")
    spellings = [Spelling(f"o{a}{b}", f"{a} {b}") for a in firsts for b in lasts]
    spellings += [
        Spelling("a", "Thein Sein"),
        Spelling("b", "U Thein Sein"),
        Spelling("c", "Thein Sien"),
        Spelling("d", "Zaw Min"),
        Spelling("e", "Zaw Win"),
    ]
    found = {frozenset((p.left, p.right)) for p in score(spellings)}
    assert frozenset("ac") in found
    assert frozenset("de") not in found


def test_a_long_name_with_a_slip_at_either_end_is_still_read():
    """The first or last three letters are a cheap test before the deletions: a slip at a
    long name's start or end leaves the other end to find it by."""
    names = ["Thandar Kyaw"] * 3 + ["Thnadar Kyaw", "Thandar Kyw", "Zaw Min"]
    found = typos.slips(n.lower() for n in names)
    assert found == {"thnadar kyaw": "thandar kyaw", "thandar kyw": "thandar kyaw"}
