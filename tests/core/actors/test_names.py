"""A name is read the same whichever script or romanisation wrote it: titles and legal forms
set aside, each script in Latin letters, and the consonant skeleton the spellings share."""

from __future__ import annotations

import pytest

from safepassage.core.actors import burmese
from safepassage.core.actors.names import coarse, read, skeleton

# Spellings of one name each, as published (bench/data/actor_names.yaml has the sources).
ALIKE = [
    ("Min Aung Hlaing", "မင်းအောင်လှိုင်"),
    ("มิน อ่อง หล่าย", "มินอ่องหล่าย", "มี่นอองไลง์"),  # Thai leaves out Hlaing's final ng
    ("Htin Kyaw", "ถิ่น จอ", "ထင်ကျော်"),
    ("Thein Sein", "သိန်းစိန်", "U Thein Sein"),
    ("Than Shwe", "သန်းရွှေ"),
    ("Hun Sen", "ហ៊ុន សែន", "ฮุน เซน", "ฮุนเซน"),
    ("Thongloun Sisoulith", "ທອງລຸນ ສີສຸລິດ", "ທ່ານ ທອງລຸນ ສີສຸລິດ", "ทองลุน สีสุลิด"),
    ("Aung San Suu Kyi", "အောင်ဆန်းစုကြည်", "อองซานซูจี", "นางอองซาน ซูจี"),
    ("Soe Win", "ซอวี่น"),
]


@pytest.mark.parametrize("spellings", ALIKE, ids=lambda s: s[0])
def test_it_gives_one_skeleton_to_the_spellings_of_one_name(spellings):
    assert len({read(s).skeleton for s in spellings}) == 1, [read(s) for s in spellings]


def test_it_merges_the_classes_scripts_confuse():
    """Thai writes a Burmese final n as ง and "sh" as ฉ or ช: where a Thai spelling is read
    by RTGS (a syllable `thai` has no reading for), the skeletons differ, the merged ones
    agree."""
    for one, other in (("thein sein", "theng seng"), ("than shwe", "than chwe")):
        assert skeleton(one) != skeleton(other)
        assert coarse(skeleton(one)) == coarse(skeleton(other))


def test_it_sets_aside_titles_and_legal_forms_glued_or_not():
    assert read("ဦးအောင်ကျော်").words == ("အောင်ကျော်",)
    assert read("U Aung Kyaw").latin == "aung kyaw"
    firm = read("บริษัทเบทาโกรจำกัด")
    assert firm.words == ("เบทาโกร",)
    assert firm.firm
    assert read("Thai Union Group PCL").latin == "thai union group"
    assert not read("Thai Union Group").firm


def test_it_keeps_a_title_that_is_the_whole_name_or_a_name_part():
    assert read("Ko Ko").latin == "ko ko"  # Ko written twice is a name, not two titles
    assert read("Daw Ma Ma Win").latin == read("Ma Ma Win").latin == "ma ma win"
    assert read("นาย นางอองซาน ซูจี").latin == "aung san su kyi"  # two titles set aside
    assert read("Ma").latin == "ma"
    assert read("Maung Maung").latin == "maung maung"  # Maung is as often a name
    assert read("Mg Mg").latin == "maung maung"


def test_it_reads_lao_in_spoken_order():
    """A preposed vowel after its consonant, ອ as "o", a tone-marking ຫ left out: Lao, Thai and
    Latin spellings of one name sound alike."""
    lao, thai, latin = "ທອງລຸນ ສີສຸລິດ", "ทองลุน สีสุลิด", "Thongloun Sisoulith"
    assert read(lao).latin == "thongloun sisoulid"
    assert read(lao).sound == read(thai).sound == read(latin).sound
    assert read("ສຸກສະຫວັນ").latin == "souksavan"


def test_it_writes_burmese_as_burmese_names_are_written():
    assert burmese.romanise("မြင့်ဆွေ") == "myint hsway"  # Myint: the creaky nasal's "t"
    assert burmese.romanise("ခင်ညွန့်") == "khin nyunt"  # a syllable to a word, as in Latin
    assert burmese.romanise("ထွန်းထွန်း") == "htun htun"  # ွန် is a rhyme, not a medial w
    assert burmese.romanise("ဦးအောင်") == "u aung"
    assert burmese.romanise("လုန်") == "lon"  # not YAML's True: "on" is quoted in the table
    assert burmese.syllables("မင်းအောင်လှိုင်") == ["မင်း", "အောင်", "လှိုင်"]


def test_it_keeps_vowels_out_of_the_skeleton_and_glides_before_vowels():
    assert skeleton("kyaw") == skeleton("chaw") == "C"
    assert skeleton("win") == "WN"
    assert skeleton("swe") == skeleton("hsway") == "SW"
    assert skeleton("thammakaset") == skeleton("thamakaset")


def test_it_tells_names_apart_by_their_vowels_in_the_sound_only():
    """ "Sokha" and "Sok", "Hung" and "Hoang" and "Huong", "Khin Naing" and "Khin Aung",
    "Zaw" and "Soe" share a skeleton; their sounds differ. Spellings of one vowel share one."""
    pairs = [("Sokha Kim", "Sok Kim"), ("Hung Le", "Hoang Le"), ("Huong Le", "Hoang Le"),
             ("Zaw Min", "Soe Min")]  # fmt: skip
    for one, other in pairs:
        assert read(one).skeleton == read(other).skeleton
        assert read(one).sound != read(other).sound
    assert read("ကိုအောင်ကျော်").sound == read("Ko Aung Kyaw").sound == "vGCc"
    assert read("Swe").sound == read("Hsway").sound  # Burmese ေ as "e" and as "ay"
    assert read("Suu Kyi").sound == read("Su Kyi").sound
    assert read("Khinnaing").sound != read("Khin Aung").sound  # Naing's ai is not Aung's au
    assert read("Thu Nwe").sound != read("Htun Nwe").sound  # repeats collapse within a word
