"""The GLOTIP importer reads UNODC's counts as published ("<5" suppressed, "1,073" as text),
accounts for every row, and finds a country's latest official figure and its gaps."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from safepassage.core.analytics import ctdc, glotip
from tests.conftest import published_data

DATA = published_data() / "unodc-glotip"
FILE = DATA / "unodc_data_glotip.xlsx"
HEADER = [*glotip.COLUMNS.values(), "Source"]
SOUTHEAST_ASIA = ["THA", "KHM", "LAO", "MMR", "VNM", "MYS"]
LAST_YEAR = 2021  # the data cover 2003–2021


def _row(value: object = "12", **cells: object) -> list[object]:
    base = {
        "Iso3_code": "THA", "Country": "Thailand", "Region": "Asia",
        "Subregion": "South-eastern Asia", "Indicator": "Detected trafficking victims",
        "Dimension": "Total", "Category": "Total", "Sex": "Total", "Age": "Total",
        "Year": 2020, "Unit of measurement": "Counts", "txtVALUE": value, "Source": "GLOTIP",
    }  # fmt: skip
    base.update(cells)
    return [base.get(column) for column in HEADER]


def _write(tmp_path: Path, *rows: list[object], header: list[str] = HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(row)
    path = tmp_path / "glotip.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def real() -> ctdc.ImportReport[glotip.GlotipRecord]:
    if not FILE.exists():
        pytest.fail(f"the published data is not here: {FILE}")
    return glotip.read_glotip(FILE)


@pytest.fixture(scope="module")
def raw_rows() -> list[tuple[object, ...]]:
    """The file's data rows as openpyxl gives them, without the importer."""
    if not FILE.exists():
        pytest.fail(f"the published data is not here: {FILE}")
    book = openpyxl.load_workbook(FILE, read_only=True)
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    book.close()
    return rows


def test_it_reads_less_than_five_as_suppressed(tmp_path: Path) -> None:
    (record,) = glotip.read_glotip(_write(tmp_path, _row("<5"))).records
    assert (record.value, record.suppressed_below) == (None, 5)


@pytest.mark.parametrize(("cell", "value"), [("1,073", 1073), ("25,844", 25844), ("12", 12),
                                             (1073, 1073), (1073.0, 1073)])  # fmt: skip
def test_it_reads_numbers_written_as_text(tmp_path: Path, cell: object, value: int) -> None:
    (record,) = glotip.read_glotip(_write(tmp_path, _row(cell))).records
    assert (record.value, record.suppressed_below) == (value, None)


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        (_row("n/a"), "txtVALUE", "value_invalid"),
        (_row("1,07"), "txtVALUE", "value_invalid"),
        (_row(None), "txtVALUE", "value_missing"),
        (_row(Year="20x9"), "Year", "year_invalid"),
        (_row(Indicator="Victims of smuggling"), "Indicator", "indicator_unknown"),
        (_row(Age="18 to 24"), "Age", "age_unknown"),
        (_row(**{"Unit of measurement": "Rate per 100,000"}), "Unit of measurement",
         "unit_unknown"),
        (_row(Iso3_code=None, Country=None), "Iso3_code", "area_missing"),
    ],
)  # fmt: skip
def test_it_refuses_a_row_naming_its_row_and_column(
    tmp_path: Path, row: list[object], column: str, code: str
) -> None:
    report = glotip.read_glotip(_write(tmp_path, _row("7"), row, _row("9", Year=2021)))
    assert [(r.row, r.column, r.code) for r in report.refused] == [(3, column, code)]
    assert [r.row for r in report.records] == [2, 4]
    assert report.refused[0].reason


def test_it_raises_naming_a_missing_column(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("txtVALUE", "Sex")]
    with pytest.raises(ctdc.SourceError, match=r"glotip\.xlsx: missing column\(s\) Sex, txtVAL"):
        glotip.read_glotip(_write(tmp_path, ["THA"], header=header))


def test_it_raises_on_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "glotip.xlsx"
    path.write_text("Iso3_code,Country\n", encoding="utf-8")
    with pytest.raises(ctdc.SourceError, match="not an Excel"):
        glotip.read_glotip(path)


def test_it_finds_the_header_below_a_title_row(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER, _row("8"), header=["UNODC GLOTIP data"])
    (record,) = glotip.read_glotip(path).records
    assert (record.row, record.value) == (3, 8)  # rows as the spreadsheet numbers them


def test_it_keeps_codes_that_are_no_country_apart(tmp_path: Path) -> None:
    """CAR looks like ISO-3 but is an aggregate (the Central African Republic is CAF)."""
    rows = [_row(Iso3_code="SAM", Country=None), _row(Iso3_code="CAR", Country=None),
            _row(Iso3_code=None, Country="Sark")]  # fmt: skip
    records = glotip.read_glotip(_write(tmp_path, *rows)).records
    assert [(r.area, r.iso3) for r in records] == [("SAM", None), ("CAR", None), ("Sark", None)]


def test_it_never_picks_a_repeated_row_as_the_figure(tmp_path: Path) -> None:
    rows = [_row("12", Year=2019), _row("13", Year=2020), _row("<5", Year=2020)]
    records = glotip.read_glotip(_write(tmp_path, *rows)).records
    assert [r.repeated for r in records] == [False, True, True]
    official = glotip.latest_official(records, "THA", "detected_victims")
    assert (official.year, official.value, official.conflicting) == (2019, 12, (2020,))


def test_it_accounts_for_every_row_of_the_real_file(real, raw_rows) -> None:
    assert len(real.records) + len(real.refused) == len(raw_rows) == 46556
    rows = sorted([r.row for r in real.records] + [r.row for r in real.refused])
    assert rows == list(range(2, len(raw_rows) + 2))
    assert all(r.column in HEADER and r.reason for r in real.refused)


def test_it_reads_the_real_files_suppression_and_thousands(real, raw_rows) -> None:
    by_row = {r.row: r for r in real.records}
    for number, raw in enumerate(raw_rows, start=2):
        text = str(raw[11])
        if text == "<5":
            assert (by_row[number].value, by_row[number].suppressed_below) == (None, 5)
        elif "," in text:
            assert by_row[number].value == int(text.replace(",", ""))
    assert sum(1 for raw in raw_rows if raw[11] == "<5") > 20000  # half the file is "<5"


@pytest.mark.parametrize("country", SOUTHEAST_ASIA)
@pytest.mark.parametrize("indicator", ["detected_victims", "prosecuted", "convicted"])
def test_it_finds_the_latest_official_year_and_the_gaps(real, raw_rows, country, indicator):
    official = glotip.latest_official(real.records, country, indicator)
    every = set(official.years) | set(official.suppressed) | set(official.conflicting)
    assert every.isdisjoint(official.gaps)
    assert sorted(every | set(official.gaps)) == list(range(2003, LAST_YEAR + 1))
    if official.year is not None:
        assert official.year <= LAST_YEAR
        assert official.year == max(official.years)
        assert official.value == _published(raw_rows, country, indicator, official.year)


NAMES = {"detected_victims": "Detected trafficking victims", "prosecuted": "Persons prosecuted",
         "convicted": "Persons convicted"}  # fmt: skip


def _published(raw_rows: list[tuple[object, ...]], country: str, indicator: str, year: int):
    """The headline count as the file writes it, found without the importer."""
    (text,) = [
        r[11] for r in raw_rows
        if (r[0], r[4], r[5], r[7], r[8], r[9]) == (country, NAMES[indicator], "Total",
                                                    "Total", "Total", year)
    ]  # fmt: skip
    return int(str(text).replace(",", ""))


def test_it_lists_the_gaps_of_a_series_that_stopped(real) -> None:
    """Viet Nam's detected victims stop after 2015; Laos's have a hole in 2011–2013."""
    vietnam = glotip.latest_official(real.records, "VNM", "detected_victims")
    assert vietnam.year == 2015
    assert {2016, 2021} <= set(vietnam.gaps)
    laos = glotip.latest_official(real.records, "LAO", "detected_victims")
    assert {2011, 2012, 2013} <= set(laos.gaps)
    assert laos.year == 2015


def test_it_does_not_sum_breakdowns_into_an_official_total(real) -> None:
    """Cambodia publishes detected victims by age only: the total has no year."""
    total = glotip.latest_official(real.records, "KHM", "detected_victims")
    assert (total.year, total.years) == (None, ())
    children = glotip.latest_official(real.records, "KHM", "detected_victims", age="0_17")
    assert children.years or children.suppressed


def test_it_reports_progress_row_by_row(tmp_path: Path) -> None:
    seen: list[int] = []
    glotip.read_glotip(_write(tmp_path, _row("1"), _row("x")), on_row=seen.append)
    assert seen == [1, 2]
