"""The API's account of a case: read as the answers overview shows it, answered as the intake
answers (the same input gives the same account, or is refused for the same reason, naming the
question and the field), against the case's version (a stale one is 409, and saves nothing)."""

from __future__ import annotations

import html
from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case, Organisation

from .conftest import client_for, example
from .test_api import call, token_for

pytestmark = pytest.mark.django_db


def _patch(found: Case, token: str, answers: dict[str, Any], version: int | None = None) -> Any:
    version = version or Case.objects.get(pk=found.pk).version
    body = {"version": version, "answers": answers}
    return call("PATCH", f"/api/cases/{found.pk}/account", token, body)


def _intake(user: Any, found: Case, qid: str, **fields: Any) -> Any:
    """The same answer as the intake page takes it."""
    version = Case.objects.get(pk=found.pk).version
    data = {"question": qid, "version": version, **fields}
    return client_for(user).post(f"/cases/{found.pk}/intake/", data)


def _problems(response: Any) -> dict[tuple[str, ...], str]:
    assert response.status_code == 422, response.content
    return {tuple(p["loc"]): p["msg"] for p in response.json()["detail"]}


def test_it_reads_the_answers_as_the_overview_shows_them(case: Case, alice: Any):
    response = call("GET", f"/api/cases/{case.pk}/account", token_for(alice))
    assert response.status_code == 200
    found = response.json()
    assert found["version"] == case.version
    assert found["account"] == case.account
    answers = {a["question"]: a for a in found["answers"]}
    assert (answers["work.sector"]["answer"], answers["work.sector"]["words"]) == (
        "garment", "Garment factory"
    )  # fmt: skip
    assert answers["person.age"]["answer"] == 27
    assert not any(q.startswith("gate.") for q in answers)  # as the overview: no filter question
    overview = html.unescape(client_for(alice).get(f"/cases/{case.pk}/answers/").content.decode())
    assert all(a["text"] in overview and a["words"] in overview for a in found["answers"])
    question = found["next_question"]
    assert found["settled"] is (question is None)
    assert question is None or question["text"]
    assert AuditEvent.objects.filter(case_id=case.pk, what="api account", action="view").exists()


def test_it_records_answers_as_the_intake_would(org: Organisation, alice: Any):
    by_api, by_page = (
        services.case_create(
            user=alice, organisation=org, account=example("manufacturing_thailand")
        )
        for _ in range(2)
    )
    response = _patch(by_api, token_for(alice), {
        "person.age": {"number": 16}, "work.sector": {"answer": "construction"},
        "work.pay": {"amount": 250, "currency": "THB", "per": "day"},
        "work.locked_in": {"answer": "unknown"},
    })  # fmt: skip
    assert response.status_code == 200, response.content
    _intake(alice, by_page, "person.age", number="16")
    _intake(alice, by_page, "work.sector", answer="construction")
    _intake(alice, by_page, "work.pay", amount="250", currency="THB", per="day")
    _intake(alice, by_page, "work.locked_in", answer="unknown")
    by_api.refresh_from_db()
    by_page.refresh_from_db()
    assert by_api.account == by_page.account
    assert (by_api.asked, by_api.level, by_api.version) == (
        by_page.asked, by_page.level, by_page.version
    )  # fmt: skip
    assert by_api.version == 5  # one change per answer, each against the version before it
    found = response.json()
    assert found["version"] == by_api.version
    assert {a["question"]: a["answer"] for a in found["answers"]}["work.pay"] == {
        "amount": 250.0, "currency": "THB", "per": "day"
    }  # fmt: skip
    what = set(AuditEvent.objects.filter(case_id=by_api.pk).values_list("what", flat=True))
    assert {"answer corrected person.age", "answer corrected work.sector"} <= what


def test_it_refuses_what_the_intake_refuses_for_the_same_reason(case: Case, alice: Any):
    response = _patch(case, token_for(alice), {
        "person.age": {"number": 150}, "work.sector": {"answer": "astronaut"},
        "work.pay": {"amount": 250, "currency": "THB"},
    })  # fmt: skip
    problems = _problems(response)
    where = ("body", "payload", "answers")
    assert set(problems) == {
        (*where, "person.age", "number"), (*where, "work.sector", "answer"),
        (*where, "work.pay", "amount"),
    }  # fmt: skip
    typed = {"answer": "astronaut", "number": "150", "amount": "250", "currency": "THB"}
    for (*_at, qid, field), msg in problems.items():
        page = _intake(case.created_by, case, qid, **typed)
        assert page.status_code == 400
        assert msg in html.unescape(page.content.decode()), (qid, field, msg)
    case.refresh_from_db()
    assert case.version == 1  # nothing saved, not even the answers that were right
    assert not case.asked


def test_it_records_all_or_none(case: Case, alice: Any):
    response = _patch(case, token_for(alice), {
        "work.sector": {"answer": "construction"}, "person.age": {"number": -1},
    })  # fmt: skip
    assert set(_problems(response)) == {("body", "payload", "answers", "person.age", "number")}
    case.refresh_from_db()
    assert (case.version, case.account["work"][0]["sector"]) == (1, "garment")


def test_it_names_a_question_it_does_not_know_and_an_amount_without_currency(
    case: Case, alice: Any
):
    response = _patch(case, token_for(alice), {
        "work.salary": {"number": 3}, "work.pay": {"amount": 250, "per": "day"},
    })  # fmt: skip
    problems = _problems(response)
    assert problems[("body", "payload", "answers", "work.salary")] == (
        "not a question of the interview"
    )
    assert "Currency" in problems[("body", "payload", "answers", "work.pay", "currency")]


def test_it_refuses_a_stale_version_with_409_and_saves_nothing(case: Case, alice: Any, bob: Any):
    token = token_for(alice)
    read = call("GET", f"/api/cases/{case.pk}/account", token).json()["version"]
    assert _patch(case, token_for(bob), {"person.age": {"number": 30}}).status_code == 200
    response = _patch(case, token, {"person.age": {"number": 31}}, version=read)
    assert response.status_code == 409
    assert response.json()["version"] == read + 1  # the version now: send again with it
    assert "Someone else changed this record" in response.json()["detail"]
    case.refresh_from_db()
    assert case.account["person"]["age"] == 30
    again = _patch(case, token, {"person.age": {"number": 31}}, version=read + 1)
    assert again.status_code == 200


def test_it_refuses_an_unreadable_account_with_409(case: Case, alice: Any, monkeypatch: Any):
    def unreadable(**kwargs: Any) -> Any:
        raise services.UnreadableAccount

    monkeypatch.setattr(services, "case_record_answer", unreadable)
    response = _patch(case, token_for(alice), {"person.age": {"number": 30}})
    assert response.status_code == 409
    assert "cannot be read" in response.json()["detail"]
