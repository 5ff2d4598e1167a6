"""Cases have a worker: supervisors assign and reassign, the assigned worker may transfer, and
nobody outside the organisation can be chosen."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework.models import AuditEvent, Case

from .conftest import client_for, make_user

pytestmark = pytest.mark.django_db


def _assign(user: Any, case: Case, assignee: Any) -> Any:
    case.refresh_from_db()
    data = {"assignee": assignee.pk, "version": case.version}
    return client_for(user).post(f"/cases/{case.pk}/assign/", data)


def test_it_lets_a_supervisor_assign_a_case(case: Case, sue: Any, bob: Any):
    assert _assign(sue, case, bob).status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == bob
    assert case.assigned_at is not None
    assert AuditEvent.objects.filter(case_id=case.pk, what="assigned to bob").exists()


def test_it_lets_the_assigned_worker_transfer_the_case(case: Case, sue: Any, alice: Any, bob: Any):
    _assign(sue, case, alice)
    assert _assign(alice, case, bob).status_code == 302
    case.refresh_from_db()
    assert case.assigned_to == bob


def test_it_refuses_a_worker_who_does_not_have_the_case(case: Case, alice: Any, bob: Any):
    response = _assign(bob, case, bob)
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()
    case.refresh_from_db()
    assert case.assigned_to == alice  # hers since she took the intake


def test_it_refuses_someone_outside_the_organisation(case: Case, sue: Any, charlie: Any):
    response = _assign(sue, case, charlie)
    assert response.status_code == 400
    assert "please choose one of the options shown" in response.content.decode()
    case.refresh_from_db()
    assert case.assigned_to == case.created_by


def test_it_refuses_an_analyst_as_assignee(case: Case, sue: Any, ann: Any):
    assert _assign(sue, case, ann).status_code == 400


def test_it_refuses_an_assignment_from_a_stale_page(case: Case, sue: Any, bob: Any):
    stale = case.version
    _assign(sue, case, bob)
    other = make_user("dara", case.organisation, "case_worker")
    data = {"assignee": other.pk, "version": stale}
    response = client_for(sue).post(f"/cases/{case.pk}/assign/", data)
    assert response.status_code == 400
    assert "Someone else changed this case" in response.content.decode()
    case.refresh_from_db()
    assert case.assigned_to == bob


def test_it_lists_my_cases(case: Case, org: Any, sue: Any, alice: Any, bob: Any):
    from safepassage.web.casework import services

    other = services.case_create(user=alice, organisation=org, name="Other")
    _assign(sue, case, bob)
    _assign(sue, other, alice)
    page = client_for(bob).get("/cases/?assigned=me").content.decode()
    assert case.reference in page
    assert other.reference not in page
    assert "My cases" in page


def test_it_moves_open_follow_ups_with_the_case(case: Case, sue: Any, alice: Any, bob: Any):
    _assign(sue, case, alice)
    client_for(alice).post(f"/cases/{case.pk}/tasks/", {"title": "Call", "due_on": "2030-01-01"})
    assert case.tasks.get().assigned_to == alice
    _assign(sue, case, bob)
    assert case.tasks.get().assigned_to == bob


def test_it_gives_an_intake_to_the_worker_who_takes_it(alice: Any):
    client_for(alice).post("/cases/new/", {"name": "", "phone": "", "document_number": ""})
    assert Case.objects.get().assigned_to == alice
