"""Password spraying: failed log-ins from one address are counted across every username, so
trying one password on 40 usernames locks that address out (even with a right password),
while another address still logs in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safepassage.web.common.auth import ADDRESS_LIMIT

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _try(address: str, username: str, password: str) -> Any:
    client = Client(REMOTE_ADDR=address)
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_it_locks_out_an_address_that_sprays_passwords_across_usernames(alice: Any):
    for number in range(40):
        _try("203.0.113.9", f"user{number}", "Summer2026!")
    refused = _try("203.0.113.9", "alice", PASSWORD)
    assert refused.status_code == 200
    assert "Too many failed log-ins from this network" in refused.content.decode()
    assert _try("198.51.100.4", "alice", PASSWORD).status_code == 302  # another address


def test_it_leaves_an_office_a_few_typos_below_the_limit(alice: Any):
    for number in range(ADDRESS_LIMIT - 1):
        _try("203.0.113.10", f"colleague{number}", "typo")
    assert _try("203.0.113.10", "alice", PASSWORD).status_code == 302
