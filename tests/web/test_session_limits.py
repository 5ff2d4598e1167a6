"""A signed-in session ends after 30 minutes without a request, and 8 hours after signing in
however busy; each request keeps it alive otherwise."""

from __future__ import annotations

import time
from typing import Any

import pytest

from safepassage.web.common.middleware import SEEN, SIGNED_IN

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _aged(client: Any, **ago: float) -> None:
    session = client.session
    now = time.time()
    client.get("/cases/")  # the first request notes when the session started
    session = client.session
    for key, seconds in ago.items():
        session[key] = now - seconds
    session.save()


def test_it_keeps_a_session_in_use(alice: Any):
    client = client_for(alice)
    _aged(client, **{SEEN: 29 * 60})
    assert client.get("/cases/").status_code == 200


def test_it_ends_a_session_idle_for_over_30_minutes(alice: Any):
    client = client_for(alice)
    _aged(client, **{SEEN: 31 * 60})
    response = client.get("/cases/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/cases/")
    assert client.get("/cases/").status_code == 302  # signed out, not only sent away


def test_it_ends_a_busy_session_after_8_hours(alice: Any):
    client = client_for(alice)
    _aged(client, **{SIGNED_IN: 8 * 3600 + 60, SEEN: 10})
    assert client.get("/cases/").status_code == 302
