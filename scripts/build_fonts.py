"""Build SafePassage's self-hosted fonts: WOFF2 subsets of Debian's Noto fonts, and fonts.css.

    apt-get install fonts-noto-core
    .venv/bin/pip install "fonttools[woff]"      # fontTools + brotli: only for this script
    .venv/bin/python scripts/build_fonts.py

Each script's font is cut down to that script's own code points (plus the joiners and the dotted
circle its shaping rules use), so faces never overlap: Noto Looped Thai's stray Khmer code points,
which drew Khmer with dotted circles when it came first in a mixed stack, are gone, and a page
downloads a font only when it shows a character in that font's `unicode-range`. The CSS is written
from the same table, so the ranges in fonts.css are exactly what the files contain.

The language switcher shows every language's own name on every page; tiny "names" subsets cover
those few characters so an English page does not download the whole Burmese, Khmer, Lao and Thai
fonts (about 140 KB) just to label four links.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src/safepassage/web/static/safepassage"
OUT = STATIC / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")

JOINERS = "U+200B-200D, U+25CC"  # ZWSP, ZWNJ, ZWJ; dotted circle (used by the shaping rules)

# Google Fonts' subsets for Noto Sans (the ranges it serves for "latin" and "vietnamese").
LATIN = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, "
    "U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
)
VIETNAMESE = (
    "U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, "
    "U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB"
)
LATIN_EXT = (
    "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, "
    "U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, "
    "U+2C60-2C7F, U+A720-A7FF"
)
THAI = f"U+0E01-0E5B, {JOINERS}"
KHMER = f"U+1780-17FF, U+19E0-19FF, {JOINERS}"
LAO = f"U+0E81-0EDF, U+20AD, {JOINERS}"
MYANMAR = f"U+1000-109F, U+A9E0-A9FF, U+AA60-AA7F, {JOINERS}"

# Each language's name in its own script, as the language switcher shows it (settings.LANGUAGES).
NAMES = {"th": "ไทย", "km": "ខ្មែរ", "lo": "ລາວ", "my": "မြန်မာ"}


@dataclass(frozen=True)
class Face:
    family: str
    source: str  # Debian file name without "-Regular.ttf" / "-Bold.ttf"
    subset: str  # file name part
    ranges: str  # CSS unicode-range; the subset holds exactly the code points the source has


SANS = "SP Noto Sans"
FAMILIES = {
    "latin": SANS,
    "th": "SP Noto Looped Thai",
    "km": "SP Noto Sans Khmer",
    "lo": "SP Noto Looped Lao",
    "my": "SP Noto Sans Myanmar",
}
FACES = [
    Face(SANS, "NotoSans", "noto-sans-latin", LATIN),
    Face(SANS, "NotoSans", "noto-sans-vietnamese", VIETNAMESE),
    Face(SANS, "NotoSans", "noto-sans-latin-ext", LATIN_EXT),
    Face(FAMILIES["th"], "NotoLoopedThai", "noto-looped-thai", THAI),
    Face(FAMILIES["km"], "NotoSansKhmer", "noto-sans-khmer", KHMER),
    Face(FAMILIES["lo"], "NotoLoopedLao", "noto-looped-lao", LAO),
    Face(FAMILIES["my"], "NotoSansMyanmar", "noto-sans-myanmar", MYANMAR),
] + [
    Face(f"SP Name {code}", source, f"name-{code}", "")
    for code, source in (
        ("th", "NotoLoopedThai"),
        ("km", "NotoSansKhmer"),
        ("lo", "NotoLoopedLao"),
        ("my", "NotoSansMyanmar"),
    )
]
WEIGHTS = {400: "Regular", 700: "Bold"}

# The order after a language's own font: other scripts only ever supply their own characters
# (their faces do not overlap), so a migrant's Khmer name on an English page still gets a
# self-hosted font instead of whatever the phone has, or a box.
ORDER = ["latin", "th", "km", "lo", "my"]


def parse_ranges(ranges: str) -> set[int]:
    points: set[int] = set()
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def format_ranges(points: set[int]) -> str:
    spans: list[list[int]] = []
    for point in sorted(points):
        if spans and point == spans[-1][1] + 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in spans)


def build_face(face: Face, weight: int) -> tuple[str, str]:
    """Write one WOFF2 subset; return its file name and the unicode-range it really covers."""
    source = NOTO / f"{face.source}-{WEIGHTS[weight]}.ttf"
    cmap = set(TTFont(source).getBestCmap())
    if face.subset.startswith("name-"):
        wanted = {ord(c) for c in NAMES[face.subset.removeprefix("name-")]}
    else:
        wanted = parse_ranges(face.ranges)
    points = wanted & cmap
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # every shaping feature: the scripts need them all
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and the OFL notice
    options.hinting = False  # smaller; phones and modern browsers don't use TrueType hints
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    name = f"{face.subset}-{weight}.woff2"
    subset.save_font(font, str(OUT / name), options)
    return name, format_ranges(points)


def stack(first: str) -> str:
    families = [FAMILIES[first]] + [FAMILIES[k] for k in ORDER if k != first]
    return ", ".join(f'"{f}"' for f in families) + ", sans-serif"


def css(faces: list[tuple[Face, int, str, str]]) -> str:
    lines = [
        "/* Self-hosted Noto fonts (SIL Open Font License 1.1, fonts/OFL.txt), one stack per",
        "   language. Generated by scripts/build_fonts.py from Debian's fonts-noto-core: edit the",
        "   script, not this file.",
        "",
        "   Each face is a subset holding only its own script (plus the joiners and dotted",
        "   circle the shaping rules use), so faces never overlap and no other font can win a",
        "   character in the middle of a Khmer or Burmese cluster (the dotted-circle bug of one",
        "   long mixed stack). A page downloads a file only when it shows a character in that",
        "   face's unicode-range.",
        "",
        "   Thai and Lao use the looped designs (Noto Looped Thai / Lao): looped letterforms are",
        "   what Thai and Lao readers learn in school and read in books, and readers of all ages",
        "   find them more legible in running text than the loopless style of signs and ads; our",
        "   readers include people with little schooling. */",
        "",
    ]
    for face, weight, name, ranges in faces:
        lines += [
            "@font-face {",
            f'  font-family: "{face.family}";',
            "  font-style: normal;",
            f"  font-weight: {weight};",
            "  font-display: swap;",
            f'  src: url("fonts/{name}") format("woff2");',
            f"  unicode-range: {ranges};",
            "}",
        ]
    lines += ["", f"html, :lang(en), :lang(vi) {{ font-family: {stack('latin')}; }}"]
    lines += [f":lang({code}) {{ font-family: {stack(code)}; }}" for code in ORDER[1:]]
    lines += [
        "",
        "/* The language switcher's own-script names: a few characters from tiny subsets. */",
    ]
    lines += [
        f'nav.languages :lang({code}) {{ font-family: "SP Name {code}", {stack(code)}; }}'
        for code in NAMES
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.woff2"):
        old.unlink()
    built = []
    for face in FACES:
        for weight in WEIGHTS:
            name, ranges = build_face(face, weight)
            built.append((face, weight, name, ranges))
    (STATIC / "fonts.css").write_text(css(built), encoding="utf-8")
    total = 0
    for _, _, name, _ in built:
        size = (OUT / name).stat().st_size
        total += size
        print(f"{size / 1024:7.1f} KB  {name}")
    print(f"{total / 1024:7.1f} KB  in all")


if __name__ == "__main__":
    main()
