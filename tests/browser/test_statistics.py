"""The analyst in the browser: opens the statistics, filters by country and sector, downloads
the table as shown, and reaches no case page; an anonymous visitor and another organisation's
users reach none of it."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from safepassage.web.analytics.models import Release, ReleaseKind
from safepassage.web.analytics.services import release_make
from safepassage.web.casework.demo import _generated
from safepassage.web.casework.models import Organisation

from ..web.conftest import make_user
from .conftest import PHONE
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def release(db: None) -> Release:
    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    other = Organisation.objects.create(name="Elsewhere", slug="else", country="TH")
    worker = make_user("alice", org, "case_worker")
    make_user("ann", org, "analyst")
    make_user("charlie", other, "supervisor")
    _generated(org, worker, 240)
    return release_make(organisation=org, kind=ReleaseKind.SCHEDULED)


def test_the_analyst_filters_and_downloads(page: Page, live_server: Any, release: Release):
    log_in(page, live_server.url, "ann")
    expect(page.get_by_role("heading", name="Statistics across cases")).to_be_visible()
    page.get_by_role("combobox", name="Country of work").select_option(label="Thailand")
    page.get_by_role("combobox", name="Sector").select_option(label="Fishing boat")
    page.get_by_role("button", name="Filter").click()
    section = page.locator("#level_by_place")
    rows = section.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th").nth(1)).to_have_text("Fishing boat")
    shown = [t.strip() for t in rows.first.locator("td").all_inner_texts()]
    with page.expect_download() as info:
        section.get_by_role("link", name="CSV").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    fishing = next(line for line in lines if line[:2] == ["Thailand", "Fishing boat"])
    assert [v or "Hidden" for v in fishing[2:]] == shown
    assert page.get_by_role("link", name="Cases", exact=True).count() == 0
    response = page.goto(f"{live_server.url}/cases/")
    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("link", name="Back to the statistics")).to_be_visible()


def test_nobody_else_reaches_the_statistics(page: Page, live_server: Any, release: Release):
    url = f"{live_server.url}/statistics/releases/{release.pk}/level_by_place.csv"
    page.goto(f"{live_server.url}/statistics/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/statistics/")
    log_in(page, live_server.url, "charlie")
    response = page.request.get(url)
    assert response.status == 404
    page.goto(f"{live_server.url}/statistics/")
    expect(page.get_by_text("No release has been made yet.")).to_be_visible()


def test_the_statistics_fit_a_phone(page: Page, live_server: Any, release: Release):
    from safepassage.web.analytics.published import published_import, read_source
    from tests.conftest import published_data

    glotip = published_data() / "unodc-glotip" / "unodc_data_glotip.xlsx"
    published_import(kind="glotip", report=read_source("glotip", glotip))  # its table too
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "ann")
    for path in ("/statistics/", "/my/statistics/", "/km/statistics/compare/"):
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert width[0] <= width[1], (path, width)
