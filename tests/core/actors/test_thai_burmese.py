"""A Burmese name written in Thai script is read back into the Latin letters Burmese names are
written in (data/thai_burmese.yaml), not by RTGS, which reads หม่อง as "mong" and writes ซอ
(Zaw) and โซ (Soe) alike; a Thai name is still read by RTGS."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from safepassage.core.actors import thai
from safepassage.core.actors.names import read

# Published Thai spellings (bench/data/actor_names.yaml names the pages) and the brief's forms
PUBLISHED = [
    ("มิน อ่อง หล่าย", "min aung hlaing"),
    ("มี่นอองไลง์", "min aung hlaing"),  # Thai Wikipedia, under the Royal Society's rules
    ("เต็ง เส่ง", "thein sein"),
    ("ทั่น ฉ่วย", "than shwe"),
    ("ต้านชเว", "than shwe"),
    ("ถิ่น จอ", "htin kyaw"),
    ("จูจูลา", "kyu kyu hla"),
    ("นางอองซาน ซูจี", "aung san su kyi"),
    ("โก หม่อง หม่อง", "maung maung"),
    ("โก ซอ มิน ทุน", "zaw min htun"),
]


@pytest.mark.parametrize(("text", "latin"), PUBLISHED, ids=[p[1] for p in PUBLISHED])
def test_it_reads_a_burmese_name_in_thai_as_it_is_written_in_latin_letters(text, latin):
    assert read(text).latin == latin


def test_it_reads_the_burmese_and_latin_spellings_alike():
    for thai_text, other in (("มินอ่องหล่าย", "မင်းအောင်လှိုင်"), ("โก ซอ มิน ทุน", "Zaw Min Htun")):
        assert read(thai_text).latin == read(other).latin


def test_it_sets_aside_tone_marks_thai_writers_disagree_on():
    assert thai.as_burmese("มิน") == thai.as_burmese("มิ้น") == thai.as_burmese("มี่น") == "min"
    assert thai.as_burmese("ทุ่น") == thai.as_burmese("ทุน") == "htun"
    assert thai.as_burmese("มิ้นท์") == "myint"  # the silent ท์ is kept: Myint, not Min


def test_it_tells_zaw_from_soe_as_rtgs_does_not():
    assert thai.rtgs("ซอ") == thai.rtgs("โซ") == "so"
    assert read("ซอ มิน").latin == "zaw min"
    assert read("โซ มิน").latin == "soe min"


def test_it_reads_a_thai_name_by_rtgs():
    assert read("สมชาย ใจดี").latin == "somchai chaidi"
    assert thai.as_burmese("สมชาย") is None  # no Burmese syllables spell it


def test_it_reads_the_burmese_words_after_a_burmese_title_and_rtgs_the_rest():
    """After โก (Ko) the name is Burmese: the words the table spells are read by it."""
    assert read("โก ซอ สมชาย").latin == "zaw somchai"
    assert read("นาย ซอ สมชาย").latin == "so somchai"  # นาย is Thai: every word by RTGS


def test_it_says_where_each_reading_comes_from():
    path = resources.files("safepassage.core.actors").joinpath("data/thai_burmese.yaml")
    table = yaml.safe_load(path.read_text())
    assert table["source"]["url"]
    assert "verified" in table["source"]
    assert {reading[1] for reading in table["syllables"].values()} <= {"press", "royal", "usage"}
    assert all(isinstance(reading[0], str) for reading in table["syllables"].values())
