"""A case worker records their own determination beside the engine's; both are kept and counted
apart, and supervisors list the disagreements by rule and by finding."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import core_edge, selectors, services
from safepassage.web.casework.models import AuditEvent, Case, ProfessionalDetermination

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


@pytest.fixture
def denounced(org: Any, alice: Any) -> Case:
    return services.case_create(
        user=alice, organisation=org, account=example("irregular_threatened_denunciation")
    )


def _record(client: Any, case: Case, level: str, trafficking: str, reason: str) -> Any:
    data = {"level": level, "trafficking": trafficking, "reason": reason}
    return client.post(f"/cases/{case.pk}/professional/", data)


def test_it_keeps_the_workers_view_beside_the_engines(alice: Any, denounced: Case):
    response = _record(
        client_for(alice), denounced, "forced_labour", "unknown", "He cannot leave: pay held."
    )
    assert response.status_code == 302
    found = ProfessionalDetermination.objects.get()
    assert (found.engine_level, found.level) == ("labour_exploitation", "forced_labour")
    assert found.disagrees
    assert "indicator:abuse_of_vulnerability" in found.engine_findings
    assert found.knowledge_version == core_edge.versions()["knowledge_version"]
    assert found.engine_version == core_edge.versions()["engine_version"]
    denounced.refresh_from_db()
    assert denounced.level == "labour_exploitation"  # the engine's stays the engine's
    page = client_for(alice).get(f"/cases/{denounced.pk}/").content.decode()
    assert 'data-differs="1"' in page
    assert "He cannot leave: pay held." in page
    assert AuditEvent.objects.filter(what="professional determination (differs)").exists()


def test_it_refuses_a_determination_without_a_reason_naming_the_field(alice: Any, denounced: Case):
    response = _record(client_for(alice), denounced, "forced_labour", "no", "")
    assert response.status_code == 400
    assert "Why (what the engine missed or over-read)" in response.content.decode()
    assert not ProfessionalDetermination.objects.exists()


def test_supervisors_list_disagreements_by_rule_and_by_finding(
    alice: Any, sue: Any, ann: Any, denounced: Case, org: Any
):
    agreed = services.case_create(
        user=alice, organisation=org, account=example("scam_compound_cambodia")
    )
    _record(client_for(alice), denounced, "forced_labour", "no", "Kept from leaving.")
    _record(client_for(alice), agreed, "forced_labour", "yes", "As the engine says.")
    found = selectors.disagreement_list(user=sue)
    assert [item.case_id for item in found.items] == [denounced.pk]
    assert (("level", "labour_exploitation", "forced_labour"), 1) in found.by_rule
    assert ("indicator:withholding_of_wages", 1) in found.by_finding
    page = client_for(sue).get("/cases/disagreements/").content.decode()
    assert denounced.reference in page
    assert agreed.reference not in page
    assert "Withholding of wages" in page  # words, not codes
    assert "indicator:" not in page
    assert client_for(alice).get("/cases/disagreements/").status_code == 403
    assert client_for(ann).get("/cases/disagreements/").status_code == 403


def test_a_case_says_when_the_law_or_the_rules_changed_since(alice: Any, denounced: Case):
    Case.objects.filter(pk=denounced.pk).update(engine_version="0.0.1+old")
    page = client_for(alice).get(f"/cases/{denounced.pk}/").content.decode()
    assert 'data-changed="1"' in page
    assert "The screening rules have changed" in page
    Case.objects.filter(pk=denounced.pk).update(**core_edge.versions())
    assert (
        'data-changed="1"' not in client_for(alice).get(f"/cases/{denounced.pk}/").content.decode()
    )


def test_the_export_carries_both_determinations_and_the_consents(alice: Any, denounced: Case):
    import json

    _record(client_for(alice), denounced, "forced_labour", "unknown", "Cannot leave.")
    services.consent_set(user=alice, case=denounced, scopes=["embassy"])
    record = json.loads(client_for(alice).get(f"/cases/{denounced.pk}/export/").content)
    [mine] = record["professional_determinations"]
    assert (mine["level"], mine["engine"]["level"]) == ("forced_labour", "labour_exploitation")
    assert [c["scope"] for c in record["consents"]] == ["embassy"]
    assert record["versions"]["engine"] == core_edge.versions()["engine_version"]
    assert record["unreadable"] == []
