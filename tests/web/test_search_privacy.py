"""An analyst, who sees aggregates and no personal data, cannot re-identify a person by searching
for their phone number or name: the case list itself is refused, with or without a search. A
case worker still finds the case."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from safepassage.web.casework import selectors
from safepassage.web.casework.models import Case

from .conftest import PERSONAL_NAME, PERSONAL_PHONE, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [PERSONAL_PHONE, PERSONAL_NAME, "AB 123456"])
def test_an_analyst_searching_by_a_personal_identifier_is_refused(case: Case, ann: Any, query):
    response = client_for(ann).get("/cases/", {"q": query})
    assert response.status_code == 403
    page = response.content.decode()
    assert case.reference not in page
    assert "/statistics/" in page  # the way back is to what the analyst may see
    with pytest.raises(PermissionDenied):
        selectors.case_list(user=ann, query=query)


def test_an_analyst_reaches_no_case_list(case: Case, ann: Any):
    response = client_for(ann).get("/cases/")
    assert response.status_code == 403
    assert case.reference not in response.content.decode()
    with pytest.raises(PermissionDenied):
        selectors.case_list(user=ann)


def test_a_case_worker_still_finds_the_case_by_phone_and_name(case: Case, alice: Any):
    for query in (PERSONAL_PHONE, PERSONAL_NAME):
        response = client_for(alice).get("/cases/", {"q": query})
        assert response.status_code == 200
        assert case.reference in response.content.decode()
    assert 'name="q"' in client_for(alice).get("/cases/").content.decode()
