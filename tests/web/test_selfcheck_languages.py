"""Switching language works on every self-check page without a cookie: each language button
posts the page's state to the same page under the other language's prefix."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from safepassage.web.selfcheck.state import State

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _ in settings.LANGUAGES]
STATE = State(answers={"work.country": "TH"}, asked=["work.country"]).dumps()
PAGES = {  # a page of the check, and what its language forms post with it
    "start": ("/check/", {}),
    "question": ("/check/question/", {"state": STATE}),
    "result": ("/check/question/", {"state": STATE, "finish": "1"}),
    "contact": ("/check/contact/", {"state": STATE}),
}


def _switches(page: str) -> list[tuple[str, dict[str, str]]]:
    """Each language form on the page: where it posts, and its hidden fields."""
    found = []
    for form in re.findall(
        r'<form method="post" action="([^"]+)" class="lang-switch">(.*?)</form>', page, re.S
    ):
        action, body = form
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
        found.append((action, fields))
    return found


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_it_switches_language_on_every_page_without_a_cookie(name: str, language: str):
    path, data = PAGES[name]
    client = Client(enforce_csrf_checks=True)
    page = (client.post(path, data) if data else client.get(path)).content.decode()
    switches = _switches(page)
    assert len(switches) == len(LANGUAGES)
    [(action, fields)] = [
        (a, f)
        for a, f in switches
        if a.startswith(f"/{language}/")
        or (language == "en" and not re.match(r"^/(th|km|lo|my|vi)/", a))
    ]
    response = client.post(action, fields)
    assert response.status_code == 200, (name, language, response.status_code)
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    if name != "start":
        assert 'name="state"' in text  # the answers so far come along
    assert not client.cookies
