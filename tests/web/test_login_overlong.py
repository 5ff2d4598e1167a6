"""An overlong username is refused by the form, naming the field, on every database (it once
reached the lockout records and failed with a server error on PostgreSQL)."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("length", [151, 256, 5000])
def test_it_refuses_an_overlong_username_without_a_server_error(length: int):
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"username": "a" * length, "password": "x" * 20})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Username" in page
    assert "“Username” is too long: please shorten it." in page
    assert not AccessAttempt.objects.filter(username__startswith="a" * 151).exists()
