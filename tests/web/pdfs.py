"""Reading the PDFs the documents make: the fonts embedded and the glyphs each draws (pypdf and
fontTools), the pages as pictures (Poppler's pdftoppm) and how far one is from its reference."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from PIL import Image, ImageChops
from pypdf import PdfReader
from pypdf.generic import ContentStream

from safepassage.web.documents.pdf import ASSETS

REFERENCES = Path(__file__).parent / "documents"
FILES = {"Sans": "latin", "Thai": "thai", "Khmer": "khmer", "Lao": "lao", "Myanmar": "myanmar"}
DPI = 50  # enough to see a wrong script or a box, small enough to keep in the repository


@dataclass
class Embedded:
    """One font of the PDF: its name, its embedded program and the glyphs drawn with it."""

    name: str
    font: TTFont
    drawn: set[int] = field(default_factory=set)

    def missing(self, source: TTFont) -> set[int]:
        """Glyphs drawn that the embedded font cannot draw: the .notdef box (0), a glyph id
        past its end, or one whose outline the subset lost. WeasyPrint keeps the source's
        glyph ids, so each is checked against `source`, the font file it was cut from (a
        spacing glyph of Myanmar's shaping has no outline there either, by design)."""
        order, original = self.font.getGlyphOrder(), source.getGlyphOrder()
        glyf, full = self.font["glyf"], source["glyf"]
        found = set()
        for gid in self.drawn:
            if gid == 0 or gid >= len(order) or gid >= len(original):
                found.add(gid)
                continue
            lost = glyf[order[gid]].numberOfContours == 0
            if lost and full[original[gid]].numberOfContours != 0:
                found.add(gid)
        return found


def fonts(pdf: bytes) -> list[Embedded]:
    """Every font of every page, with the glyph ids its text operators draw (Identity-H: two
    bytes a glyph, as WeasyPrint writes them)."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, Embedded] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        by_key = {key: value.get_object() for key, value in resources["/Font"].items()}
        for font in by_key.values():
            name = str(font["/BaseFont"])
            if name not in found:
                found[name] = Embedded(name, _program(font))
        _drawn(page, reader, by_key, found)
    return list(found.values())


def _program(font: Any) -> TTFont:
    descendant = font["/DescendantFonts"][0].get_object()
    data = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
    return TTFont(io.BytesIO(data))


def _drawn(page: Any, reader: PdfReader, by_key: dict[str, Any], found: dict) -> None:
    current = None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            current = found[str(by_key[operands[0]]["/BaseFont"])]
        elif operator in (b"Tj", b"'", b'"'):
            _add(current, operands[-1])
        elif operator == b"TJ":
            for item in operands[0]:
                if not isinstance(item, int | float):
                    _add(current, item)


def _add(font: Embedded | None, text: Any) -> None:
    assert font is not None, "text drawn before any font was chosen"
    raw = text.original_bytes if hasattr(text, "original_bytes") else bytes(text)
    font.drawn.update(int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2))


def page_images(pdf: bytes, first: int = 1, last: int = 1) -> list[Image.Image]:
    """The pages as Poppler draws them, in grey, at DPI."""
    assert shutil.which("pdftoppm"), "pdftoppm (Debian's poppler-utils) is needed"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(first), "-l", str(last),
             str(source), str(Path(folder) / "page")],
            check=True,
        )  # fmt: skip
        return [Image.open(p).copy() for p in sorted(Path(folder).glob("page*.png"))]


def difference(image: Image.Image, reference: Image.Image) -> float:
    """The share of pixels that differ visibly (by more than a quarter of the grey scale)."""
    if image.size != reference.size:
        return 1.0
    diff = ImageChops.difference(image.convert("L"), reference.convert("L"))
    changed = sum(diff.point(lambda v: 255 if v > 64 else 0).histogram()[255:])
    return changed / (image.size[0] * image.size[1])


def source_font(name: str) -> TTFont:
    """The font file an embedded font was cut from ("ABCDEF+SPD-Thai-Bold": doc-thai-700)."""
    family, _, weight = name.split("+", 1)[-1].removeprefix("SPD-").partition("-")
    return TTFont(ASSETS / f"doc-{FILES[family]}-{700 if weight == 'Bold' else 400}.woff2")


def drawn_by_our_fonts(pdf: bytes) -> list[str]:
    """The names of the fonts that draw the PDF, after checking that each is one of ours and
    lacks no glyph it draws (AssertionError otherwise)."""
    embedded = fonts(pdf)
    names = sorted(font.name.split("+", 1)[-1] for font in embedded)
    assert names, "no font embedded"
    assert all(name.startswith("SPD-") for name in names), names
    for font in embedded:
        assert font.missing(source_font(font.name)) == set(), font.name
    return names


def pdf_text(pdf: bytes) -> str:
    """The text of every page, as Poppler's pdftotext reads it (lines joined by spaces)."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True)  # fmt: skip
    return " ".join(done.stdout.decode("utf-8").split())
