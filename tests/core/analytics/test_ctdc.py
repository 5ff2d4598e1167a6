"""The CTDC importers read every published version to one vocabulary, account for every row,
and agree with the frequencies CTDC publishes beside its data."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from safepassage.core.analytics import ctdc
from tests.conftest import published_data

DATA = published_data() / "ctdc"
SYNTHETIC = DATA / "CTDC_VPsynthetic_condensed.csv"
DICTIONARY = DATA / "CTDC_VPsynthetic_dict_20221201.xlsx"
SUBSET = DATA / "ctdc_global_2020_subset.csv"
HEADER = ",".join(ctdc.GLOBAL_COLUMNS)


def _data(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"the published data is not here: {path}")
    return path


@pytest.fixture(scope="module")
def synthetic() -> ctdc.ImportReport[ctdc.CtdcVpRecord]:
    return ctdc.read_vp_synthetic(_data(SYNTHETIC))


@pytest.fixture(scope="module")
def subset() -> ctdc.ImportReport[ctdc.CtdcRecord]:
    return ctdc.read_global(_data(SUBSET))


@pytest.fixture(scope="module")
def subset_rows() -> list[dict[str, str]]:
    with _data(SUBSET).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tabstat() -> dict[str, dict[object, int]]:
    """The dictionary's TabStat sheet: per variable, the frequency of each label (None for
    "Missing") and the grand total under "Total"."""
    book = openpyxl.load_workbook(_data(DICTIONARY), read_only=True)
    tables: dict[str, dict[object, int]] = {}
    current: dict[object, int] = {}
    for first, label, freq, *_ in book["TabStat"].iter_rows(values_only=True):
        if isinstance(first, str) and isinstance(label, str) and freq is None:
            current = tables.setdefault(first, {})  # a variable's name and label open a block
        elif first == "Missing":
            current[None] = freq
        elif first == "Total":
            current["Total"] = freq
        elif label not in (None, "Total") and isinstance(freq, int):
            current[label] = freq
    book.close()
    return tables


# How the dictionary's labels read in the records' vocabulary, stated here and not taken from
# the importer, so that a swapped mapping fails.
LABELS: dict[object, object] = {
    "Female": "female", "Male": "male", "Adult": False, "Minor": True, "No": False,
    "Yes": True, 1: True,
}  # fmt: skip
SEVERAL = {"perpetrator_sexes", "perpetrator_age_bands", "perpetrator_regions", "relations"}
SEVERAL |= {"victim_paid"}


def _expected_key(field: str, label: object) -> object:
    if label is None:
        return None
    if field == "registered":
        return str(label)
    if field in SEVERAL:
        return tuple(_part(p) for p in str(label).split(";"))
    return _part(label)


def _part(label: object) -> object:
    if label in LABELS:
        return LABELS[label]
    return str(label).replace("--", "_").replace("+", "_plus")


@pytest.mark.parametrize("variable", list(ctdc.VP_COLUMNS))
def test_it_imports_the_synthetic_data_with_the_dictionarys_frequencies(
    variable: str, synthetic: ctdc.ImportReport[ctdc.CtdcVpRecord], tabstat: dict
) -> None:
    field = ctdc.VP_COLUMNS[variable]
    published = dict(tabstat[variable])
    total = published.pop("Total")
    expected = {_expected_key(field, label): n for label, n in published.items()}
    assert dict(ctdc.frequencies(synthetic.records, field)) == expected
    assert len(synthetic.records) == total


def test_it_reads_every_variable_the_dictionary_lists(tabstat: dict) -> None:
    assert set(tabstat) == set(ctdc.VP_COLUMNS)
    assert len(tabstat) == 16


def test_it_refuses_nothing_in_the_synthetic_data(synthetic) -> None:
    assert (synthetic.rows, len(synthetic.records), synthetic.refused) == (21195, 21195, ())


def test_it_accounts_for_every_row_of_the_2020_subset(subset, subset_rows) -> None:
    assert len(subset.records) + len(subset.refused) == len(subset_rows) == 48773
    rows = [r.row for r in subset.records] + [r.row for r in subset.refused]
    assert sorted(rows) == list(range(2, len(subset_rows) + 2))  # each once, header = row 1
    header = set(subset_rows[0])
    assert all(r.column in header and r.reason for r in subset.refused)


def test_it_reads_countries_as_the_extracts_own_alpha3(subset, subset_rows) -> None:
    """The extract added alpha-3 columns of its own: ICU's conversion agrees with every row."""
    for record, raw in zip(subset.records, subset_rows, strict=True):
        assert record.citizenship == (raw["nacionalidade_alpha3"] or None)
        assert record.country_of_exploitation == (raw["pais_exploracao_alpha3"] or None)


def test_it_counts_a_suppressed_country_apart_from_a_blank(subset, subset_rows) -> None:
    zeros = {i for i, raw in enumerate(subset_rows) if raw["citizenship"] == "0"}
    assert len(zeros) > 8000  # the "0" marker is common in this extract
    flagged = {i for i, r in enumerate(subset.records) if r.suppressed_citizenship}
    assert flagged == zeros
    blank = [r for r in subset.records if r.citizenship is None and not r.suppressed_citizenship]
    assert len(blank) == sum(1 for raw in subset_rows if raw["citizenship"] == "")


# -- version drift ------------------------------------------------------------------------


def _write(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "ctdc.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def _same(records: list[ctdc.CtdcRecord]) -> list[dict[str, object]]:
    return [r.model_dump(exclude={"row", "markers"}) for r in records]


DRIFT = {
    "v6: ISO-2, -99, Female": "2016,Female,18--20,TH,1,-99,MY",
    "2020 extract: floats, blank": "2016,Female,18--20,TH,1.0,,MY",
    "2024: ISO-3, NULL, Woman": "2016,Woman,18--20,THA,1,NULL,MYS",
    "hand-typed: case, one dash": "2016.0,woman,18-20,tha,1,Unknown,mys",
}


def test_it_reads_every_version_of_a_row_the_same(tmp_path: Path) -> None:
    report = ctdc.read_global(_write(tmp_path, *DRIFT.values()))
    assert report.refused == ()
    first = report.records[0]
    assert (first.year, first.sex, first.age_band, first.minor) == (2016, "female", "18_20", False)
    assert (first.citizenship, first.country_of_exploitation) == ("THA", "MYS")
    assert (first.forced_labour, first.sexual_exploitation) == (True, None)
    assert _same(list(report.records)) == _same([first] * len(DRIFT))


def test_it_reads_man_and_male_the_same(tmp_path: Path) -> None:
    report = ctdc.read_global(_write(tmp_path, "2016,Male,,,,,", "2016,Man,,,,,"))
    assert [r.sex for r in report.records] == ["male", "male"]


def test_it_reads_minus_99_and_blank_as_unknown_and_records_which(tmp_path: Path) -> None:
    report = ctdc.read_global(_write(tmp_path, "-99,-99,-99,-99,-99,-99,-99", ",,,,,,"))
    minus, blank = report.records
    assert _same([minus]) == _same([blank])
    assert (minus.year, minus.sex, minus.age_band, minus.citizenship) == (None, None, None, None)
    assert dict(minus.markers)["citizenship"] == "-99"
    assert dict(blank.markers)["citizenship"] == ""


def test_it_reads_country_0_as_suppressed_not_as_a_country(tmp_path: Path) -> None:
    report = ctdc.read_global(_write(tmp_path, "2016,Female,,0,,,0", "2016,Female,,,,,"))
    zero, blank = report.records
    assert (zero.citizenship, zero.suppressed_citizenship) == (None, True)
    assert (zero.country_of_exploitation, zero.suppressed_country) == (None, True)
    assert (blank.suppressed_citizenship, blank.suppressed_country) == (False, False)
    assert dict(zero.markers)["country_of_exploitation"] == "0"


def test_it_maps_ctdc_codes_that_are_not_iso(tmp_path: Path) -> None:
    """Kosovo (Y1) counts under Serbia and Tibet (TB) under China, as CTDC says; ZZ is unknown."""
    report = ctdc.read_global(_write(tmp_path, "2016,Male,,Y1,,,TB", "2016,Male,,ZZ,,,KH"))
    kosovo, unknown = report.records
    assert (kosovo.citizenship, kosovo.country_of_exploitation) == ("SRB", "CHN")
    assert (unknown.citizenship, unknown.suppressed_citizenship) == (None, False)
    assert unknown.country_of_exploitation == "KHM"


def test_it_refuses_a_malformed_year_naming_its_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "2016,Female,,TH,,,", "20x9,Female,,TH,,,", "2017,Male,,KH,,,")
    report = ctdc.read_global(path)
    (refusal,) = report.refused
    assert (refusal.row, refusal.column, refusal.code) == (3, "yearOfRegistration", "year_invalid")
    assert "20x9" in refusal.reason
    assert [r.row for r in report.records] == [2, 4]  # the refused row is not half used


@pytest.mark.parametrize(
    ("line", "column", "code"),
    [
        ("2016,Female,,QQ,,,", "citizenship", "country_unknown"),
        ("2016,Female,,TH,maybe,,", "isForcedLabour", "flag_invalid"),
        ("2016,Femme,,TH,,,", "gender", "sex_invalid"),
        ("2016,Female,about 20,TH,,,", "ageBroad", "age_invalid"),
        ("1850,Female,,TH,,,", "yearOfRegistration", "year_out_of_range"),
        ("2016,Female,,TH", "isForcedLabour", "row_too_short"),
    ],
)
def test_it_refuses_a_cell_it_cannot_read(tmp_path: Path, line: str, column: str, code: str):
    report = ctdc.read_global(_write(tmp_path, line))
    assert report.records == ()
    assert [(r.row, r.column, r.code) for r in report.refused] == [(2, column, code)]


def test_it_refuses_an_age_band_that_contradicts_the_majority_status(tmp_path: Path) -> None:
    path = _write(tmp_path, "2016,Female,9--17,TH,,,,Adult", "2016,Female,9--17,TH,,,,Minor",
                  header=f"{HEADER},majorityStatus")  # fmt: skip
    report = ctdc.read_global(path)
    assert [(r.row, r.code) for r in report.refused] == [(2, "age_conflict")]
    assert [r.minor for r in report.records] == [True]


def test_it_raises_naming_a_missing_column(tmp_path: Path) -> None:
    header = HEADER.replace(",citizenship", "").replace(",gender", "")
    path = _write(tmp_path, "2016,,,,,", header=header)
    with pytest.raises(ctdc.SourceError, match=r"ctdc\.csv: missing column\(s\) gender, citizen"):
        ctdc.read_global(path)


def test_it_raises_on_a_file_that_is_not_a_ctdc_layout(tmp_path: Path) -> None:
    path = _write(tmp_path, "1,2", header="name,phone")
    with pytest.raises(ctdc.SourceError, match="yearRegister"):
        ctdc.read_vp_synthetic(path)


def test_it_reads_several_perpetrators_in_one_cell(tmp_path: Path) -> None:
    line = "2019,Female,Minor,1,,Asia,Asia,1,Female;Male,0--29;48+,Asia;Europe,,No;Yes,,1,"
    report = ctdc.read_vp_synthetic(_write(tmp_path, line, header=",".join(ctdc.VP_COLUMNS)))
    (record,) = report.records
    assert record.perpetrator_sexes == ("female", "male")
    assert record.perpetrator_age_bands == ("0_29", "48_plus")
    assert record.victim_paid == (False, True)
    assert (record.relations, record.recruiter, record.transaction) == ((), None, True)


def test_it_reports_progress_row_by_row(tmp_path: Path) -> None:
    seen: list[int] = []
    ctdc.read_global(_write(tmp_path, "2016,,,,,,", "x,,,,,,", "2017,,,,,,"), on_row=seen.append)
    assert seen == [1, 2, 3]


def test_it_raises_on_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ctdc.csv"
    path.write_bytes(f"{HEADER}\n2016,Female,,CI,,,Côte\n".encode("latin-1"))
    with pytest.raises(ctdc.SourceError, match=r"ctdc\.csv: not a UTF-8 CSV"):
        ctdc.read_global(path)


def test_it_accounts_for_empty_and_overlong_rows(tmp_path: Path) -> None:
    report = ctdc.read_global(_write(tmp_path, "", "2016,Female,,TH,,,,extra", "2016,,,,,,"))
    assert [(r.row, r.code) for r in report.refused] == [(2, "empty_row"), (3, "row_too_long")]
    assert report.rows == 3
