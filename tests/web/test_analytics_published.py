"""Published data beside the organisation's: UNODC's latest official figures under the
identification funnel (with their year and the years missing), and CTDC's cases beside the
organisation's for the same nationalities."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.analytics.models import ReleaseKind
from safepassage.web.analytics.published import published_import, read_source
from safepassage.web.analytics.services import release_make
from safepassage.web.casework.demo import _generated
from safepassage.web.casework.models import Organisation
from tests.conftest import published_data

from .conftest import client_for

pytestmark = pytest.mark.django_db
DATA = published_data()


@pytest.fixture
def released(org: Organisation, alice: Any) -> None:
    _generated(org, alice, 200)
    release_make(organisation=org, kind=ReleaseKind.SCHEDULED)


def _import(kind: str, name: str) -> None:
    published_import(kind=kind, report=read_source(kind, DATA / name))


def test_it_puts_the_official_figures_under_the_funnel(released: None, ann: Any):
    _import("glotip", "unodc-glotip/unodc_data_glotip.xlsx")
    page = client_for(ann).get("/statistics/").content.decode()
    funnel = page.split('id="funnel"')[1].split("</section>")[0]
    assert "Beside the latest official figures (UNODC)" in funnel
    row = funnel.split('<th scope="row">Thailand</th><td>Victims detected</td>')[1]
    assert row.startswith("<td>134</td><td>2021</td>")
    assert "No figure for 2003, 2004" in row.split("</tr>")[0]


def test_it_says_when_the_official_figures_are_missing(released: None, ann: Any):
    page = client_for(ann).get("/statistics/").content.decode()
    assert "safepassage import glotip" in page


def test_it_puts_the_cases_beside_ctdcs(released: None, ann: Any):
    _import("ctdc_global", "ctdc/ctdc_global_2020_subset.csv")
    page = client_for(ann).get("/statistics/compare/").content.decode()
    myanmar = page.split('<th scope="row">Myanmar</th>')[1].split("</tr>")[0]
    cells = myanmar.replace("</td>", "").split("<td>")[1:]
    assert cells[3:6] == ["1250", "1250", "0"]  # CTDC: all 1,250 in forced labour
    ours = cells[0]  # the organisation's count, released (with noise: at least k, or hidden)
    assert "Hidden" in ours or int(ours) >= 11
    assert "Source: CTDC" in page
