"""The overview: every answer on one page, each correctable (re-screened and audited), Back
in the interview, and the details asked for the record even once the result is settled."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


def _answer(client: Any, case: Case, data: dict[str, Any]) -> Any:
    case.refresh_from_db()
    return client.post(f"/cases/{case.pk}/intake/", {**data, "version": case.version})


def test_it_lists_every_answer_with_a_way_to_correct_it(case: Case, alice: Any):
    page = client_for(alice).get(f"/cases/{case.pk}/answers/").content.decode()
    assert "In which country do (or did) you work?" in page
    assert "Thailand" in page
    assert f"/cases/{case.pk}/intake/?q=work.country&amp;next=answers" in page
    assert (
        "What is the migrant&#x27;s nationality?" in page
        or "What is the migrant's nationality?" in page
    )


def test_it_corrects_an_answer_and_screens_again(org: Any, alice: Any):
    found = services.case_create(
        user=alice, organisation=org, account=example("scam_compound_cambodia")
    )
    client = client_for(alice)
    assert found.level == "forced_labour"
    form = client.get(f"/cases/{found.pk}/intake/?q=work.locked_in&next=answers").content.decode()
    assert "The answer recorded now: Yes" in form
    data = {
        "question": "work.locked_in",
        "correct": "work.locked_in",
        "next": "answers",
        "answer": "no",
    }
    response = _answer(client, found, data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cases/{found.pk}/answers/")
    found.refresh_from_db()
    assert found.account["work"][-1]["locked_in"] == {"answer": "no"}
    assert AuditEvent.objects.filter(
        case_id=found.pk, what="answer corrected work.locked_in"
    ).exists()


def test_it_makes_a_fact_unknown_when_corrected_to_dont_know(case: Case, alice: Any):
    data = {
        "question": "work.country",
        "correct": "work.country",
        "next": "answers",
        "answer": "unknown",
    }
    assert _answer(client_for(alice), case, data).status_code == 302
    case.refresh_from_db()
    assert "country" not in case.account["work"][-1]
    assert case.country == ""


def test_it_goes_back_to_the_previous_question(org: Any, alice: Any):
    case = services.case_create(user=alice, organisation=org)
    client = client_for(alice)
    first = client.get(f"/cases/{case.pk}/intake/").content.decode()
    qid = first.split('name="question" value="')[1].split('"')[0]
    _answer(client, case, {"question": qid, "answer": "unknown"})
    page = client.get(f"/cases/{case.pk}/intake/").content.decode()
    assert f'data-back="{qid}"' in page
    back = client.get(f"/cases/{case.pk}/intake/?q={qid}&next=intake").content.decode()
    assert f'data-correcting="{qid}"' in back
    assert qid == "work.country"  # asked first: the law depends on it
    data = {"question": qid, "correct": qid, "next": "intake", "answer": "TH"}
    response = _answer(client, case, data)
    assert response["Location"].endswith(f"/cases/{case.pk}/intake/")
    case.refresh_from_db()
    assert case.account["work"][-1]["country"] == "TH"


def test_it_takes_back_a_filter_questions_no(org: Any, alice: Any):
    case = services.case_create(user=alice, organisation=org)
    client = client_for(alice)
    _answer(client, case, {"question": "gate.journey", "answer": "no"})
    case.refresh_from_db()
    assert case.account["transit"]["confined"] == {"answer": "no"}
    _answer(client, case, {"question": "gate.journey", "correct": "gate.journey", "answer": "yes"})
    case.refresh_from_db()
    assert "confined" not in case.account.get("transit", {})


def test_it_takes_back_the_free_to_leave_that_a_filter_questions_no_gave(org: Any, alice: Any):
    # "Would anything stop you from leaving?" "No" made the worker free to leave; corrected to
    # "yes", that answer goes too, or the case would still read "free to leave".
    case = services.case_create(user=alice, organisation=org)
    client = client_for(alice)
    _answer(client, case, {"question": "work.country", "answer": "TH"})
    _answer(client, case, {"question": "gate.leaving", "answer": "no"})
    case.refresh_from_db()
    assert case.account["work"][-1]["free_to_leave"] == {"answer": "yes"}
    _answer(client, case, {"question": "gate.leaving", "correct": "gate.leaving", "answer": "yes"})
    case.refresh_from_db()
    assert "free_to_leave" not in case.account["work"][-1]
    assert "leaving_refused" not in case.account["work"][-1]


def test_it_records_the_nationality_though_the_interview_never_asks_it(case: Case, alice: Any):
    data = {
        "question": "person.nationality",
        "correct": "person.nationality",
        "next": "answers",
        "answer": "MM",
    }
    assert _answer(client_for(alice), case, data).status_code == 302
    case.refresh_from_db()
    assert case.account["person"]["nationality"] == "MM"
    page = client_for(alice).get(f"/cases/{case.pk}/answers/").content.decode()
    assert "Myanmar" in page


def test_it_keeps_a_refused_correction_typed(case: Case, alice: Any):
    data = {"question": "person.age", "correct": "person.age", "next": "answers", "number": "-4"}
    response = _answer(client_for(alice), case, data)
    assert response.status_code == 400
    assert 'value="-4"' in response.content.decode()


def test_it_refuses_a_correction_of_no_question(case: Case, alice: Any):
    assert client_for(alice).get(f"/cases/{case.pk}/intake/?q=work.nothing").status_code == 404


def test_it_asks_for_the_record_once_the_result_is_settled(org: Any, alice: Any):
    account = example("scam_compound_cambodia")
    account.get("person", {}).pop("nationality", None)
    found = services.case_create(user=alice, organisation=org, account=account)
    client = client_for(alice)
    for _ in range(40):  # the interview, answered "don't know" until it settles
        response = client.get(f"/cases/{found.pk}/intake/")
        if response.status_code == 302:
            break
        qid = response.content.decode().split('name="question" value="')[1].split('"')[0]
        _answer(client, found, {"question": qid, "answer": "unknown"})
    assert response["Location"].endswith(f"/cases/{found.pk}/answers/")
    page = client.get(response["Location"]).content.decode()
    assert "For the record, please also ask" in page
    assert "Not asked yet" in page


def test_it_takes_back_only_what_the_filter_question_set(org: Any, alice: Any):
    account = example("scam_compound_cambodia")  # locked in: yes, held by the account itself
    found = services.case_create(user=alice, organisation=org, account=account)
    before = dict(found.account["work"][-1])
    data = {"question": "gate.confinement", "correct": "gate.confinement", "answer": "yes"}
    _answer(client_for(alice), found, data)
    found.refresh_from_db()
    assert found.account["work"][-1]["locked_in"] == before["locked_in"]
