"""The web intake and the self-check stop where the core's interview does: when the result is
settled, on the result of the whole account. The self-check also stops at its limit, and then
labels its result provisional."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safepassage.core.account import Account
from safepassage.core.interview import simulate
from safepassage.web.casework import core_edge
from safepassage.web.casework.models import Case
from safepassage.web.selfcheck.state import State
from safepassage.web.selfcheck.views import MAX_QUESTIONS

from .conftest import client_for, example
from .doors import answer_data, field, project

pytestmark = pytest.mark.django_db


def _outcome(account: Account) -> tuple[str, str]:
    result = core_edge.screen(account)
    return result.level.code, result.trafficking.result.value


@pytest.mark.parametrize(
    "name",
    ["scam_compound_cambodia", "irregular_threatened_denunciation", "child_entertainment_venue"],
)
def test_the_intake_settles_on_the_full_accounts_result(alice: Any, name: str):
    truth = project(core_edge.account_from(example(name)))
    client = client_for(alice)
    client.post("/cases/new/", {"name": "", "phone": "", "document_number": ""})
    found = Case.objects.get()
    for _ in range(80):
        page = client.get(f"/cases/{found.pk}/intake/")
        if page.status_code == 302:  # settled: the intake hands over to the case page
            break
        qid = field(page.content.decode(), "question")
        found.refresh_from_db()
        client.post(
            f"/cases/{found.pk}/intake/", {**answer_data(truth, qid), "version": found.version}
        )
    found.refresh_from_db()
    assert (found.level, found.trafficking) == _outcome(truth)
    count, _ = simulate(core_edge.screener(), truth, start=Account())
    assert len(found.asked) == count
    detail = client.get(f"/cases/{found.pk}/").content.decode()
    assert 'data-settled="1"' in detail


def _walk(truth: Account) -> tuple[str, int]:
    client = Client()
    page = client.post("/check/question/", {"state": State().dumps()}).content.decode()
    asked = 0
    while 'name="question"' in page:
        qid, state = field(page, "question"), field(page, "state")
        response = client.post("/check/question/", {"state": state, **answer_data(truth, qid)})
        assert response.status_code == 200, response.content.decode()[-400:]
        page, asked = response.content.decode(), asked + 1
    return page, asked


@pytest.mark.parametrize("name", ["scam_compound_cambodia", "decent_work_construction"])
def test_the_self_check_settles_on_the_full_accounts_result_when_it_can(name: str):
    truth = project(core_edge.account_from(example(name)))
    page, asked = _walk(truth)
    level, _ = _outcome(truth)
    assert f'data-level="{level}"' in page
    assert asked < MAX_QUESTIONS
    assert "data-provisional" not in page


def test_the_self_check_labels_its_result_provisional_when_it_stops_at_its_limit():
    truth = project(core_edge.account_from(example("recruitment_fee_only")))
    count, _ = simulate(core_edge.screener(), truth, start=Account())
    assert count > MAX_QUESTIONS  # what the account does not say stays open: a long interview
    page, asked = _walk(truth)
    assert asked == MAX_QUESTIONS
    assert "data-provisional=" in page
    assert "This result is not final" in page
