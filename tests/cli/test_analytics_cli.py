"""`safepassage analytics` prints a release's k-safe tables (text, or CSV with a count column),
makes a release on schedule, and `safepassage import ctdc|glotip` accounts for every row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safepassage.cli import app
from safepassage.web.analytics.models import PublishedRecord, PublishedSource, Release
from safepassage.web.casework.demo import _generated
from safepassage.web.casework.models import Organisation
from tests.conftest import published_data

from ..web.conftest import make_user

pytestmark = pytest.mark.django_db
runner = CliRunner()
DATA = published_data()
ENV = {"COLUMNS": "200"}


@pytest.fixture
def org(db: None) -> Organisation:
    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    _generated(org, make_user("alice", org, "case_worker"), 200)
    return org


def test_it_makes_a_release_and_prints_it_as_csv(org: Organisation):
    made = runner.invoke(app, ["analytics", "release", "-o", "hh"], env=ENV)
    assert made.exit_code == 0, made.output
    release = Release.objects.get()
    assert f"hh: release {release.pk} made" in made.output
    shown = runner.invoke(app, ["analytics", "-o", "hh", "-f", "csv"], env=ENV)
    assert shown.exit_code == 0, shown.output
    lines = list(csv.DictReader(io.StringIO(shown.output)))
    assert lines[0].keys() == {"release", "table", "row", "column", "count"}
    assert len(lines) > 50
    assert min(int(line["count"]) for line in lines) >= release.k
    assert {line["table"] for line in lines} >= {"level_by_place", "funnel"}
    assert not [line for line in lines if "_" in line["row"] + line["column"]]  # words


def test_it_prints_one_table_as_text(org: Organisation):
    runner.invoke(app, ["analytics", "release", "-o", "hh"])
    shown = runner.invoke(app, ["analytics", "-o", "hh", "-t", "level_by_place"], env=ENV)
    assert shown.exit_code == 0, shown.output
    assert "The spectrum of exploitation by country and sector of work" in shown.output
    assert "Forced labour" in shown.output
    assert "ILO forced-labour indicators" not in shown.output


def test_it_names_what_it_cannot_find(org: Organisation):
    assert runner.invoke(app, ["analytics", "-o", "hh"]).exit_code == 1  # no release yet
    wrong = runner.invoke(app, ["analytics", "-o", "nowhere"], env=ENV)
    assert wrong.exit_code == 2
    assert "No organisation nowhere" in wrong.output
    runner.invoke(app, ["analytics", "release", "-o", "hh"])
    table = runner.invoke(app, ["analytics", "-o", "hh", "-t", "nonesuch"], env=ENV)
    assert (table.exit_code, "No table nonesuch" in table.output) == (2, True)


def test_it_imports_the_2020_subset_with_every_row_accounted_for(db: None):
    path = DATA / "ctdc" / "ctdc_global_2020_subset.csv"
    result = runner.invoke(app, ["import", "ctdc", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    with path.open(encoding="utf-8-sig") as handle:
        rows = sum(1 for _ in handle) - 1
    source = PublishedSource.objects.get(kind="ctdc_global")
    imported = PublishedRecord.objects.filter(source=source).count()
    assert rows == 48773
    assert imported + len(source.refused) == rows
    assert f"{rows} rows: {imported} imported, {len(source.refused)} refused." in result.output


def test_it_refuses_a_bad_file_whole_naming_the_column(db: None, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("yearOfRegistration,gender\n2019,Female\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "ctdc", str(bad)], env=ENV)
    assert result.exit_code == 2
    assert "citizenship" in result.output
    assert not PublishedSource.objects.exists()


def test_it_imports_glotip_and_keeps_the_latest_official_figures(db: None):
    path = DATA / "unodc-glotip" / "unodc_data_glotip.xlsx"
    result = runner.invoke(app, ["import", "glotip", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    summary = PublishedSource.objects.get(kind="glotip").summary
    thailand = summary["THA"]["detected_victims"]
    assert thailand["year"] <= 2021
    assert thailand["value"] > 0
    assert summary["KHM"]["detected_victims"]["year"] is None  # published by age only


def test_it_merges_two_organisations_packages_into_a_network_release(
    org: Organisation, tmp_path: Path
):
    second = Organisation.objects.create(name="Second", slug="two", country="TH")
    _generated(second, make_user("bob", second, "case_worker"), 150)
    Organisation.objects.create(name="The network", slug="network", country="TH")
    paths = []
    for slug in ("hh", "two"):
        assert runner.invoke(app, ["analytics", "release", "-o", slug]).exit_code == 0
        path = tmp_path / f"{slug}.json"
        made = runner.invoke(app, ["analytics", "package", str(path), "-o", slug], env=ENV)
        assert made.exit_code == 0, made.output
        assert "case" not in json.loads(path.read_text())["tables"][0]
        paths.append(str(path))
    merged = runner.invoke(app, ["analytics", "merge", *paths, "-o", "network"], env=ENV)
    assert merged.exit_code == 0, merged.output
    release = Release.objects.get(organisation__slug="network")
    assert release.kind == "network"
    # The network's counts are the packages' noisy counts added up, row by row (a sum under
    # zero, from noise, is no count: zero).
    sums: dict[str, int] = {}
    for path in paths:
        table = json.loads(Path(path).read_text())["tables"][0]
        for row, total in zip(table["rows"], table["row_totals"], strict=True):
            sums[row] = sums.get(row, 0) + total
    merged = release.data["tables"][0]
    assert merged["id"] == "level_by_place"
    shown = dict(zip(merged["rows"], merged["row_totals"], strict=True))
    assert {r: v for r, v in shown.items() if v is not None} == {
        r: max(11, max(0, n)) for r, n in sums.items() if shown.get(r) is not None
    }
    assert any(v is not None for v in shown.values())
    shown = runner.invoke(app, ["analytics", "-o", "network", "-f", "csv"], env=ENV)
    assert min(int(line["count"]) for line in csv.DictReader(io.StringIO(shown.output))) >= 11
