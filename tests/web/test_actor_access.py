"""Who sees actors: case workers and supervisors of the organisation; an analyst sees none
(aggregates only); another organisation's actor does not exist. Views are audited."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import actors
from safepassage.web.casework.models import Actor, AuditEvent, Case

from .conftest import client_for

pytestmark = pytest.mark.django_db

PARTY = {"kind": "employer", "stage": "work", "name": "Example Seafood Co., Ltd."}


@pytest.fixture
def actor(case: Case, alice: Any) -> Actor:
    return actors.party_add(user=alice, case=case, version=case.version, party=PARTY).actor


def test_it_shows_the_actor_to_the_case_worker_and_audits_it(actor: Actor, alice: Any):
    page = client_for(alice).get(f"/cases/actors/{actor.pk}/")
    assert page.status_code == 200
    assert "Example Seafood Co., Ltd." in page.content.decode()
    assert "Reported, not established." in page.content.decode()
    assert AuditEvent.objects.filter(what=f"actor {actor.pk}", action="view").exists()


def test_it_refuses_the_analyst(actor: Actor, case: Case, ann: Any):
    assert client_for(ann).get(f"/cases/actors/{actor.pk}/").status_code == 403
    assert client_for(ann).get(f"/cases/{case.pk}/parties/").status_code == 403


def test_it_hides_the_actor_from_another_organisation(actor: Actor, case: Case, charlie: Any):
    assert client_for(charlie).get(f"/cases/actors/{actor.pk}/").status_code == 404
    assert client_for(charlie).get(f"/cases/{case.pk}/parties/").status_code == 404


def test_it_records_a_supervisors_legal_review_and_refuses_a_case_workers(
    actor: Actor, alice: Any, sue: Any
):
    note = {"note": "Reviewed with our lawyer: the account and two payslips support it."}
    assert client_for(alice).post(f"/cases/actors/{actor.pk}/", note).status_code == 403
    assert client_for(sue).post(f"/cases/actors/{actor.pk}/", note).status_code == 302
    actor.refresh_from_db()
    assert (actor.reviewed_by.username, actor.review_note) == ("sue", note["note"])
    assert "Reviewed by sue" in client_for(alice).get(f"/cases/actors/{actor.pk}/").content.decode()
    assert AuditEvent.objects.filter(what=f"actor {actor.pk} legal review").exists()


def test_it_draws_the_network_of_actors_for_a_supervisor_only(
    actor: Actor, case: Case, alice: Any, sue: Any
):
    second = {"kind": "broker", "stage": "recruitment", "name": "Ko Aung Naing",
              "phones": ["+66812345678"]}  # fmt: skip
    case.refresh_from_db()
    actors.party_add(user=alice, case=case, version=case.version, party=second)
    assert client_for(alice).get("/cases/actors/network/").status_code == 403
    page = client_for(sue).get("/cases/actors/network/").content.decode()
    assert "<svg" in page
    assert page.count("<line ") == 1  # one case names both: one link
    assert "named on one case" in page
    assert "Ko Aung Naing" in page
    assert "Example Seafood Co., Ltd." in page
    assert AuditEvent.objects.filter(what="actor network", username="sue").exists()


def test_it_links_two_actors_given_the_same_address_on_different_cases(
    org: Any, alice: Any, sue: Any
):
    from safepassage.web.casework import services

    for name, address in (
        ("Ko Aung Naing", "12 Soi 5, Mahachai"),
        ("Somchai", "12  soi 5, MAHACHAI"),
    ):
        other = services.case_create(user=alice, organisation=org, account={})
        party = {"kind": "broker", "stage": "recruitment", "name": name, "address": address}
        actors.party_add(user=alice, case=other, version=other.version, party=party)
    page = client_for(sue).get("/cases/actors/network/").content.decode()
    assert page.count("<line ") == 1
    assert "the same address" in page
