"""Every element id on a case-work page is unique: a label names exactly one field (two forms
with a field of the same name once pointed a label at the wrong one)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from safepassage.web.casework.models import Case

from .conftest import client_for, refer, task_for

pytestmark = pytest.mark.django_db
ID = re.compile(r'\sid="([^"]+)"')


def test_it_gives_each_element_of_a_case_page_its_own_id(case: Case, sue: Any):
    refer(sue, case)
    task_for(case)
    client = client_for(sue)
    for path in (f"/cases/{case.pk}/", f"/cases/{case.pk}/answers/", "/cases/", "/cases/inbox/"):
        page = client.get(path).content.decode()
        repeated = [name for name, n in Counter(ID.findall(page)).items() if n > 1]
        assert repeated == [], (path, repeated)
