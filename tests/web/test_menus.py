"""A menu shows only what the user's role can open: no entry leads to a refusal."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _menu(page: str) -> list[str]:
    nav = page.split('<nav class="staff"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.parametrize("role", ["alice", "sue", "ann"])
def test_it_offers_no_menu_entry_that_refuses(role: str, request: Any):
    user = request.getfixturevalue(role)
    client = client_for(user)
    links = _menu(client.get("/cases/").content.decode())
    assert links
    for link in links:
        assert client.get(link).status_code == 200, (role, link)


def test_it_shows_the_audit_log_only_to_a_role_that_may_read_it(alice: Any, sue: Any):
    assert "/cases/audit/" not in _menu(client_for(alice).get("/cases/").content.decode())
    assert "/cases/audit/" in _menu(client_for(sue).get("/cases/").content.decode())
