"""The inbox: self-check requests nobody has yet, with the person's language, the self-check's
result and how to reach them safely; assigning one takes it out."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import Case

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(org: Any) -> Case:
    return services.case_create(
        user=None,
        organisation=org,
        name="Ma Aye",
        phone="+66 81 234 5678",
        account=example("live_in_domestic_worker"),
        source="self_check",
        contact_consent=True,
        language="my",
        safe_contact={
            "how": "line",
            "when": "evening",
            "leave_message": "no",
            "code_word": "lotus",
        },
    )


def test_it_lists_a_new_request_with_how_to_reach_the_person(request_: Case, sue: Any):
    page = client_for(sue).get("/cases/inbox/").content.decode()
    assert request_.reference in page
    assert '<span class="new">New</span>' in page
    assert "Burmese" in page
    assert "Forced labour" in page or "Labour exploitation" in page
    for words in ("LINE", "Evening", "No, do not leave a message", "lotus"):
        assert words in page, words
    assert "Inbox (1 new)" in page


def test_it_leaves_the_inbox_once_assigned(request_: Case, sue: Any, alice: Any):
    client = client_for(sue)
    data = {"assignee": alice.pk, "version": request_.version, "next": "inbox"}
    response = client.post(f"/cases/{request_.pk}/assign/", data)
    assert response.status_code == 302
    assert response["Location"].endswith("/cases/inbox/")
    page = client.get("/cases/inbox/").content.decode()
    assert request_.reference not in page
    assert "No request is waiting." in page
    assert request_.reference in client_for(alice).get("/cases/?assigned=me").content.decode()


def test_it_keeps_an_intake_out_of_the_inbox(case: Case, sue: Any):
    assert case.reference not in client_for(sue).get("/cases/inbox/").content.decode()


def test_it_is_for_those_who_assign(request_: Case, alice: Any, ann: Any, charlie: Any):
    assert client_for(alice).get("/cases/inbox/").status_code == 403
    assert client_for(ann).get("/cases/inbox/").status_code == 403
    outsider = client_for(charlie).get("/cases/inbox/")
    assert request_.reference not in outsider.content.decode()


def test_it_shows_no_inbox_in_a_case_workers_menu(alice: Any, sue: Any):
    assert "Inbox (" not in client_for(alice).get("/cases/").content.decode()
    assert "Inbox (0 new)" in client_for(sue).get("/cases/").content.decode()


def test_it_records_who_saw_each_request(request_: Case, sue: Any):
    from safepassage.web.casework.models import AuditEvent

    client_for(sue).get("/cases/inbox/")
    assert AuditEvent.objects.filter(case_id=request_.pk, what="inbox", username="sue").exists()
