"""The case list: the organisation's cases only, filtered and searched."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import Case

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(org: Any, alice: Any, other_org: Any, charlie: Any) -> dict[str, Case]:
    made = {}
    for name in ("scam_compound_cambodia", "fishing_vessel_thailand", "decent_work_construction"):
        made[name] = services.case_create(user=alice, organisation=org, account=example(name))
    made["elsewhere"] = services.case_create(
        user=charlie, organisation=other_org, account=example("manufacturing_thailand")
    )
    return made


def _listed(client: Any, **query: str) -> set[str]:
    page = client.get("/cases/", query).content.decode()
    return {chunk.split("<")[0] for chunk in page.split('/">')[1:] if "-0" in chunk.split("<")[0]}


def test_it_lists_only_the_organisation_cases(cases: dict[str, Case], alice: Any):
    listed = _listed(client_for(alice))
    assert cases["scam_compound_cambodia"].reference in listed
    assert cases["elsewhere"].reference not in listed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "KH"}, {"scam_compound_cambodia"}),
        ({"sector": "fishing"}, {"fishing_vessel_thailand"}),
        ({"level": "decent_work"}, {"decent_work_construction"}),
        ({"level": "forced_labour", "country": "TH"}, {"fishing_vessel_thailand"}),
    ],
)
def test_it_filters(cases: dict[str, Case], alice: Any, query: dict[str, str], expected: set[str]):
    assert _listed(client_for(alice), **query) == {cases[name].reference for name in expected}


def test_it_finds_a_case_by_its_reference(cases: dict[str, Case], alice: Any):
    reference = cases["fishing_vessel_thailand"].reference
    assert _listed(client_for(alice), q=reference.lower()) == {reference}


def test_it_explains_a_bad_filter_instead_of_failing(cases: dict[str, Case], alice: Any):
    response = client_for(alice).get("/cases/", {"level": "nonsense"})
    assert response.status_code == 200
    assert "“Level”: please choose one of the options shown." in response.content.decode()


def test_it_finds_a_case_by_part_of_its_reference(cases: dict[str, Case], alice: Any):
    reference = cases["fishing_vessel_thailand"].reference  # e.g. ORG-000002
    digits = reference.split("-")[1].lstrip("0")
    listed = _listed(client_for(alice), q=reference.split("-")[1][-4:])
    assert reference in listed
    assert cases["elsewhere"].reference not in _listed(client_for(alice), q=digits.zfill(4))


def test_it_says_that_a_name_is_found_only_exactly(cases: dict[str, Case], alice: Any):
    page = client_for(alice).get("/cases/").content.decode()
    assert "a part of a name finds nothing" in page


def test_it_shows_country_names_not_codes(cases: dict[str, Case], alice: Any):
    page = client_for(alice).get("/cases/").content.decode()
    assert '<td data-label="Country">Cambodia</td>' in page
    assert ">KH</td>" not in page
