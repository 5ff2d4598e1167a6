"""Importers for the Counter Trafficking Data Collaborative's published datasets ("Source:
CTDC", IOM), so that an organisation's cases can be put beside published figures.

Two layouts are read:
- the Global Dataset (k-anonymised, k = 11; also the 2024 synthetic global data, which keeps its
  victim columns): one row per victim, countries as ISO codes (`read_global`);
- the victim–perpetrator synthetic dataset (differentially private): regions only, and several
  perpetrators folded into one cell as "Female;Male" (`read_vp_synthetic`).

The published versions drift: ISO-2 against ISO-3, -99 against a blank for missing,
Female/Male against Woman/Man, 0.0/1.0 against 0/1, "0" for a suppressed or unknown country. All
read to one vocabulary, the project's own (`Account.person.sex` is "female"/"male"/...).

Every data row is accounted for: it becomes a record or a `Refusal` naming its row (as a
spreadsheet counts them, the header is row 1), its column and why. A refused row is never half
used. A file whose columns are not a known layout raises `SourceError` naming what is missing.

The pieces every importer of a published source shares (`Refusal`, `ImportReport`, `Cells`,
`collect`, `iso3`) live here; `glotip` uses them too.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

Sex = Literal["female", "male", "other"]
OnRow = Callable[[int], None]
R = TypeVar("R", bound=BaseModel)
V = TypeVar("V")

# What the CTDC versions write for "not known": -99 (v6 codebook), NULL (2024 codebook), a blank
# (the 2020 extract, the VP synthetic data), "." (Stata, in the dictionary) and "Unknown".
MISSING = frozenset({"", "-99", "-99.0", "null", "unknown", "."})
# "0" for a country: the 2020 extract has no name or coordinates for it. The source does not
# say whether the country was suppressed (k-anonymity) or unknown, so it is kept apart from a
# blank, as `suppressed_*`, never as a country.
SUPPRESSED_COUNTRY = "0"
# Codes CTDC uses that are not ISO 3166 (its dictionary's Region sheet, the 2024 codebook:
# "Serbia includes Kosovo, China includes Tibet"); ZZ is the v6 codebook's "unknown".
CTDC_CODES = {"Y1": "SRB", "XK": "SRB", "TB": "CHN"}
UNKNOWN_COUNTRY = "ZZ"
SEXES: dict[str, Sex] = {
    "female": "female",
    "woman": "female",
    "male": "male",
    "man": "male",
    "transgender/nonconforming": "other",
    "trans/transgender/nonconforming": "other",
    "other": "other",
}
FLAGS = {"1": True, "1.0": True, "yes": True, "true": True}
FLAGS |= {"0": False, "0.0": False, "no": False, "false": False}
MAJORITY = {"minor": True, "adult": False}
_BAND = re.compile(r"(\d{1,3})\s*-{1,2}\s*(\d{1,3})")
_OPEN_BAND = re.compile(r"(\d{1,3})\s*\+")
_YEAR = re.compile(r"(\d{4})(?:\.0+)?")
_YEARS = re.compile(r"\d{4}(?:-\d{4})?")
FIRST_YEAR, LAST_YEAR = 1950, 2100  # a year outside is a typing error, not a registration


class SourceError(ValueError):
    """The file cannot be read as the layout asked for (no header, missing columns, not text)."""


class Refusal(BaseModel):
    """A data row left out, and why: `reason` is a short plain sentence (the web and CLI edges
    translate it), `code` the same for machines."""

    model_config = ConfigDict(frozen=True)

    row: int  # as a spreadsheet user counts: the header is row 1, the first data row is 2
    column: str
    code: str
    reason: str


class ImportReport(BaseModel, Generic[R]):
    """What an import made of a file: every data row is in `records` or in `refused`."""

    model_config = ConfigDict(frozen=True)

    source: str  # the file's name
    rows: int  # data rows read (the header and any title rows above it not counted)
    records: tuple[R, ...]
    refused: tuple[Refusal, ...]

    def refusals_by_code(self) -> dict[str, int]:
        return dict(Counter(r.code for r in self.refused))


class RowProblem(Exception):
    """A cell that cannot be read: the whole row is refused."""

    def __init__(self, column: str, code: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.code, self.reason = column, code, reason

    def refusal(self, row: int) -> Refusal:
        return Refusal(row=row, column=self.column, code=self.code, reason=self.reason)


class Cells:
    """One data row's cells by column name, and the missing-data markers met while reading it
    (which field stood empty, and how the source wrote "unknown")."""

    def __init__(self, row: int, cells: Mapping[str, object]) -> None:
        self.row, self.cells = row, cells
        self.markers: dict[str, str] = {}

    def raw(self, column: str) -> str:
        value = self.cells.get(column)
        return "" if value is None else str(value).strip()

    def text(self, column: str, field: str) -> str | None:
        """The cell's text, or None (recorded under `field`) when it is a missing marker."""
        value = self.raw(column)
        if value.lower() in MISSING:
            self.markers[field] = value
            return None
        return value


def collect(
    source: str,
    rows: Iterable[tuple[int, Mapping[str, object] | RowProblem]],
    build: Callable[[Cells], R],
    on_row: OnRow | None = None,
) -> ImportReport[R]:
    """The report of `rows` (spreadsheet row number, cells or a problem with the row's shape):
    each built into a record or refused whole."""
    records: list[R] = []
    refused: list[Refusal] = []
    count = 0
    for count, (number, cells) in enumerate(rows, start=1):
        try:
            if isinstance(cells, RowProblem):
                raise cells
            records.append(build(Cells(number, cells)))
        except RowProblem as problem:
            refused.append(problem.refusal(number))
        if on_row is not None:
            on_row(count)
    return ImportReport(source=source, rows=count, records=tuple(records), refused=tuple(refused))


def require(source: str, header: Sequence[str], columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in header]
    if missing:
        found = ", ".join(h for h in header if h) or "nothing"
        raise SourceError(f"{source}: missing column(s) {', '.join(missing)} (found: {found})")


@cache
def _alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 to alpha-3, from ICU (PyICU is a dependency; pycountry is not)."""
    import icu

    codes = (str(c) for c in icu.Locale.getISOCountries())
    pairs = {code: str(icu.Locale("", code).getISO3Country()) for code in codes}
    # ICU gives Kosovo (XK) "XKK", which is no ISO code: CTDC counts it under Serbia.
    return {two: three for two, three in pairs.items() if len(three) == 3 and two != "XK"}


@cache
def _iso3_codes() -> frozenset[str]:
    return frozenset(_alpha3().values())


def iso3(code: str) -> str | None:
    """The ISO-3 code for an ISO-2 or ISO-3 country code (and CTDC's own Y1, XK, TB, counted
    as CTDC counts them); None when it is none of these."""
    code = code.strip().upper()
    if len(code) == 3:
        return code if code in _iso3_codes() else None
    return CTDC_CODES.get(code) or _alpha3().get(code)


def read_csv(
    path: Path, required: Iterable[str]
) -> Iterator[tuple[int, Mapping[str, object] | RowProblem]]:
    """The data rows of a CSV file as (row number, cells); a row of the wrong width as a
    problem. Headers are matched as written (CTDC's are camelCase and stable)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            require(path.name, header, required)
            for number, row in enumerate(reader, start=2):
                yield number, _shaped(header, row)
    except (UnicodeDecodeError, csv.Error) as error:
        raise SourceError(f"{path.name}: not a UTF-8 CSV file ({error})") from error


def _shaped(header: list[str], row: list[str]) -> Mapping[str, object] | RowProblem:
    if len(row) == len(header):
        return dict(zip(header, row, strict=True))
    if not row:
        return RowProblem(header[0], "empty_row", "The row is empty.")
    reason = f"The row has {len(row)} cells where the header has {len(header)}."
    if len(row) < len(header):
        return RowProblem(header[len(row)], "row_too_short", reason)
    return RowProblem(f"after {header[-1]}", "row_too_long", reason)


# -- values -------------------------------------------------------------------------------


def year(cells: Cells, column: str, field: str) -> int | None:
    text = cells.text(column, field)
    if text is None:
        return None
    match = _YEAR.fullmatch(text)
    if not match:
        raise RowProblem(column, "year_invalid", f"“{text}” is not a year.")
    value = int(match.group(1))
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise RowProblem(column, "year_out_of_range", f"The year {value} is not plausible.")
    return value


def sex(cells: Cells, column: str, field: str) -> Sex | None:
    text = cells.text(column, field)
    return None if text is None else _sex(text, column)


def _sex(text: str, column: str) -> Sex:
    if text.lower() not in SEXES:
        raise RowProblem(column, "sex_invalid", f"“{text}” is not a known gender.")
    return SEXES[text.lower()]


def flag(cells: Cells, column: str, field: str) -> bool | None:
    text = cells.text(column, field)
    return None if text is None else _flag(text, column)


def _flag(text: str, column: str) -> bool:
    if text.lower() not in FLAGS:
        raise RowProblem(column, "flag_invalid", f"“{text}” is neither yes (1) nor no (0).")
    return FLAGS[text.lower()]


def _band(text: str, column: str) -> str:
    """An age band as a code: "18--20" (or "18-20") is "18_20", "48+" is "48_plus"."""
    closed, open_ = _BAND.fullmatch(text), _OPEN_BAND.fullmatch(text)
    if closed:
        low, high = int(closed.group(1)), int(closed.group(2))
        if low <= high:
            return f"{low}_{high}"
    if open_:
        return f"{int(open_.group(1))}_plus"
    raise RowProblem(column, "age_invalid", f"“{text}” is not an age band.")


def minor_of(band: str | None) -> bool | None:
    """Whether a band is all under 18 (True), all 18 or over (False), or straddles (None)."""
    if band is None:
        return None
    low, _, high = band.partition("_")
    if high != "plus" and int(high) < 18:
        return True
    return False if int(low) >= 18 else None


def country(cells: Cells, column: str, field: str) -> tuple[str | None, bool]:
    """The country as ISO-3 (None when unknown), and whether it was suppressed ("0")."""
    text = cells.text(column, field)
    if text is None:
        return None, False
    if text in (SUPPRESSED_COUNTRY, UNKNOWN_COUNTRY):
        cells.markers[field] = text
        return None, text == SUPPRESSED_COUNTRY
    code = iso3(text)
    if code is None:
        raise RowProblem(column, "country_unknown", f"“{text}” is not a country code.")
    return code, False


def several(text: str | None, read: Callable[[str], V]) -> tuple[V, ...]:
    """A cell holding several values ("Female;Male"), each read; () when missing."""
    if text is None:
        return ()
    return tuple(read(part.strip()) for part in text.split(";"))


# -- the Global Dataset -------------------------------------------------------------------

GLOBAL_COLUMNS = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "isForcedLabour",
    "isSexualExploit",
    "CountryOfExploitation",
)
MAJORITY_COLUMN = "majorityStatus"  # in the full v6 dataset, not in the 2020 extract


class CtdcRecord(BaseModel):
    """A victim in the Global Dataset. None is "not known"; `markers` says how the source wrote
    it (field, marker), e.g. ("citizenship", "0"), ("age_band", "-99")."""

    model_config = ConfigDict(frozen=True)

    row: int
    year: int | None
    sex: Sex | None
    age_band: str | None  # CTDC's bands as codes: "0_8", "9_17", "18_20", ..., "48_plus"
    minor: bool | None
    citizenship: str | None  # ISO-3
    suppressed_citizenship: bool
    forced_labour: bool | None
    sexual_exploitation: bool | None
    country_of_exploitation: str | None  # ISO-3
    suppressed_country: bool
    markers: tuple[tuple[str, str], ...] = ()


def read_global(path: Path, on_row: OnRow | None = None) -> ImportReport[CtdcRecord]:
    """The Global Dataset's victims (k-anonymised or the 2024 synthetic global data). Columns
    other than the seven read (names, coordinates, the extractor's alpha-3) are ignored."""
    return collect(path.name, read_csv(path, GLOBAL_COLUMNS), _global_record, on_row)


def _global_record(cells: Cells) -> CtdcRecord:
    band_text = cells.text("ageBroad", "age_band")
    band = None if band_text is None else _band(band_text, "ageBroad")
    citizenship, suppressed_citizenship = country(cells, "citizenship", "citizenship")
    exploited_in, suppressed_country = country(
        cells, "CountryOfExploitation", "country_of_exploitation"
    )
    return CtdcRecord(
        row=cells.row,
        year=year(cells, "yearOfRegistration", "year"),
        sex=sex(cells, "gender", "sex"),
        age_band=band,
        minor=_minor(cells, band),
        citizenship=citizenship,
        suppressed_citizenship=suppressed_citizenship,
        forced_labour=flag(cells, "isForcedLabour", "forced_labour"),
        sexual_exploitation=flag(cells, "isSexualExploit", "sexual_exploitation"),
        country_of_exploitation=exploited_in,
        suppressed_country=suppressed_country,
        markers=tuple(sorted(cells.markers.items())),
    )


def _minor(cells: Cells, band: str | None) -> bool | None:
    """Minor from the age band, or from majorityStatus where the file has it; a row where the
    two disagree is refused (which one is right cannot be told)."""
    by_band = minor_of(band)
    status = cells.text(MAJORITY_COLUMN, "minor") if MAJORITY_COLUMN in cells.cells else None
    if status is None:
        return by_band
    if status.lower() not in MAJORITY:
        raise RowProblem(MAJORITY_COLUMN, "majority_invalid", f"“{status}” is not Adult or Minor.")
    by_status = MAJORITY[status.lower()]
    if by_band is not None and by_band != by_status:
        reason = "The age band and the majority status disagree."
        raise RowProblem(MAJORITY_COLUMN, "age_conflict", reason)
    return by_status


# -- the victim–perpetrator synthetic dataset -------------------------------------------------

# Its columns and the fields they are read into (the dictionary's `TabStat` lists the same).
VP_COLUMNS = {
    "yearRegister": "registered",
    "gender": "sex",
    "majorityStatus": "minor",
    "isForcedLabour": "forced_labour",
    "isSexualExploit": "sexual_exploitation",
    "UN_COO_Region": "citizenship_region",
    "UN_COE_Region": "exploitation_region",
    "IP_Exploiter": "exploiter",
    "IP_Gender": "perpetrator_sexes",
    "IP_ageBroad": "perpetrator_age_bands",
    "IP_citizen_UNRegion": "perpetrator_regions",
    "IP_Relation": "relations",
    "IP_PayMoney": "victim_paid",
    "IP_RecruiterBroker": "recruiter",
    "IP_TransactionProcess": "transaction",
    "IP_ControlAbuseKidnap": "controller",
}


class CtdcVpRecord(BaseModel):
    """A synthetic victim–perpetrator record. Its flags are 1 or blank only: blank is "not
    recorded" (None), never "no". A cell about the perpetrators may hold several values (a
    tuple); () is missing."""

    model_config = ConfigDict(frozen=True)

    row: int
    registered: str | None  # a year or a band of years, as published: "2019", "2005-2013"
    sex: Sex | None
    minor: bool | None
    forced_labour: bool | None
    sexual_exploitation: bool | None
    citizenship_region: str | None  # UN regions as named: "Asia", "Americas/Oceania"
    exploitation_region: str | None
    exploiter: bool | None
    perpetrator_sexes: tuple[Sex, ...]
    perpetrator_age_bands: tuple[str, ...]  # "0_29", "30_38", "39_47", "48_plus"
    perpetrator_regions: tuple[str, ...]
    relations: tuple[str, ...]  # CTDC's codes: "FriendAcquaintance", "StrangerUnknownOther"
    victim_paid: tuple[bool, ...]  # "No;Yes": some perpetrators were paid, others not
    recruiter: bool | None
    transaction: bool | None
    controller: bool | None
    markers: tuple[tuple[str, str], ...] = ()


def read_vp_synthetic(path: Path, on_row: OnRow | None = None) -> ImportReport[CtdcVpRecord]:
    """The victim–perpetrator synthetic dataset (CTDC_VPsynthetic_condensed.csv)."""
    return collect(path.name, read_csv(path, VP_COLUMNS), _vp_record, on_row)


def _vp_record(cells: Cells) -> CtdcVpRecord:
    values: dict[str, object] = {"row": cells.row}
    for column, field in VP_COLUMNS.items():
        values[field] = _VP_READERS[field](cells.text(column, field), column)
    return CtdcVpRecord(**values, markers=tuple(sorted(cells.markers.items())))


def _registered(text: str | None, column: str) -> str | None:
    if text is not None and not _YEARS.fullmatch(text):
        raise RowProblem(column, "year_invalid", f"“{text}” is not a year or a band of years.")
    return text


def _optional(read: Callable[[str, str], V]) -> Callable[[str | None, str], V | None]:
    return lambda text, column: None if text is None else read(text, column)


def _many(read: Callable[[str, str], V]) -> Callable[[str | None, str], tuple[V, ...]]:
    return lambda text, column: several(text, lambda part: read(part, column))


def _name(text: str, column: str) -> str:
    return text


def _majority(text: str, column: str) -> bool:
    if text.lower() not in MAJORITY:
        raise RowProblem(column, "majority_invalid", f"“{text}” is not Adult or Minor.")
    return MAJORITY[text.lower()]


_FLAG = _optional(_flag)
_VP_READERS: dict[str, Callable[[str | None, str], object]] = {
    "registered": _registered,
    "sex": _optional(_sex),
    "minor": _optional(_majority),
    "forced_labour": _FLAG,
    "sexual_exploitation": _FLAG,
    "citizenship_region": _optional(_name),
    "exploitation_region": _optional(_name),
    "exploiter": _FLAG,
    "perpetrator_sexes": _many(_sex),
    "perpetrator_age_bands": _many(_band),
    "perpetrator_regions": _many(_name),
    "relations": _many(_name),
    "victim_paid": _many(_flag),
    "recruiter": _FLAG,
    "transaction": _FLAG,
    "controller": _FLAG,
}


# -- frequencies ----------------------------------------------------------------------------


def frequencies(records: Iterable[BaseModel], field: str) -> Counter[object]:
    """How many records hold each value of `field`; None counts the missing (a field with
    several values, a tuple, counts by the whole tuple, () as None), as the CTDC dictionary's
    frequency tables count "Missing"."""
    counts: Counter[object] = Counter()
    for record in records:
        value = getattr(record, field)
        counts[None if value == () else value] += 1
    return counts
