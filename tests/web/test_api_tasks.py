"""The API's follow-ups (tasks): listed as the case page lists them, added as its follow-up form
adds one (a refusal names the field), marked done or not done again; each audited."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case, Task

from .conftest import example, task_for
from .test_api import call, token_for

pytestmark = pytest.mark.django_db


def test_it_adds_a_follow_up_and_lists_it(case: Case, alice: Any):
    token = token_for(alice)
    made = call("POST", f"/api/cases/{case.pk}/tasks", token,
                {"title": "Call Ma Aye back", "due_on": "2026-12-01"})  # fmt: skip
    assert made.status_code == 201, made.content
    task = Task.objects.get()
    assert (task.title, task.due_on.isoformat(), task.assigned_to) == (
        "Call Ma Aye back", "2026-12-01", alice
    )  # fmt: skip
    listed = call("GET", f"/api/cases/{case.pk}/tasks", token).json()
    assert [(t["id"], t["title"], t["assigned_to"], t["done"]) for t in listed] == [
        (task.pk, "Call Ma Aye back", "alice", False)
    ]
    what = set(AuditEvent.objects.filter(case_id=case.pk).values_list("what", flat=True))
    assert {"follow-up added for 2026-12-01", "api tasks"} <= what


def test_it_refuses_a_follow_up_the_form_refuses_naming_the_field(case: Case, alice: Any):
    token = token_for(alice)
    for body, field in (
        ({"title": "   ", "due_on": "2026-12-01"}, "title"),
        ({"title": "x" * 301, "due_on": "2026-12-01"}, "title"),
        ({"title": "Call", "due_on": "next week"}, "due_on"),
        ({"due_on": "2026-12-01"}, "title"),
    ):
        response = call("POST", f"/api/cases/{case.pk}/tasks", token, body)
        assert response.status_code == 422, body
        assert [p["loc"][-1] for p in response.json()["detail"]] == [field], body
    assert not Task.objects.exists()


def test_it_marks_a_follow_up_done_and_not_done_again(case: Case, alice: Any):
    task = task_for(case)
    token = token_for(alice)
    path = f"/api/cases/{case.pk}/tasks/{task.pk}"
    done = call("PATCH", path, token, {"done": True}).json()
    assert (done["done"], done["done_by"]) == (True, "alice")
    assert call("PATCH", path, token, {"done": False}).json()["done"] is False
    what = list(AuditEvent.objects.filter(case_id=case.pk).values_list("what", flat=True))
    assert {f"follow-up {task.pk} done", f"follow-up {task.pk} not done"} <= set(what)


def test_it_finds_a_follow_up_only_on_its_own_case(case: Case, alice: Any, org: Any):
    other = services.case_create(
        user=alice, organisation=org, account=example("vietnam_factory_overtime")
    )
    task = task_for(other)
    response = call("PATCH", f"/api/cases/{case.pk}/tasks/{task.pk}", token_for(alice), {})
    assert response.status_code == 404
    assert Task.objects.get(pk=task.pk).done_at is None
