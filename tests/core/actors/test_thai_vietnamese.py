"""A Vietnamese name written in Thai script is read back into Vietnamese letters (data/
thai_vietnamese.yaml), as the same name written in Vietnamese reads, not by RTGS, which reads
เหงียน as "ngian"; a Thai name is still read by RTGS."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from safepassage.core.actors.names import read

# Thai spellings and the Vietnamese ones they are of (bench/data/actor_names.yaml names pages)
PUBLISHED = [
    ("เหงียน ฟู จ่อง", "Nguyễn Phú Trọng"),
    ("เหงียน ซวน ฟุก", "Nguyễn Xuân Phúc"),
    ("เหงียน วัน อัน", "Nguyễn Văn An"),
    ("เจิ่น ดั่ย กวาง", "Trần Đại Quang"),
    ("โต ลัม", "Tô Lâm"),
    ("เหงียนฟูจ่อง", "Nguyễn Phú Trọng"),  # its spaces left out
]


@pytest.mark.parametrize(("thai", "vietnamese"), PUBLISHED, ids=[p[1] for p in PUBLISHED])
def test_a_vietnamese_name_in_thai_reads_as_it_does_in_vietnamese(thai, vietnamese):
    assert read(thai).latin == read(vietnamese).latin


@pytest.mark.parametrize("text", ["สมชาย ทองดี", "ธีรพงศ์ จันศิริ", "เล"])
def test_a_thai_name_or_a_lone_syllable_is_read_by_rtgs(text):
    from safepassage.core.actors import thai

    assert read(text).latin == " ".join(thai.rtgs(w) for w in text.split())


def test_the_table_names_its_source_and_each_readings_origin():
    path = resources.files("safepassage.core.actors").joinpath("data/thai_vietnamese.yaml")
    table = yaml.safe_load(path.read_text())
    assert table["source"]["url"]
    assert table["source"]["verified"]
    assert {origin for _, origin in table["syllables"].values()} <= {
        "royal",
        "established",
        "press",
    }
