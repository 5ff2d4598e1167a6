"""The audit log records every list read (with its filter, never a search's words) and every
refused attempt (the route and the ids asked for)."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework.models import AuditEvent, Case

from .conftest import PERSONAL_NAME, client_for

pytestmark = pytest.mark.django_db


def test_it_records_a_list_read_with_its_filter(case: Case, alice: Any):
    client_for(alice).get("/cases/", {"country": "TH"})
    event = AuditEvent.objects.filter(action="view", what__startswith="case list").get()
    assert (event.username, event.what) == ("alice", "case list page 1; filter: country=TH")


def test_it_records_a_search_without_its_words(case: Case, alice: Any):
    client = client_for(alice)
    client.get(client.post("/cases/", {"q": PERSONAL_NAME})["Location"])
    events = list(AuditEvent.objects.values_list("what", flat=True))
    assert "case list page 1; filter: q=(withheld)" in events
    assert not [what for what in events if PERSONAL_NAME in what]


def test_it_records_an_attempt_on_another_organisations_case(case: Case, charlie: Any):
    assert client_for(charlie).get(f"/cases/{case.pk}/").status_code == 404
    event = AuditEvent.objects.get(action="refused")
    assert event.organisation_id == charlie.membership.organisation_id
    assert event.what == f"404 GET casework:detail case_id={case.pk}"


def test_it_records_a_page_the_role_does_not_open(case: Case, ann: Any):
    assert client_for(ann).get(f"/cases/{case.pk}/notes/").status_code == 403
    assert AuditEvent.objects.filter(action="refused", username="ann",
                                     what__startswith="403 GET casework:note").exists()  # fmt: skip
