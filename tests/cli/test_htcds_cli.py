"""`safepassage export htcds` and `safepassage import htcds`: the operator's doors, run as
nobody; a bad row names its row and column, exits 2 and imports nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from safepassage.core.account_file import read_account
from safepassage.core.analytics.htcds import column_order
from safepassage.web.casework import core_edge, services
from safepassage.web.casework.models import AuditEvent, Case, Organisation
from tests.conftest import published_data

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "accounts"
SHARED = published_data().parent
pytestmark = pytest.mark.usefixtures("db")


def _app() -> typer.Typer:
    from safepassage.cli import app

    return app


@pytest.fixture
def org() -> Organisation:
    organisation = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    for name in ("manufacturing_thailand", "fishing_vessel_thailand", "scam_compound_cambodia"):
        account = core_edge.account_data(read_account(EXAMPLES / f"{name}.yaml"))
        services.case_create(user=None, organisation=organisation, account=account)
    return organisation


@pytest.fixture
def other_org() -> Organisation:
    return Organisation.objects.create(name="Elsewhere", slug="else", country="KH")


def _export(tmp_path: Path, *options: str) -> Path:
    target = tmp_path / "out.csv"
    result = runner.invoke(_app(), ["export", "htcds", "hh", "--output", str(target), *options])
    assert result.exit_code == 0, result.output
    return target


def test_it_writes_the_header_and_a_row_per_case(org: Organisation, tmp_path: Path):
    target = tmp_path / "out.csv"
    result = runner.invoke(_app(), ["export", "htcds", "hh", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Exported 3 cases of Helping Hands to {target}." in result.output
    header, *rows = list(csv.reader(target.open(encoding="utf-8")))
    assert header == column_order()
    assert len(rows) == 3
    assert all(row[0].startswith("SP-") for row in rows)
    event = AuditEvent.objects.get(action="export")
    assert (event.user, event.username, event.what) == (None, "", "htcds export of 3 cases")


def test_it_writes_a_workbook_and_refuses_an_unknown_format(org: Organisation, tmp_path: Path):
    target = tmp_path / "out.xlsx"
    made = runner.invoke(_app(), ["export", "htcds", "hh", "--format", "xlsx", "-o", str(target)])
    assert made.exit_code == 0, made.output
    assert target.read_bytes().startswith(b"PK\x03\x04")
    refused = runner.invoke(_app(), ["export", "htcds", "hh", "--format", "pdf"])
    assert refused.exit_code == 2


def test_it_names_the_organisations_there_are(org: Organisation, other_org: Organisation):
    result = runner.invoke(_app(), ["export", "htcds", "nobody"])
    assert result.exit_code == 2
    assert "No organisation is called nobody. Use one of: else, hh." in result.output


def test_it_imports_an_export_into_another_organisation(
    org: Organisation, other_org: Organisation, tmp_path: Path
):
    source = _export(tmp_path)
    result = runner.invoke(_app(), ["import", "htcds", "else", str(source)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 of 3 rows as new cases of Elsewhere; none refused." in result.output
    assert Case.objects.filter(organisation=other_org, created_by=None).count() == 3
    event = AuditEvent.objects.get(action="create", case_id=None)
    assert (event.username, event.what) == ("", "htcds import of 3 cases")


def test_it_refuses_a_bad_file_naming_row_and_column_and_imports_nothing(
    org: Organisation, other_org: Organisation, tmp_path: Path
):
    source = _export(tmp_path)
    lines = list(csv.reader(source.open(encoding="utf-8")))
    lines[2][lines[0].index("prs_Citizenship")] = "Cambodia"  # row 3: not an ISO code
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(lines)
    result = runner.invoke(_app(), ["import", "htcds", "else", str(bad)])
    assert result.exit_code == 2
    assert "Row 3, column prs_Citizenship: 'Cambodia' is not a choice" in result.output
    assert "Nothing was imported: 1 of 3 rows refused." in result.output
    assert not Case.objects.filter(organisation=other_org).exists()


def test_it_refuses_a_file_that_is_no_table(other_org: Organisation, tmp_path: Path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = runner.invoke(_app(), ["import", "htcds", "else", str(empty)])
    assert result.exit_code == 2
    assert "The file is empty" in result.output
    missing = runner.invoke(_app(), ["import", "htcds", "else", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2
    assert not Case.objects.exists()


def test_it_says_which_setting_to_fix_when_the_form_is_missing(
    other_org: Organisation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SAFEPASSAGE_HTCDS_FIELDS", str(tmp_path / "nowhere.json"))
    source = tmp_path / "rows.csv"
    source.write_text("prs_Gender\nFeminine\n", encoding="utf-8")
    result = runner.invoke(_app(), ["import", "htcds", "else", str(source)])
    assert result.exit_code == 1
    assert "Set SAFEPASSAGE_HTCDS_FIELDS to where that file is" in result.output
    assert not Case.objects.exists()
