"""Logging in: strong password hashing in production settings, and throttled guessing."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, password: str) -> Any:
    return client.post("/accounts/login/", {"username": "alice", "password": password})


def test_it_logs_in_and_lands_on_the_case_list(alice: Any):
    client = Client()
    response = _login(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(response["Location"]).url == "/cases/"


def test_it_lands_an_analyst_on_the_statistics(ann: Any):
    client = Client()
    response = client.post("/accounts/login/", {"username": "ann", "password": PASSWORD})
    assert client.get(response["Location"]).url == "/statistics/"


def test_it_says_which_field_is_wrong_when_the_password_is_wrong(alice: Any):
    response = _login(Client(), "wrong")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_it_locks_the_account_after_five_failures_even_with_the_right_password(alice: Any):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_hashes_passwords_with_a_slow_salted_hash():
    from django.conf import global_settings

    from safepassage.web import settings as ours

    first = getattr(ours, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)[0]
    assert first.endswith(("PBKDF2PasswordHasher", "Argon2PasswordHasher", "ScryptPasswordHasher"))


def test_it_refuses_a_user_of_no_organisation_without_a_loop(db: None):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="nobody", password=PASSWORD)
    client = Client()
    client.force_login(user)
    assert client.get("/start/").status_code == 403
