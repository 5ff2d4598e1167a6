"""A search keeps the name, phone or document number out of the address: the form is posted,
the list's address carries an opaque token, and the token means nothing in another session."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework.models import Case

from .conftest import PERSONAL_NAME, PERSONAL_PHONE, client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("words", [PERSONAL_NAME, PERSONAL_PHONE, "AB 123456"])
def test_it_finds_the_case_with_the_words_out_of_the_address(case: Case, alice: Any, words: str):
    client = client_for(alice)
    response = client.post("/cases/", {"q": words, "country": "", "level": ""})
    assert response.status_code == 302
    address = response["Location"]
    assert address.startswith("/cases/?search=")
    digits = "".join(ch for ch in words if ch.isdigit())
    for part in {words, words.replace(" ", "+"), digits} - {""}:
        assert part not in address
    page = client.get(address).content.decode()
    assert case.reference in page
    assert f'value="{words}"' in page  # the form shows what was searched for


def test_it_keeps_the_filters_in_the_address(case: Case, alice: Any):
    response = client_for(alice).post("/cases/", {"q": "", "country": "TH"})
    assert response["Location"] == "/cases/?country=TH"


def test_it_finds_nothing_with_a_token_of_another_session(case: Case, alice: Any, bob: Any):
    address = client_for(alice).post("/cases/", {"q": PERSONAL_NAME})["Location"]
    page = client_for(bob).get(address).content.decode()
    assert f'value="{PERSONAL_NAME}"' not in page  # nothing was searched for in bob's session


def test_it_downloads_the_searched_cases_with_the_same_token(case: Case, alice: Any):
    client = client_for(alice)
    address = client.post("/cases/", {"q": PERSONAL_NAME})["Location"]
    token = address.split("search=", 1)[1]
    download = client.get(f"/cases/export.csv?search={token}")
    assert case.reference in b"".join(download.streaming_content).decode()
