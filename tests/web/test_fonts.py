"""Every language's text is drawn by SafePassage's own fonts, chosen per language in fonts.css.

For each language and weight, each character of the language's samples (its own name, a sentence,
and every translation in its catalogue) goes, as a browser would send it, to the first family in
that language's stack whose @font-face unicode-range holds it; that face's WOFF2 file must exist
and have a glyph for it. Characters of the language's own script must all come from the
language's own font: a cluster split between two fonts is what draws dotted circles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

STATIC = Path(__file__).resolve().parents[2] / "src/safepassage/web/static/safepassage"
CSS = STATIC / "fonts.css"
LOCALE = Path(__file__).resolve().parents[2] / "src/safepassage/locale"

SCRIPTS = {  # each language's own script; en and vi are written in Latin
    "th": [(0x0E00, 0x0E7F)],
    "km": [(0x1780, 0x17FF), (0x19E0, 0x19FF)],
    "lo": [(0x0E80, 0x0EFF)],
    "my": [(0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)],
}
SHARED = {0x200B, 0x200C, 0x200D, 0x25CC}  # joiners and the dotted circle: every script uses them

SENTENCES = {
    "en": "Am I being exploited? My employer took my passport: “help” – 24 h, 1,500 ฿/€.",
    "vi": "Tôi chưa được trả lương ba tháng; chủ giữ hộ chiếu của tôi. Đường dây nóng 111.",
    "th": "ฉันไม่ได้รับค่าจ้างมาสามเดือนแล้ว นายจ้างยึดหนังสือเดินทางของฉัน โทร 1300",
    "km": "ខ្ញុំធ្វើការនៅរោងចក្រ ហើយមិនបានទទួលប្រាក់ឈ្នួលទេ។ ស្ត្រី ក្រុមហ៊ុន ១២៣",
    "lo": "ຂ້ອຍເຮັດວຽກຢູ່ໂຮງງານ ແລະ ບໍ່ໄດ້ຮັບເງິນເດືອນ ນາຍຈ້າງ ໑໒໓",
    "my": "ကျွန်တော် အလုပ်လုပ်တယ်၊ လစာ မရဘူး။ အလုပ်ရှင်က နိုင်ငံကူးလက်မှတ်ကို ယူထားတယ် ၁၂၃",
}
LANGUAGES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    file: Path
    points: frozenset[int]


def _ranges(text: str) -> frozenset[int]:
    points: set[int] = set()
    for part in text.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


@cache
def faces() -> list[Face]:
    found = []
    for block in re.findall(r"@font-face\s*{([^}]*)}", CSS.read_text(encoding="utf-8")):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", block))
        url = re.search(r'url\("?([^")]+)"?\)', props["src"])
        assert url, block
        assert props["font-display"].strip() == "swap"
        assert "woff2" in props["src"]
        found.append(
            Face(
                family=props["font-family"].strip().strip('"'),
                weight=int(props["font-weight"]),
                file=STATIC / url.group(1),
                points=_ranges(props["unicode-range"]),
            )
        )
    return found


def stack(selector: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    for selectors, body in re.findall(r"([^{}]+){([^}]*)}", css):
        if selector in [s.strip() for s in selectors.split(",")]:
            family = re.search(r"font-family\s*:\s*([^;]+);", body)
            assert family, body
            return [f.strip().strip('"') for f in family.group(1).split(",")]
    raise AssertionError(f"fonts.css has no rule for {selector}")


@cache
def cmap(file: Path) -> frozenset[int]:
    assert file.is_file(), f"{file.name} is referenced by fonts.css but missing"
    return frozenset(TTFont(file).getBestCmap())


def face_for(families: list[str], weight: int, char: str) -> Face | None:
    """The face a browser downloads for ``char``: the first in the stack whose range holds it."""
    for family in families:
        for face in faces():
            if face.family == family and face.weight == weight and ord(char) in face.points:
                return face
    return None


def catalogue(code: str) -> list[str]:
    """The language's translations (English: the source strings), as far as there are any."""
    po = LOCALE / ("th" if code == "en" else code) / "LC_MESSAGES/django.po"
    if not po.exists():
        return []
    entries = polib.pofile(str(po))
    if code == "en":
        return [text for e in entries for text in (e.msgid, e.msgid_plural) if text]
    return [text for e in entries for text in [e.msgstr, *e.msgstr_plural.values()] if text]


def in_script(code: str, char: str) -> bool:
    return any(a <= ord(char) <= b for a, b in SCRIPTS.get(code, []))


@pytest.mark.parametrize("weight", [400, 700])
@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_language_is_drawn_by_its_own_fonts(code: str, weight: int):
    families = stack(f":lang({code})")
    samples = [LANGUAGES[code], SENTENCES[code], *catalogue(code)]
    chars = sorted({c for text in samples for c in text if c.isprintable()})
    for char in chars:
        face = face_for(families, weight, char)
        assert face, f"{code}: no font of ours for {char!r} (U+{ord(char):04X}): a box on phones"
        assert ord(char) in cmap(face.file), f"{code}: {face.file.name} lacks {char!r}"
        if in_script(code, char):
            assert face.family == families[0], f"{code}: {char!r} from {face.family}"


@pytest.mark.parametrize("code", ["th", "km", "lo", "my"])
def test_the_language_switcher_names_need_only_tiny_fonts(code: str):
    families = stack(f"nav.languages :lang({code})")
    for weight in (400, 700):
        for char in LANGUAGES[code]:
            face = face_for(families, weight, char)
            assert face
            assert face.family == families[0], f"{code}: {char!r} needs the whole font"
            assert ord(char) in cmap(face.file)
            assert face.file.stat().st_size < 4_000


def test_no_font_holds_another_scripts_letters():
    # Noto Looped Thai ships Khmer code points; in a stack it won them and broke Khmer clusters.
    for face in faces():
        own = [
            code
            for code in SCRIPTS
            if face.family in (stack(f":lang({code})")[0], stack(f"nav.languages :lang({code})")[0])
        ]
        for code in SCRIPTS:
            if code in own:
                continue
            foreign = {p for p in face.points | cmap(face.file) if in_script(code, chr(p))}
            assert not foreign, f"{face.file.name} holds {code} code points"
        assert face.points <= cmap(face.file) | SHARED | {0x20AD}, face.file.name
        assert cmap(face.file) <= face.points | {0x20, 0xA0, 0x0D, 0x00}, face.file.name


def test_the_fonts_are_small_and_licensed():
    files = {face.file for face in faces()}
    assert sum(f.stat().st_size for f in files) < 600_000
    assert (STATIC / "fonts" / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") == 1
