"""Follow-ups: a task with a due date on a case, a reminder on the list, an overdue flag, and
legal deadlines turned into follow-ups with their source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from safepassage.web.casework import services
from safepassage.web.casework.models import Case, Task

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


def _days(n: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=n)).isoformat()


def test_it_adds_a_follow_up_and_shows_it_on_the_case(case: Case, alice: Any):
    client = client_for(alice)
    response = client.post(
        f"/cases/{case.pk}/tasks/", {"title": "Call the employer", "due_on": _days(3)}
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.title, task.due_on.isoformat(), task.created_by) == (
        "Call the employer",
        _days(3),
        alice,
    )
    assert "Call the employer" in client.get(f"/cases/{case.pk}/").content.decode()


def test_it_keeps_what_was_typed_when_the_date_is_missing(case: Case, alice: Any):
    response = client_for(alice).post(f"/cases/{case.pk}/tasks/", {"title": "Typed text"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Typed text"' in page
    assert "“By when” is empty" in page
    assert not Task.objects.exists()


def test_it_flags_an_overdue_follow_up_on_the_list(case: Case, alice: Any):
    client = client_for(alice)
    client.post(f"/cases/{case.pk}/tasks/", {"title": "Late", "due_on": _days(-2)})
    page = client.get("/cases/").content.decode()
    assert f"Overdue since {_days(-2)}" in page
    assert case.reference in client.get("/cases/?overdue=on").content.decode()


def test_it_shows_the_next_follow_up_as_a_reminder(case: Case, alice: Any):
    client = client_for(alice)
    client.post(f"/cases/{case.pk}/tasks/", {"title": "Later", "due_on": _days(9)})
    client.post(f"/cases/{case.pk}/tasks/", {"title": "Sooner", "due_on": _days(4)})
    page = client.get("/cases/").content.decode()
    assert f'data-label="Next follow-up">{_days(4)}' in page
    assert case.reference not in client.get("/cases/?overdue=on").content.decode()


def test_it_marks_a_follow_up_done(case: Case, alice: Any):
    client = client_for(alice)
    client.post(f"/cases/{case.pk}/tasks/", {"title": "Late", "due_on": _days(-2)})
    task = Task.objects.get()
    assert client.post(f"/cases/{case.pk}/tasks/{task.pk}/", {"done": "1"}).status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None
    assert task.done_by == alice
    assert "Overdue since" not in client.get("/cases/").content.decode()


def test_it_hides_a_follow_up_of_another_case(case: Case, org: Any, alice: Any):
    other = services.case_create(user=alice, organisation=org)
    task = Task.objects.create(case=other, title="Theirs", due_on=timezone.localdate())
    assert client_for(alice).post(f"/cases/{case.pk}/tasks/{task.pk}/").status_code == 404


def test_it_turns_a_legal_deadline_into_a_follow_up_with_its_source(org: Any, alice: Any):
    owed = services.case_create(
        user=alice, organisation=org, account=example("deported_wages_owed")
    )
    client = client_for(alice)
    page = client.get(f"/cases/{owed.pk}/").content.decode()
    assert "Bring the claim for unpaid wages" in page
    assert "2 years" in page
    data = {"deadline": "deadlines.wage_claim_time_limit", "start": "2025-03-31"}
    assert client.post(f"/cases/{owed.pk}/deadlines/", data).status_code == 302
    task = Task.objects.get()
    assert task.due_on == dt.date(2027, 3, 31)
    assert task.source == "deadlines.wage_claim_time_limit"
    assert "193/34" in task.citation
    # A second date moves the same follow-up rather than adding one.
    client.post(f"/cases/{owed.pk}/deadlines/", {**data, "start": "2025-04-30"})
    assert [t.due_on for t in Task.objects.all()] == [dt.date(2027, 4, 30)]


def test_it_refuses_a_deadline_that_does_not_apply(case: Case, alice: Any):
    data = {"deadline": "deadlines.made_up", "start": "2025-03-31"}
    response = client_for(alice).post(f"/cases/{case.pk}/deadlines/", data)
    assert response.status_code == 400
    assert "does not apply" in response.content.decode()
    assert not Task.objects.exists()


def test_it_refuses_a_start_date_in_the_future(case: Case, alice: Any):
    data = {"deadline": "deadlines.employer_change_window", "start": _days(5)}
    response = client_for(alice).post(f"/cases/{case.pk}/deadlines/", data)
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_it_takes_the_deadline_in_force_on_the_start_date(org: Any, alice: Any):
    found = services.case_create(
        user=alice, organisation=org, account=example("decent_work_construction")
    )
    data = {"deadline": "deadlines.employer_change_window", "start": "2022-01-10"}
    assert client_for(alice).post(f"/cases/{found.pk}/deadlines/", data).status_code == 302
    assert Task.objects.get().due_on == dt.date(2022, 3, 11)  # 60 days then, 30 today


def test_it_does_not_flag_a_closed_case_overdue(case: Case, alice: Any):
    client = client_for(alice)
    client.post(f"/cases/{case.pk}/tasks/", {"title": "Late", "due_on": _days(-2)})
    Case.objects.filter(pk=case.pk).update(status="closed")
    assert case.reference not in client.get("/cases/?overdue=on").content.decode()
    assert "Overdue since" not in client.get("/cases/").content.decode()
