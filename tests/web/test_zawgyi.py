"""Burmese typed in Zawgyi becomes Unicode; everything else, Unicode Burmese included, is left as it
was typed."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safepassage.web.common.zawgyi import to_unicode, zawgyi_probability

MY_PO = Path(__file__).resolve().parents[2] / "src/safepassage/locale/my/LC_MESSAGES/django.po"

# Zawgyi as typed -> the same words in Unicode. The second pair is the sample in Google's
# myanmar-tools (the UDHR's title); the others are checked glyph by glyph: Zawgyi types the
# vowel sign E (ေ) and medial RA (ျ/ၾ) before the consonant and uses U+1039 for asat.
PAIRS = [
    ("ေအာင္ကိုကို", "အောင်ကိုကို"),  # Aung Ko Ko, a name
    (
        "အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း",
        "အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း",
    ),
    ("ျမန္မာ", "မြန်မာ"),  # Myanmar
    ("ေက်ာင္း", "ကျောင်း"),  # school
    ("ၿမိဳ႕", "မြို့"),  # town
    ("အလုပ္႐ွင္", "အလုပ်ရှင်"),  # employer
    ("ကၽြန္ေတာ္ အလုပ္လုပ္တယ္", "ကျွန်တော် အလုပ်လုပ်တယ်"),  # I work
    ("Name: ေအာင္ကိုကို, 25", "Name: အောင်ကိုကို, 25"),  # other text around it is kept
]

UNICODE_BURMESE = [
    "အောင်ကိုကို",
    "မြန်မာ",
    "ကျွန်တော် အလုပ်လုပ်တယ်",
    "လစာ မရဘူး",  # no pay: the same code points in both encodings
    "ကျွန်တော့်ကို လစာ သုံးလ မပေးဘူး",
    "အလုပ်ရှင်က ကျွန်တော့် နိုင်ငံကူးလက်မှတ်ကို ယူထားတယ်",
    "ပွဲစားကို ငွေ ဘယ်လောက် ပေးခဲ့ရသလဲ",
    "အကူအညီ လိုအပ်ပါသလား",
    "ထိုင်းနိုင်ငံ ရန်ကုန်မြို့",
]


def _translations() -> list[str]:
    """The app's own Burmese translations (real Unicode sentences), as far as there are any yet."""
    if not MY_PO.exists():
        return []
    entries = polib.pofile(str(MY_PO))
    found = [text for e in entries for text in [e.msgstr, *e.msgstr_plural.values()] if text]
    return [s for s in found if zawgyi_probability(s) != float("-inf")]


OTHER_LANGUAGES = [
    "Sokha Chan, +855 12 345 678",
    "ฉันไม่ได้รับค่าจ้างมาสามเดือนแล้ว",  # Thai
    "ខ្ញុំធ្វើការនៅរោងចក្រ",  # Khmer
    "ຂ້ອຍເຮັດວຽກຢູ່ໂຮງງານ",  # Lao
    "Tôi chưa được trả lương ba tháng",  # Vietnamese
    "",
]


@pytest.mark.parametrize(("zawgyi", "unicode"), PAIRS)
def test_zawgyi_becomes_unicode(zawgyi: str, unicode: str):
    assert to_unicode(zawgyi) == unicode


@pytest.mark.parametrize("text", UNICODE_BURMESE + _translations())
def test_unicode_burmese_is_left_alone(text: str):
    assert to_unicode(text) == text


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_other_languages_are_left_alone(text: str):
    assert to_unicode(text) == text
    assert zawgyi_probability(text) == float("-inf")


MYANMAR_BLOCK = st.characters(min_codepoint=0x1000, max_codepoint=0x109F)
TEXT = st.one_of(
    st.text(),
    st.text(st.one_of(MYANMAR_BLOCK, st.sampled_from(" ,.\n0A"))),
    st.lists(st.sampled_from([z for z, _ in PAIRS] + [u for _, u in PAIRS])).map(" ".join),
)


@given(TEXT)
def test_it_never_raises_and_converting_twice_changes_nothing(text: str):
    once = to_unicode(text)
    assert isinstance(once, str)
    assert to_unicode(once) == once
