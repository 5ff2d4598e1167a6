"""A refused page is a page: translated, with the menu, saying what to do, not a bare 403."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_explains_a_refusal_in_a_translated_page_with_the_menu(alice: Any):
    response = client_for(alice).get("/cases/audit/")  # a case worker may not read the audit
    assert response.status_code == 403
    page = response.content.decode()
    assert "You cannot open this page" in page
    assert "ask your supervisor" in page
    assert 'class="staff"' in page  # the menu is there
    thai = client_for(alice).get("/th/cases/audit/")
    assert thai.status_code == 403
    assert '<html lang="th">' in thai.content.decode()
    assert "You cannot open this page" not in thai.content.decode()
