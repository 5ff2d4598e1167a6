"""The case list downloads as XLSX and CSV: exactly the cases its filters select, with the
page's columns, for case workers and supervisors only, every download audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest
from django.test import Client

from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case, Organisation

from .conftest import PERSONAL_NAME, client_for, example

pytestmark = pytest.mark.django_db

HEADERS = [
    "Reference", "Name", "Level", "Country", "Sector", "Stage", "Status", "Assigned to",
    "Next follow-up", "Updated",
]  # fmt: skip


@pytest.fixture
def cases(org: Organisation, alice: Any, case: Case, other_org: Organisation) -> list[Case]:
    """Thailand (the fixture's case and two more), one Vietnamese case, one of another
    organisation in Thailand."""
    made = [case]
    for name, account in (("=cmd|' /C calc'!A0", "fishing_vessel_thailand"),
                          ("Somchai", "agriculture_thailand"),
                          ("Lan", "vietnam_factory_overtime")):  # fmt: skip
        made.append(
            services.case_create(user=alice, organisation=org, name=name, account=example(account))
        )
    services.case_create(
        user=alice,
        organisation=other_org,
        name="Elsewhere",
        account=example("agriculture_thailand"),
    )
    return made


def _xlsx(client: Client, query: str = "") -> list[list[str]]:
    response = client.get(f"/cases/export.xlsx{query}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="safepassage-cases-')
    size = int(response["Content-Length"])  # announced: the browser shows the progress
    content = b"".join(response.streaming_content)
    assert len(content) == size
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [
        [c if c is not None else "" for c in row] for row in book.active.iter_rows(values_only=True)
    ]


def _csv(client: Client, query: str = "") -> list[list[str]]:
    response = client.get(f"/cases/export.csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_it_downloads_exactly_the_filtered_cases(cases: list[Case], alice: Any):
    client = client_for(alice)
    thai = {
        c.reference for c in Case.objects.filter(organisation=cases[0].organisation, country="TH")
    }
    assert len(thai) == 3
    for rows in (_xlsx(client, "?country=TH"), _csv(client, "?country=TH")):
        assert rows[0] == HEADERS
        assert {row[0] for row in rows[1:]} == thai
        assert all(row[3] == "Thailand" for row in rows[1:])
    everything = _xlsx(client)
    assert len(everything) == 1 + 4  # the organisation's four, never the other's
    assert "Elsewhere" not in {row[1] for row in everything}
    assert PERSONAL_NAME in {row[1] for row in everything}


def test_it_writes_a_cell_that_looks_like_a_formula_as_text(cases: list[Case], alice: Any):
    [row] = [r for r in _csv(client_for(alice)) if "calc" in r[1]]
    assert row[1] == "'=cmd|' /C calc'!A0"
    book_rows = _xlsx(client_for(alice))
    assert "=cmd|' /C calc'!A0" in {r[1] for r in book_rows}  # a string cell, not a formula


def test_it_audits_who_downloaded_which_filter_and_how_many(cases: list[Case], sue: Any):
    _csv(client_for(sue), "?country=TH&sort=level")
    event = AuditEvent.objects.get(action="export", username="sue")
    assert event.what == "case list export (csv) of 3 cases; filter: country=TH, sort=level"
    assert event.case_id is None


def test_it_lets_no_analyst_or_visitor_download_case_rows(cases: list[Case], ann: Any):
    for fmt in ("csv", "xlsx"):
        assert client_for(ann).get(f"/cases/export.{fmt}").status_code == 403
        response = Client().get(f"/cases/export.{fmt}")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client_for(ann).get("/cases/export.pdf").status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


def test_it_offers_the_download_on_the_list_with_its_filters(cases: list[Case], alice: Any):
    page = client_for(alice).get("/cases/?country=TH&page=1").content.decode()
    assert 'href="/cases/export.xlsx?country=TH"' in page
    assert 'href="/cases/export.csv?country=TH"' in page
