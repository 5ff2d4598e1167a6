"""The statistics pages: an analyst reads a release as tables in words, filters them, and
downloads exactly what is shown; no count under k reaches the page or a download; another
organisation's users and anonymous visitors reach none of it."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import openpyxl
import pytest

from safepassage.web.analytics.models import Release, ReleaseKind
from safepassage.web.analytics.services import release_make
from safepassage.web.casework.demo import _generated
from safepassage.web.casework.models import AuditEvent, Organisation

from .conftest import client_for

pytestmark = pytest.mark.django_db
N = 240


@pytest.fixture
def release(org: Organisation, alice: Any) -> Release:
    _generated(org, alice, N)
    return release_make(organisation=org, kind=ReleaseKind.SCHEDULED)


def _numbers(html: str) -> list[int]:
    cells = re.findall(r"<td>(\d+)</td>", html)
    return [int(n) for n in cells]


def test_it_shows_the_analyst_tables_in_words(release: Release, ann: Any):
    response = client_for(ann).get("/statistics/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The spectrum of exploitation by country and sector of work" in page
    assert "Forced labour" in page
    assert "Thailand" in page
    for code in ("forced_labour", "level_by_place", "TH|", "rights_violated"):
        assert f">{code}<" not in page
    assert AuditEvent.objects.filter(what=f"release {release.pk} viewed", username="ann").exists()


def test_it_shows_no_count_under_k(release: Release, ann: Any):
    page = client_for(ann).get("/statistics/").content.decode()
    numbers = _numbers(page)
    assert len(numbers) > 40
    assert min(numbers) >= release.k


def test_it_keeps_the_rows_of_the_filter(release: Release, ann: Any):
    client = client_for(ann)
    every = client.get("/statistics/").content.decode()
    page = client.get("/statistics/", {"country": "KH"}).content.decode()
    assert "Cambodia" in page
    assert page.count('<th scope="row">Thailand</th>') == 0
    assert every.count('<th scope="row">Thailand</th>') > 0
    fishing = client.get("/statistics/", {"country": "TH", "sector": "fishing"}).content.decode()
    assert "Fishing boat" in fishing
    assert '<th scope="row">Garment factory</th>' not in fishing


def test_it_names_the_filter_it_cannot_apply(release: Release, ann: Any):
    response = client_for(ann).get("/statistics/", {"country": "ZZ"})
    assert response.status_code == 400
    assert 'id="id_country-error"' in response.content.decode()


def test_it_downloads_exactly_what_is_shown(release: Release, ann: Any):
    client = client_for(ann)
    query = {"country": "TH"}
    page = client.get("/statistics/", query).content.decode()
    section = page.split('id="level_by_place"')[1].split("</section>")[0]
    shown = _numbers(section)
    url = f"/statistics/releases/{release.pk}/level_by_place"
    text = client.get(f"{url}.csv", query).content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    from_csv = [int(v) for line in lines[2:-1] for v in line if v.isdigit()]
    assert from_csv == shown
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{url}.xlsx", query).content))
    values = [c for row in book.active.iter_rows(min_row=4, values_only=True) for c in row]
    assert [v for v in values if isinstance(v, int)] == shown
    assert AuditEvent.objects.filter(what=f"release {release.pk} downloaded").count() == 2


def test_it_draws_a_chart_in_words(release: Release, ann: Any):
    response = client_for(ann).get(f"/statistics/releases/{release.pk}/level_by_place.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg")
    assert "Forced labour" in svg
    assert "forced_labour" not in svg


def test_it_hides_a_release_from_another_organisation(release: Release, charlie: Any):
    client = client_for(charlie)
    assert client.get(f"/statistics/releases/{release.pk}/level_by_place.csv").status_code == 404
    assert client.get("/statistics/", {"release": release.pk}).status_code == 404


def test_it_sends_an_anonymous_visitor_to_log_in(release: Release):
    from django.test import Client

    response = Client().get(f"/statistics/releases/{release.pk}/level_by_place.csv")
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_the_statistics_to_a_case_worker(release: Release, alice: Any):
    assert client_for(alice).get("/statistics/").status_code == 403


def test_it_refuses_a_release_number_it_cannot_read(release: Release, ann: Any):
    assert client_for(ann).get("/statistics/", {"release": "²"}).status_code == 404
    assert client_for(ann).get("/statistics/compare/", {"release": "1e3"}).status_code == 404


def test_it_filters_by_country_of_work_not_nationality(release: Release, ann: Any):
    page = client_for(ann).get("/statistics/").content.decode()
    choices = page.split('name="country"')[1].split("</select>")[0]
    assert 'value="MM"' not in choices  # nationality only: nobody here works in Myanmar
    assert client_for(ann).get("/statistics/", {"country": "MM"}).status_code == 400
    assert client_for(ann).get("/statistics/", {"country": "KH"}).status_code == 200


def test_it_keeps_text_that_looks_like_a_formula_as_text():
    from safepassage.web.analytics.downloads import as_csv, as_xlsx
    from safepassage.web.analytics.present import Shown, ShownRow

    table = Shown(
        id="t", title="T", row_headings=["Province"], columns=["Cases"],
        rows=[ShownRow(parts=["=HYPERLINK(1)"], cells=[12], total=12)],
        col_totals=[12], total=12, multi=False, by_sector=False,
    )  # fmt: skip
    text = as_csv(table, 11).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx(table, 11)))
    assert book.active.cell(row=4, column=1).data_type == "s"


def test_it_audits_the_comparison(release: Release, ann: Any):
    client_for(ann).get("/statistics/compare/")
    assert AuditEvent.objects.filter(what="comparison with published data viewed").exists()


def test_it_gives_every_code_a_place_in_the_tables():
    from safepassage.core.analytics import dashboard
    from safepassage.web.casework.models import Outcome
    from safepassage.web.common.labels import INDICATORS, VIOLATIONS

    # A case is never cut short: each multi-valued table keeps every code a case can have.
    assert len(INDICATORS) <= dashboard.INDICATORS
    assert len(VIOLATIONS) <= dashboard.VIOLATIONS
    assert len([code for code, _ in Outcome.choices if code]) <= dashboard.OUTCOMES
