"""An analyst, who sees aggregates and no personal data, cannot re-identify a person by searching
for their phone number or name: no search box, and a search by URL is refused. A case worker
still finds the case."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import selectors
from safepassage.web.casework.models import Case

from .conftest import PERSONAL_NAME, PERSONAL_PHONE, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [PERSONAL_PHONE, PERSONAL_NAME, "AB 123456"])
def test_an_analyst_searching_by_a_personal_identifier_is_refused(case: Case, ann: Any, query):
    response = client_for(ann).get("/cases/", {"q": query})
    assert response.status_code == 403
    page = response.content.decode()
    assert 'data-refused="1"' in page
    assert case.reference not in page
    with pytest.raises(selectors.SearchRefused):
        selectors.case_list(user=ann, query=query)


def test_the_analysts_case_list_has_no_search_box(case: Case, ann: Any):
    page = client_for(ann).get("/cases/").content.decode()
    assert 'name="q"' not in page
    assert case.reference in page  # the list itself, without personal data


def test_a_case_worker_still_finds_the_case_by_phone_and_name(case: Case, alice: Any):
    for query in (PERSONAL_PHONE, PERSONAL_NAME):
        response = client_for(alice).get("/cases/", {"q": query})
        assert response.status_code == 200
        assert case.reference in response.content.decode()
    assert 'name="q"' in client_for(alice).get("/cases/").content.decode()
