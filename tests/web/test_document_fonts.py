"""The documents' fonts (scripts/build_document_fonts.py) each hold a whole script and the
spaces between its words, and the documents' stylesheet names no font but them: a name a
person typed in any of the six languages' scripts is drawn by our fonts, not the machine's."""

from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from safepassage.web.documents.pdf import ASSETS

SCRIPTS = {
    "latin": "Sokha Chan Nguyễn Thị Hương ĐƯƠNG Ắ Ỳ ǅ ŉ Ș ț 0123456789 .,:;!?()“”‘’–—",
    "thai": "".join(chr(c) for c in [*range(0x0E01, 0x0E3B), *range(0x0E3F, 0x0E5C)]),
    "khmer": "".join(chr(c) for c in [*range(0x1780, 0x17DE), *range(0x17E0, 0x17EA)]),
    "lao": "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮະັາຳິີຶືຸູົຼຽເແໂໃໄໆ່້໊໋໌ໍ໐໑໒໓໔໕໖໗໘໙ໜໝ",
    "myanmar": "".join(chr(c) for c in range(0x1000, 0x104A)),
}


@pytest.mark.parametrize("weight", [400, 700])
@pytest.mark.parametrize("script", SCRIPTS)
def test_it_holds_the_whole_script_and_its_spaces(script: str, weight: int):
    cmap = TTFont(ASSETS / f"doc-{script}-{weight}.woff2").getBestCmap()
    missing = sorted({c for c in SCRIPTS[script] if ord(c) not in cmap and not c.isspace()})
    assert missing == []
    assert {0x20, 0xA0} <= set(cmap)


def test_it_names_only_our_fonts():
    css = (ASSETS / "fonts.css").read_text(encoding="utf-8")
    declared = set(re.findall(r'font-family: "([^"]+)"', css))
    stacks = {name for s in re.findall(r"font-family: ([^;]+);", css) for name in s.split(", ")}
    families = declared | {name.strip('"') for name in stacks}
    assert families == {"SPD Sans", "SPD Thai", "SPD Khmer", "SPD Lao", "SPD Myanmar"}
    assert "unicode-range" not in css  # WeasyPrint mixes the files of one family up by range
    for name in re.findall(r'url\("([^"]+)"\)', css):
        assert (ASSETS / name).is_file()
