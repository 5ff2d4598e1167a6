"""No signed-in page is kept in a cache: every response to a member of staff says no-store,
while the public pages keep their own caching."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safepassage.web.casework.models import Case

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/cases/", "/cases/{id}/", "/cases/{id}/parties/",
                                  "/cases/{id}/answers/"])  # fmt: skip
def test_it_says_no_store_on_every_staff_page(case: Case, alice: Any, path: str):
    response = client_for(alice).get(path.format(id=case.pk))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_it_leaves_the_public_home_page_cacheable(db: None):
    response = Client().get("/")
    assert response.status_code == 200
    assert "Cache-Control" not in response
