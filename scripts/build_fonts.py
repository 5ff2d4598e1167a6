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

The anonymous self-check must weigh at most 50 KB a page on a migrant's phone, so it has its own,
much smaller fonts (fonts-selfcheck.css): one regular weight per script (bold is drawn by the
browser), cut down to the glyphs that the catalogues' texts use. Each text of every catalogue is
shaped with HarfBuzz (uharfbuzz), every glyph a shaping step produces is kept, and the script is
checked: each text shaped with the subset gives exactly the glyphs and positions of the full font,
else the build fails. Rebuild after the catalogues change (tests/browser/test_selfcheck_weight.py
finds texts the subsets do not draw as the full fonts do). Only the contact form, where a person
types free text, loads the full fonts (fonts.css).

    .venv/bin/pip install uharfbuzz polib             # for the self-check subsets too
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

# Each language's name, as the language switcher shows it on every page (settings.LANGUAGES).
LANGUAGES = {"en": "English", "th": "ไทย", "km": "ខ្មែរ", "lo": "ລາວ", "my": "မြန်မာ"}
LANGUAGES["vi"] = "Tiếng Việt"
NAMES = {code: name for code, name in LANGUAGES.items() if code in ("th", "km", "lo", "my")}


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
    name = f"{face.subset}-{weight}.woff2"
    # The tiny name faces, on every page, keep only the copyright and family (the licence is
    # fonts/OFL.txt beside them).
    short = face.subset.startswith("name-")
    write_subset(source, points, OUT / name, [0, 1, 2] if short else LICENCE_NAMES)
    return name, format_ranges(points)


LICENCE_NAMES = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # the copyright and the OFL notice kept


def write_subset(source: Path, points: set[int], target: Path, name_ids: list[int]) -> None:
    """A WOFF2 of `source` cut down to `points`, with every shaping feature (the scripts need
    them all) and no hints (smaller; phones and modern browsers don't use TrueType hints)."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = name_ids
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


# --- The self-check's subsets -------------------------------------------------------------------

LOCALE = ROOT / "src/safepassage/locale"
CHECK_CSS = STATIC / "fonts-selfcheck.css"


@dataclass(frozen=True)
class CheckFace:
    family: str
    source: str  # Debian file name without "-Regular.ttf"
    name: str  # file name without ".woff2"
    ranges: str  # the code points it may hold (the catalogues' characters within them are kept)
    shaped: bool  # keep only the glyphs shaping the catalogues produces (else the GSUB closure)


CHECK_FAMILIES = {
    "latin": "SPC Sans",
    "th": "SPC Thai",
    "km": "SPC Khmer",
    "lo": "SPC Lao",
    "my": "SPC Myanmar",
}
ANY_LATIN = f"{LATIN}, {LATIN_EXT}, {VIETNAMESE}"  # split between Latin's two faces
CHECK_FACES = [
    CheckFace("SPC Sans", "NotoSans", "check-latin", ANY_LATIN, shaped=False),
    CheckFace("SPC Sans", "NotoSans", "check-vietnamese", ANY_LATIN, shaped=False),
    CheckFace("SPC Thai", "NotoLoopedThai", "check-thai", THAI, shaped=True),
    CheckFace("SPC Khmer", "NotoSansKhmer", "check-khmer", KHMER, shaped=True),
    CheckFace("SPC Lao", "NotoLoopedLao", "check-lao", LAO, shaped=True),
    CheckFace("SPC Myanmar", "NotoSansMyanmar", "check-myanmar", MYANMAR, shaped=True),
]


def catalogue_texts() -> dict[str, list[str]]:
    """Every text the pages can show, by language: each catalogue's translations, the English
    source strings ("en") and the language names (with every language)."""
    import polib  # a development dependency, like fontTools

    names = list(LANGUAGES.values())
    texts: dict[str, list[str]] = {"en": list(names)}
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        found = texts.setdefault(po.parts[-3], list(names))
        for entry in polib.pofile(str(po)):
            texts["en"] += [t for t in (entry.msgid, entry.msgid_plural) if t]
            found += [t for t in (entry.msgstr, *entry.msgstr_plural.values()) if t]
    return texts


def runs(texts: list[str], points: set[int]) -> set[str]:
    """The maximal runs of characters a face draws: what the browser shapes in one go."""
    found: set[str] = set()
    for text in texts:
        run = ""
        for char in text + "\0":
            if ord(char) in points and char != "\0":
                run += char
            elif run:
                if set(map(ord, run.strip())) - parse_ranges(JOINERS):  # not joiners alone
                    found.add(run)
                run = ""
    return found


def _shaper(data: bytes) -> Any:
    import uharfbuzz as hb

    return hb.Font(hb.Face(hb.Blob(data)))


def shape(font: Any, text: str, seen: set[int] | None = None) -> list[tuple[int, int, int, int]]:
    """HarfBuzz's glyphs and positions for `text`; `seen` collects every glyph of every step."""
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    if seen is not None:

        def step(message: str) -> bool:
            if buf.content_type == hb.BufferContentType.GLYPHS:
                seen.update(info.codepoint for info in buf.glyph_infos)
            return True

        buf.set_message_func(step)
    hb.shape(font, buf, {})
    return [
        (info.codepoint, info.cluster, pos.x_advance, pos.x_offset + 10_000 * pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    ]


def build_check_face(face: CheckFace, by_language: dict[str, list[str]]) -> tuple[str, str, int]:
    """Write one self-check subset; return its file name, unicode-range and how many texts it
    was checked on."""
    import io

    source = NOTO / f"{face.source}-Regular.ttf"
    full_data = source.read_bytes()
    cmap = TTFont(source).getBestCmap()
    allowed = parse_ranges(face.ranges) & set(cmap)
    texts = [text for texts in by_language.values() for text in texts]
    used = {ord(c) for text in texts for c in text} & allowed
    if face.family == CHECK_FAMILIES["latin"]:
        # Latin's face holds what every language but Vietnamese uses (and "Tiếng Việt", on every
        # page); Vietnamese's face the rest of what Vietnamese uses (a Vietnamese page loads both).
        others = [text for code, texts in by_language.items() if code != "vi" for text in texts]
        common = ({ord(c) for text in others for c in text} | set(range(0x20, 0x7F))) & allowed
        used = common if face.name == "check-latin" else used - common
    if face.shaped:
        used |= parse_ranges(JOINERS) & set(cmap)
    points = used & set(cmap)
    options = subset.Options()
    options.name_IDs = [0, 1, 2]  # copyright and family: the licence is fonts/OFL.txt beside them
    options.hinting = False
    options.notdef_outline = True
    glyphs: set[str] = set()
    checked = runs(texts, points)
    full = _shaper(full_data)
    order = TTFont(source).getGlyphOrder()
    if face.shaped:
        options.layout_features = ["*"]
        options.layout_closure = False
        seen: set[int] = set()
        for run in checked:
            shape(full, run, seen)
        glyphs = {order[g] for g in seen}
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points), glyphs=sorted(glyphs))
    subsetter.subset(font)
    plain = io.BytesIO()
    font.flavor = None
    font.save(plain)
    small = _shaper(plain.getvalue())
    kept = font.getGlyphOrder()
    for run in sorted(checked):
        # A zero-width space (Khmer and Thai put one between words) is drawn as nothing either
        # way: as the full font's space glyph, or the subset's invisible one.
        invisible = {i for i, char in enumerate(run) if char in "\u200b\u200c\u200d"}
        want = [(order[g], *rest) for g, *rest in shape(full, run) if rest[0] not in invisible]
        got = [(kept[g], *rest) for g, *rest in shape(small, run) if rest[0] not in invisible]
        if want != got:
            raise SystemExit(f"{face.name}: the subset draws {run!r} unlike the full font")
    name = f"{face.name}.woff2"
    font.flavor = "woff2"
    font.save(str(OUT / name))
    # A script's face claims its whole block (a shorter rule; a letter it lacks falls through to
    # the next family): Latin's two faces claim exactly what they hold, as they share a family.
    latin = face.family == CHECK_FAMILIES["latin"]
    declared = points if latin else parse_ranges(face.ranges) | used
    return name, format_ranges(declared).replace(", ", ","), len(checked)


def check_stack(first: str) -> str:
    families = [CHECK_FAMILIES[first]] + [CHECK_FAMILIES[k] for k in ORDER if k != first]
    return ",".join(f'"{f}"' for f in families) + ",sans-serif"


def check_css(faces: list[tuple[CheckFace, str, str]], names: dict[str, str]) -> str:
    lines = [
        "/* The self-check's fonts: one regular face per script, only the glyphs its catalogues",
        "   use (bold is drawn by the browser). Generated by scripts/build_fonts.py: edit the",
        "   script, not this file. OFL 1.1, fonts/OFL.txt. */",
    ]
    for face, name, ranges in faces:
        lines.append(
            f'@font-face{{font-family:"{face.family}";font-display:swap;'
            f'src:url("fonts/{name}") format("woff2");unicode-range:{ranges}}}'
        )
    for code, (name, ranges) in names.items():
        lines.append(
            f'@font-face{{font-family:"SP Name {code}";font-display:swap;'
            f'src:url("fonts/{name}") format("woff2");unicode-range:{ranges}}}'
        )
    lines.append(f"html,:lang(en),:lang(vi){{font-family:{check_stack('latin')}}}")
    lines += [f":lang({code}){{font-family:{check_stack(code)}}}" for code in ORDER[1:]]
    # The language names from the tiny name faces, except where the page's own font (downloaded
    # anyway) has them; Latin's names come from Latin's face, which almost every page needs.
    lines += [f'nav.languages :lang({code}){{font-family:"SP Name {code}"}}' for code in NAMES]
    lines.append(
        ",".join(f"html:lang({code}) nav.languages :lang({code})" for code in NAMES)
        + "{font-family:inherit}"
    )
    return "\n".join(lines) + "\n"


def build_check_fonts() -> list[str]:
    texts = catalogue_texts()
    built = []
    for face in CHECK_FACES:
        name, ranges, checked = build_check_face(face, texts)
        built.append((face, name, ranges))
        print(f"{(OUT / name).stat().st_size / 1024:7.1f} KB  {name} ({checked} texts checked)")
    names = {}
    for code, source in (
        ("th", "NotoLoopedThai"),
        ("km", "NotoSansKhmer"),
        ("lo", "NotoLoopedLao"),
        ("my", "NotoSansMyanmar"),
    ):
        face = Face(f"SP Name {code}", source, f"name-{code}", "")
        file, ranges = build_face(face, 400)
        names[code] = (file, ranges)
    CHECK_CSS.write_text(check_css(built, names), encoding="utf-8")
    return [name for _, name, _ in built] + [file for file, _ in names.values()]


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
    print(f"{total / 1024:7.1f} KB  in all (fonts.css)")
    check = build_check_fonts()
    size = sum((OUT / name).stat().st_size for name in check)
    print(f"{size / 1024:7.1f} KB  in all (fonts-selfcheck.css)")


if __name__ == "__main__":
    main()
