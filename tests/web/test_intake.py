"""The intake asks the core's adaptive questions one at a time and records every answer."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.core.interview import read
from safepassage.web.casework import core_edge
from safepassage.web.casework.models import Case

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _new_case(client: Any) -> Case:
    response = client.post("/cases/new/", {"name": "", "phone": "", "document_number": ""})
    assert response.status_code == 302
    return Case.objects.get()


def test_it_starts_with_the_country_of_work(alice: Any):
    client = client_for(alice)
    found = _new_case(client)
    page = client.get(f"/cases/{found.pk}/intake/").content.decode()
    assert 'name="question" value="work.country"' in page


def test_it_records_an_answer_and_moves_on(alice: Any):
    client = client_for(alice)
    found = _new_case(client)
    response = client.post(
        f"/cases/{found.pk}/intake/", {"question": "work.country", "answer": "KH", "version": 1}
    )
    assert response.status_code == 302
    found.refresh_from_db()
    assert found.version == 2
    assert found.asked == ["work.country"]
    assert read(core_edge.account_from(found.account), "work.country") == "KH"
    assert found.country == "KH"
    page = client.get(f"/cases/{found.pk}/intake/").content.decode()
    assert 'value="work.country"' not in page


def test_it_records_dont_know_without_asking_again(alice: Any):
    client = client_for(alice)
    found = _new_case(client)
    client.post(
        f"/cases/{found.pk}/intake/", {"question": "work.country", "answer": "KH", "version": 1}
    )
    found.refresh_from_db()
    nxt = client.get(f"/cases/{found.pk}/intake/").content.decode()
    qid = nxt.split('name="question" value="')[1].split('"')[0]
    client.post(f"/cases/{found.pk}/intake/", {"question": qid, "answer": "unknown", "version": 2})
    found.refresh_from_db()
    assert qid in found.asked
    assert f'value="{qid}"' not in client.get(f"/cases/{found.pk}/intake/").content.decode()


def test_it_refuses_a_bad_number_naming_the_field_and_keeping_it(alice: Any):
    client = client_for(alice)
    found = _new_case(client)
    response = client.post(
        f"/cases/{found.pk}/intake/", {"question": "person.age", "number": "abc", "version": 1}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "must be a number" in text
    assert "Your answer" in text
    response = client.post(
        f"/cases/{found.pk}/intake/", {"question": "person.age", "number": "300", "version": 1}
    )
    assert response.status_code == 400
    assert 'value="300' in response.content.decode()
    found.refresh_from_db()
    assert found.version == 1


def test_it_asks_for_the_currency_of_an_amount_sent_without_one(alice: Any):
    """A hand-made POST without a currency (the page always sends one) is refused naming the
    field, the amount kept; it was a 500 from the core."""
    client = client_for(alice)
    found = _new_case(client)
    answer = {"question": "work.pay", "amount": "9000", "currency": "", "per": "month"}
    response = client.post(f"/cases/{found.pk}/intake/", {**answer, "version": 1})
    assert response.status_code == 400
    text = response.content.decode()
    assert "“Currency” is empty" in text
    assert 'value="9000' in text
    found.refresh_from_db()
    assert found.version == 1
