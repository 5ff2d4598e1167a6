"""Releases: made by a supervisor or on schedule, from the cases as they stand, within the
quarter's privacy budget, audit-logged; nobody else makes one."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.analytics import services
from safepassage.web.analytics.models import Release, ReleaseKind
from safepassage.web.casework.models import AuditEvent, Case, Organisation

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_lets_a_supervisor_make_a_release(case: Case, sue: Any, org: Organisation):
    response = client_for(sue).post("/statistics/releases/new/")
    release = Release.objects.get()
    assert response["Location"] == f"/statistics/?release={release.pk}"
    assert (release.organisation, release.made_by, release.kind) == (org, sue, "supervisor")
    assert release.noise
    assert 0 < release.epsilon <= services.policy_of(org).budget_per_release + 1e-9
    assert AuditEvent.objects.filter(what=f"release {release.pk} made", username="sue").exists()


@pytest.mark.parametrize("who", ["alice", "ann"])
def test_it_refuses_a_release_to_other_roles(case: Case, who: str, request: Any):
    response = client_for(request.getfixturevalue(who)).post("/statistics/releases/new/")
    assert response.status_code == 403
    assert not Release.objects.exists()


def test_it_refuses_a_release_beyond_the_quarters_budget(case: Case, sue: Any, org: Organisation):
    policy = services.policy_of(org)
    policy.budget_per_quarter = policy.budget_per_release * 2
    policy.save()
    client = client_for(sue)
    for _ in range(2):
        client.post("/statistics/releases/new/")
    response = client.post("/statistics/releases/new/", follow=True)
    assert Release.objects.count() == 2
    assert "privacy budget" in response.content.decode()
    assert services.budget_spent(org) == pytest.approx(policy.budget_per_quarter)


def test_it_makes_an_exact_release_when_noise_is_off(case: Case, sue: Any, org: Organisation):
    response = client_for(sue).post(
        "/statistics/policy/",
        {"k": 11, "budget_per_release": 5, "budget_per_quarter": 20},  # noise unticked
    )
    assert response.status_code == 302
    release = services.release_make(organisation=org, kind=ReleaseKind.SCHEDULED)
    assert (release.noise, release.epsilon, release.made_by) == (False, 0.0, None)
    assert AuditEvent.objects.filter(what__startswith="privacy policy k=11 noise=off").exists()


def test_it_names_the_field_of_a_bad_policy(sue: Any, org: Organisation):
    response = client_for(sue).post(
        "/statistics/policy/",
        {"k": 2, "noise": "on", "budget_per_release": 5, "budget_per_quarter": 1},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_k-error"' in page
    assert 'id="id_budget_per_quarter-error"' in page
    assert 'value="2"' in page  # what was typed is kept
    assert services.policy_of(org).k == 11
