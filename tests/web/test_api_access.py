"""Every operation of the API as every caller, the operations read from the API's own schema (a
new operation without its entry here fails): no token is 401, an outsider's case 404, an
analyst 403 with no case data, every role that may do it 2xx; a refused call changes nothing,
and every call that is answered is in the audit log."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from safepassage.web.casework import selectors
from safepassage.web.casework.models import AuditEvent, Case, Organisation, Referral

from .conftest import PERSONAL_NAME, make_user, refer, task_for
from .routes import routes
from .test_api import call, token_for

pytestmark = pytest.mark.django_db

Body = Callable[[Case], Any]


def _version(found: Case) -> int:
    return Case.objects.get(pk=found.pk).version


def _step(found: Case) -> dict[str, Any]:
    step = selectors.case_assessment(case=found).plan.steps[0]
    return {"version": _version(found), "response_id": step.response,
            "provider_id": step.providers[0].id}  # fmt: skip


def _referral(found: Case) -> dict[str, Any]:
    referral = Referral.objects.filter(case=found).earliest("id")
    return {"version": referral.version, "contact_person": "Khun Somchai"}


def _answer(found: Case) -> dict[str, Any]:
    return {"version": _version(found), "answers": {"work.sector": {"answer": "construction"}}}


# Each operation, with a body a role that may do it sends (None: no body), and whether an
# outsider's call names a case of another organisation (the list is theirs: empty, not 404).
OPERATIONS: dict[str, Body | None] = {
    "GET /api/cases": None,
    "GET /api/cases/{case_id}": None,
    "GET /api/cases/{case_id}/account": None,
    "PATCH /api/cases/{case_id}/account": _answer,
    "GET /api/cases/{case_id}/determination": None,
    "GET /api/cases/{case_id}/plan": None,
    "GET /api/cases/{case_id}/notes": None,
    "POST /api/cases/{case_id}/notes": lambda found: {"text": "Called her sister."},
    "GET /api/cases/{case_id}/referrals": None,
    "POST /api/cases/{case_id}/referrals": _step,
    "PATCH /api/cases/{case_id}/referrals/{referral_id}": _referral,
    "GET /api/cases/{case_id}/tasks": None,
    "POST /api/cases/{case_id}/tasks": lambda found: {"title": "Call back", "due_on": "2026-12-01"},
    "PATCH /api/cases/{case_id}/tasks/{task_id}": lambda found: {"done": True},
}


def _schema_operations() -> set[str]:
    schema = json.loads(Client().get("/api/openapi.json").content)
    return {f"{method.upper()} {path}" for path, item in schema["paths"].items() for method in item}


@pytest.fixture
def world(case: Case, alice: Any) -> dict[str, int]:
    """The ids the paths name: the case, a referral from it, a follow-up on it."""
    referral = refer(alice, case)
    return {"case_id": case.pk, "referral_id": referral.pk, "task_id": task_for(case).pk}


def _call(operation: str, token: str | None, ids: dict[str, int], found: Case) -> Any:
    method, path = operation.split(" ")
    build = OPERATIONS[operation]
    return call(method, path.format(**ids), token, build(found) if build else None)


def _state(found: Case) -> tuple[Any, ...]:
    """What a refused call must leave as it was."""
    found = Case.objects.get(pk=found.pk)
    referrals = list(found.referrals.values_list("id", "version", "contact_person"))
    tasks = list(found.tasks.values_list("id", "done_at"))
    return found.version, found.account, found.notes.count(), referrals, tasks


def test_it_knows_every_operation_of_the_schema():
    assert set(OPERATIONS) == _schema_operations()
    paths = {"/" + r.pattern.replace("<", "{").replace(">", "}") for r in routes()}
    api_paths = {op.split(" ")[1] for op in OPERATIONS}
    assert api_paths <= paths
    rules = {r.rule for r in routes() if r.pattern.startswith("api/cases")}
    assert rules == {"api:token"}


def test_it_answers_401_without_a_good_token_on_every_operation(case: Case, world: dict):
    before = _state(case)
    for operation in OPERATIONS:
        for token in (None, "sp_not-a-token", "Basic x"):
            response = _call(operation, token, world, case)
            assert response.status_code == 401, operation
            assert response.json() == {"detail": "Unauthorized"}
    assert _state(case) == before


def test_it_hides_every_operation_on_a_case_from_an_outsider(case: Case, world: dict, charlie: Any):
    token, before = token_for(charlie), _state(case)
    for operation in OPERATIONS:
        response = _call(operation, token, world, case)
        if operation == "GET /api/cases":
            assert response.json()["count"] == 0
        else:
            assert response.status_code == 404, operation
            assert response.json() == {"detail": "Not Found"}
        assert PERSONAL_NAME not in response.content.decode()
        assert case.reference not in response.content.decode(), operation
    assert _state(case) == before
    assert not AuditEvent.objects.filter(case_id=case.pk, username="charlie").exists()


def test_it_refuses_an_analyst_every_operation_with_no_case_data(case: Case, world: dict, ann: Any):
    token, before = token_for(ann), _state(case)
    for operation in OPERATIONS:
        response = _call(operation, token, world, case)
        assert response.status_code == 403, operation
        assert PERSONAL_NAME not in response.content.decode()
        assert case.reference not in response.content.decode(), operation
    assert _state(case) == before
    assert not AuditEvent.objects.filter(username="ann").exists()


@pytest.mark.parametrize("role", ["case_worker", "supervisor", "administrator"])
def test_it_lets_every_role_that_may_do_each_operation_and_audits_it(
    case: Case, world: dict, org: Organisation, role: str
):
    user = make_user(f"a-{role}", org, role)
    token = token_for(user)
    for operation in OPERATIONS:
        events = AuditEvent.objects.filter(username=user.username)
        before = events.count()
        response = _call(operation, token, world, case)
        assert 200 <= response.status_code < 300, (operation, response.content[:300])
        assert events.count() > before, operation  # every call answered is audited


def test_it_answers_400_to_a_body_that_is_not_json_on_every_write(
    case: Case, world: dict, alice: Any
):
    token, before = token_for(alice), _state(case)
    writes = [op for op in OPERATIONS if not op.startswith("GET ")]
    assert len(writes) == 6
    for operation in writes:
        method, path = operation.split(" ")
        response = Client().generic(
            method, path.format(**world), "version=1&text=x", content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )  # fmt: skip
        assert response.status_code == 400, operation
        assert isinstance(response.json()["detail"], str)
    assert _state(case) == before
