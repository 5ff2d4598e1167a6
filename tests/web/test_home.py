"""The placeholder home page and the health check, in every language."""

from __future__ import annotations

import os

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_serves_the_home_page(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "SafePassage" in text
    assert '<html lang="en">' in text
    assert "Countries covered: TH, KH, LA, VN, MM" in text


def test_it_offers_all_six_languages(client: Client):
    text = client.get("/").content.decode()
    for code, name in (
        ("th", "ไทย"),
        ("km", "ខ្មែរ"),
        ("lo", "ລາວ"),
        ("my", "မြန်မာ"),
        ("vi", "Tiếng Việt"),
        ("en", "English"),
    ):
        prefix = "" if code == "en" else f"/{code}"
        assert f'href="{prefix}/" lang="{code}" hreflang="{code}"' in text
        assert name in text


@pytest.mark.parametrize("code", ["th", "km", "lo", "my", "vi"])
def test_it_serves_the_page_under_each_language_prefix(client: Client, code: str):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}">' in response.content.decode()


def test_it_reports_health_with_the_database_vendor(client: Client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    url = os.environ.get("DATABASE_URL", "")
    assert response.json()["database"] == ("postgresql" if url.startswith("postgres") else "sqlite")
