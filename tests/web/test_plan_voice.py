"""The case page speaks to the case worker about the worker, not to the migrant as "you"."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


def test_it_speaks_of_the_worker_on_the_case_page(org: Any, alice: Any):
    found = services.case_create(
        user=alice, organisation=org, account=example("scam_compound_cambodia")
    )
    page = client_for(alice).get(f"/cases/{found.pk}/").content.decode()
    assert "The worker is held and cannot leave safely" in page
    assert "You are held" not in page
