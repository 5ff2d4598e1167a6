"""Importer for the UNODC Global Report on Trafficking in Persons data (GLOTIP, 2003–2021;
"Source: UNODC"), so that an organisation's figures can be put beside the official ones.

The file is a long table: one published count per row, for an area (a country by ISO-3, a
territory without a code such as Sark, or an unnamed aggregate such as "SAM"), an indicator
(detected victims, persons prosecuted, convicted, ...), a breakdown (total, by form of
exploitation, by citizenship, by country of repatriation), a sex, an age group and a year. Counts
are text: "1,073" is 1073 and "<5" a count UNODC suppressed as below 5 (`suppressed_below`).

Some rows repeat another's key with a different value (most under "Other forms of
exploitation": the detail that told them apart is not in the file). They are kept, marked
`repeated`; `latest_official` never picks one of them as the figure.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import BaseModel, ConfigDict

from .ctdc import Cells, ImportReport, OnRow, RowProblem, SourceError, collect, iso3

Indicator = Literal["detected_victims", "prosecuted", "convicted", "formal_contact", "offences"]
Dimension = Literal["total", "exploitation", "citizenship", "repatriation"]
Exploitation = Literal["sexual_exploitation", "forced_labour", "other"]
GlotipSex = Literal["total", "female", "male", "other", "unknown"]
GlotipAge = Literal["total", "0_17", "18_plus", "unknown"]

# The published wording, lower-cased; wording not listed refuses the row (so that drift in a
# new edition shows in the report instead of being counted under the wrong indicator).
INDICATORS: dict[str, Indicator] = {
    "detected trafficking victims": "detected_victims",
    "persons prosecuted": "prosecuted",
    "persons convicted": "convicted",
    "persons brought into formal contact": "formal_contact",
    "offences of trafficking in persons": "offences",
}
DIMENSIONS: dict[str, Dimension] = {
    "total": "total",
    "by form of exploitation": "exploitation",
    "by citizenship": "citizenship",
    "by country of repatriation": "repatriation",
}
EXPLOITATION: dict[str, Exploitation] = {
    "sexual exploitation": "sexual_exploitation",
    "forced labour": "forced_labour",
    "other forms of exploitation": "other",
}
# "Unknown" is a published category here (victims whose sex was not recorded), not missing data.
SEXES: dict[str, GlotipSex] = {
    "total": "total",
    "female": "female",
    "woman": "female",
    "male": "male",
    "man": "male",
    "other": "other",
    "unknown": "unknown",
}
AGES: dict[str, GlotipAge] = {
    "total": "total",
    "0 to 17 years": "0_17",
    "18 years or over": "18_plus",
    "unknown": "unknown",
}
# The columns read, by the names the export uses (matched without regard to case).
COLUMNS = {
    "area": "Iso3_code",
    "country": "Country",
    "region": "Region",
    "subregion": "Subregion",
    "indicator": "Indicator",
    "dimension": "Dimension",
    "category": "Category",
    "sex": "Sex",
    "age": "Age",
    "year": "Year",
    "unit": "Unit of measurement",
    "value": "txtVALUE",
}
OPTIONAL = frozenset({"region", "subregion", "unit"})
HEADER_SEARCH = 10  # rows looked at for the header: some exports put a title above it
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_BELOW = re.compile(r"<\s*(\d+)")


class GlotipRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    row: int
    area: str  # the Iso3_code as written, or the country's name when it has no code
    iso3: str | None  # when the area is an ISO 3166 country
    country: str | None
    region: str | None
    subregion: str | None
    indicator: Indicator
    dimension: Dimension
    category: str | None  # the citizenship or country of repatriation as named; None otherwise
    exploitation: Exploitation | None  # set when the breakdown is by form of exploitation
    sex: GlotipSex
    age: GlotipAge
    year: int
    value: int | None  # None when suppressed
    suppressed_below: int | None  # 5 for "<5"
    repeated: bool = False  # another row has the same key and may differ: neither is the figure

    def key(self) -> tuple[object, ...]:
        fields = (self.area, self.indicator, self.dimension, self.category, self.exploitation)
        return (*fields, self.sex, self.age, self.year)


def read_glotip(path: Path, on_row: OnRow | None = None) -> ImportReport[GlotipRecord]:
    """Every row of the GLOTIP export's data sheet, as records or refusals."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as error:
        raise SourceError(f"{path.name}: not an Excel (.xlsx) workbook ({error})") from error
    try:
        report = collect(path.name, _rows(path.name, book.worksheets), _record, on_row)
    finally:
        book.close()
    return _mark_repeated(report)


def _rows(
    source: str, sheets: Sequence[Any]
) -> Iterator[tuple[int, Mapping[str, object] | RowProblem]]:
    """The data rows of the first sheet that has the columns, by their names in `COLUMNS`."""
    sheet, at, header = _find_header(source, sheets)
    for number, row in enumerate(sheet.iter_rows(min_row=at + 1, values_only=True), at + 1):
        cells = dict(zip(header, row, strict=False))
        if all(v is None or str(v).strip() == "" for v in cells.values()):
            yield number, RowProblem(COLUMNS["area"], "empty_row", "The row is empty.")
            continue
        yield number, {field: cells.get(column) for field, column in header_fields(header)}


def _find_header(source: str, sheets: Sequence[Any]) -> tuple[Any, int, list[str]]:
    required = [c for f, c in COLUMNS.items() if f not in OPTIONAL]
    first: list[str] = []
    for sheet in sheets:
        rows = sheet.iter_rows(max_row=HEADER_SEARCH, values_only=True)
        for number, row in enumerate(rows, start=1):
            header = [str(v).strip() if v is not None else "" for v in row]
            missing = _missing(header, required)
            if not missing:
                return sheet, number, header
            first = first or (header if any(header) else [])
    absent = ", ".join(_missing(first, required))
    found = ", ".join(h for h in first if h) or "nothing"
    raise SourceError(f"{source}: missing column(s) {absent} (found: {found})")


def _missing(header: Sequence[str], required: Iterable[str]) -> list[str]:
    present = {h.lower() for h in header}
    return [c for c in required if c.lower() not in present]


def header_fields(header: Sequence[str]) -> list[tuple[str, str]]:
    """(field, column as written in the header) for the columns of `COLUMNS` present."""
    written = {h.lower(): h for h in header}
    return [(f, written[c.lower()]) for f, c in COLUMNS.items() if c.lower() in written]


def _record(cells: Cells) -> GlotipRecord:
    area, code = _area(cells)
    dimension = _choice(cells, "dimension", DIMENSIONS)
    value, below = _value(cells)
    return GlotipRecord(
        row=cells.row,
        area=area,
        iso3=code,
        country=cells.text("country", "country"),
        region=cells.text("region", "region"),
        subregion=cells.text("subregion", "subregion"),
        indicator=_choice(cells, "indicator", INDICATORS),
        dimension=dimension,
        category=cells.text("category", "category") if dimension in _NAMED else None,
        exploitation=_choice(cells, "category", EXPLOITATION)
        if dimension == "exploitation"
        else None,
        sex=_choice(cells, "sex", SEXES),
        age=_choice(cells, "age", AGES),
        year=_year(cells),
        value=value,
        suppressed_below=below,
    )


_NAMED = frozenset({"citizenship", "repatriation"})


def _area(cells: Cells) -> tuple[str, str | None]:
    """The area as written and its ISO-3 code: codes that are no country (SAM, CAR, EEU, ...,
    unnamed aggregates; "Aruba/Curacao") are kept as written, never matched to a country."""
    code = cells.raw("area")
    if code:
        return code, iso3(code) if len(code) == 3 else None
    name = cells.raw("country")
    if not name:
        reason = "The row names neither a country code nor a country."
        raise RowProblem(COLUMNS["area"], "area_missing", reason)
    return name, None


def _choice(cells: Cells, field: str, choices: Mapping[str, Any]) -> Any:
    text = cells.raw(field)
    if text.lower() not in choices:
        column = COLUMNS[field]
        raise RowProblem(column, f"{field}_unknown", f"“{text}” is not a known {column}.")
    return choices[text.lower()]


def _year(cells: Cells) -> int:
    text = cells.raw("year").removesuffix(".0")
    if not (text.isdigit() and len(text) == 4 and 1990 <= int(text) <= 2100):
        raise RowProblem(COLUMNS["year"], "year_invalid", f"“{text}” is not a year.")
    return int(text)


def _value(cells: Cells) -> tuple[int | None, int | None]:
    """The count and, when suppressed, the bound it is below. Only counts are read: a rate or
    a share beside a count would be compared as if it were one."""
    unit = cells.raw("unit")
    if unit and unit.lower() != "counts":
        raise RowProblem(COLUMNS["unit"], "unit_unknown", f"“{unit}” is not a count.")
    text = cells.raw("value").removesuffix(".0")
    below = _BELOW.fullmatch(text)
    if below:
        return None, int(below.group(1))
    if _NUMBER.fullmatch(text):
        return int(text.replace(",", "")), None
    if not text:
        raise RowProblem(COLUMNS["value"], "value_missing", "The value is empty.")
    raise RowProblem(COLUMNS["value"], "value_invalid", f"“{text}” is not a count.")


def _mark_repeated(report: ImportReport[GlotipRecord]) -> ImportReport[GlotipRecord]:
    seen = Counter(r.key() for r in report.records)
    records = tuple(
        r.model_copy(update={"repeated": True}) if seen[r.key()] > 1 else r for r in report.records
    )
    return report.model_copy(update={"records": records})


# -- the latest official figure ---------------------------------------------------------------


class Official(BaseModel):
    """A country's series for one indicator: the latest year with a published number, and the
    years without one, within the years the data cover."""

    model_config = ConfigDict(frozen=True)

    iso3: str
    indicator: Indicator
    year: int | None  # the latest year with a number; None when none was ever published
    value: int | None
    years: tuple[int, ...]  # with a number
    suppressed: tuple[int, ...]  # only "<5" (or the like) was published
    conflicting: tuple[int, ...]  # several rows disagree (see `GlotipRecord.repeated`)
    gaps: tuple[int, ...]  # nothing published at all


def latest_official(
    records: Sequence[GlotipRecord],
    country_iso3: str,
    indicator: Indicator,
    *,
    sex: GlotipSex = "total",
    age: GlotipAge = "total",
    exploitation: Exploitation | None = None,
) -> Official:
    """The official figure as published, never summed from breakdowns (a sum over suppressed
    cells is no official number): Cambodia, for one, publishes detected victims by age only,
    so its total has no year, and asking with age="0_17" finds them."""
    covered = [r.year for r in records]
    span = range(min(covered), max(covered) + 1) if covered else range(0)
    by_year: dict[int, set[tuple[int | None, int | None]]] = defaultdict(set)
    for r in _series(records, country_iso3, indicator, sex, age, exploitation):
        by_year[r.year].add((r.value, r.suppressed_below))
    numbers = {y: next(iter(v))[0] for y, v in by_year.items() if len(v) == 1}
    years = tuple(sorted(y for y, n in numbers.items() if n is not None))
    return Official(
        iso3=country_iso3,
        indicator=indicator,
        year=years[-1] if years else None,
        value=numbers[years[-1]] if years else None,
        years=years,
        suppressed=tuple(sorted(y for y, n in numbers.items() if n is None)),
        conflicting=tuple(sorted(y for y, v in by_year.items() if len(v) > 1)),
        gaps=tuple(y for y in span if y not in by_year),
    )


def _series(
    records: Iterable[GlotipRecord],
    country_iso3: str,
    indicator: Indicator,
    sex: GlotipSex,
    age: GlotipAge,
    exploitation: Exploitation | None,
) -> Iterator[GlotipRecord]:
    dimension = "total" if exploitation is None else "exploitation"
    wanted = (country_iso3, indicator, dimension, exploitation, sex, age)
    for r in records:
        if (r.iso3, r.indicator, r.dimension, r.exploitation, r.sex, r.age) == wanted:
            yield r
