"""Every view, change and export of a case is audit-logged; supervisors and administrators read
the log, case workers and analysts do not."""

from __future__ import annotations

import json
from typing import Any

import pytest

from safepassage.web.casework.models import AuditEvent, Case

from .conftest import PERSONAL_NAME, client_for

pytestmark = pytest.mark.django_db


def _actions(case: Case) -> list[str]:
    return list(AuditEvent.objects.filter(case_id=case.pk).values_list("action", flat=True))


def test_it_logs_the_creation_and_every_view(case: Case, bob: Any):
    client_for(bob).get(f"/cases/{case.pk}/")
    # The example's result is settled already: the intake sends the reader to the case page.
    client_for(bob).get(f"/cases/{case.pk}/intake/", follow=True)
    assert _actions(case).count("view") == 2
    assert "create" in _actions(case)
    assert AuditEvent.objects.filter(case_id=case.pk, action="view").first().username == "bob"


def test_it_logs_a_change(case: Case, alice: Any):
    client_for(alice).post(f"/cases/{case.pk}/notes/", {"text": "Called back"})
    assert "change" in _actions(case)


def test_it_logs_an_export_with_the_full_record(case: Case, alice: Any):
    response = client_for(alice).get(f"/cases/{case.pk}/export/")
    record = json.loads(response.content)
    assert record["person"]["name"] == PERSONAL_NAME
    assert record["determination"]["level"] == case.level
    assert "export" in _actions(case)


def test_it_shows_the_log_to_a_supervisor(case: Case, sue: Any, bob: Any):
    client_for(bob).get(f"/cases/{case.pk}/")
    page = client_for(sue).get("/cases/audit/").content.decode()
    assert case.reference in page
    assert "bob" in page


@pytest.mark.parametrize("who", ["alice", "ann"])
def test_it_hides_the_log_from_case_workers_and_analysts(case: Case, who: str, request: Any):
    user = request.getfixturevalue(who)
    assert client_for(user).get("/cases/audit/").status_code == 403


def test_it_keeps_each_organisation_log_to_itself(case: Case, charlie: Any, alice: Any):
    client_for(alice).get(f"/cases/{case.pk}/")
    page = client_for(charlie).get("/cases/audit/").content.decode()
    assert case.reference not in page
