"""Consents are records of their own: what may be shared, with whom, for which step, given when,
withdrawn when. The planner and referrals read the consents in force."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import referral_services, selectors, services
from safepassage.web.casework.models import AuditEvent, Case, Consent

from .conftest import client_for, example

pytestmark = pytest.mark.django_db


def _set(client: Any, case: Case, consents: list[str]) -> None:
    case.refresh_from_db()
    data = {
        "goals": ["be_safe_now"],
        "consents": consents,
        "located_in": "",
        "version": case.version,
    }
    assert client.post(f"/cases/{case.pk}/plan/", data).status_code == 302


@pytest.fixture
def held(org: Any, alice: Any) -> Case:
    return services.case_create(
        user=alice, organisation=org, account=example("live_in_domestic_worker")
    )


def test_it_records_each_consent_given_and_withdrawn_with_its_dates(alice: Any, held: Case):
    client = client_for(alice)
    _set(client, held, ["victim_identification", "embassy"])
    _set(client, held, ["embassy"])
    records = {c.scope: c for c in Consent.objects.filter(case=held)}
    assert set(records) == {"victim_identification", "embassy"}
    assert records["victim_identification"].withdrawn_at is not None
    assert records["victim_identification"].withdrawn_by == alice
    assert records["embassy"].withdrawn_at is None
    assert selectors.consent_scopes(case=held) == {"embassy"}
    audited = set(AuditEvent.objects.filter(case_id=held.pk).values_list("what", flat=True))
    assert "consent withdrawn: victim_identification" in audited
    page = client.get(f"/cases/{held.pk}/").content.decode()
    assert 'data-consent="victim_identification"' in page
    assert "withdrawn" in page


def test_the_plan_follows_the_consents_in_force(alice: Any, held: Case):
    client = client_for(alice)
    _set(client, held, ["victim_identification"])
    plan = selectors.case_assessment(case=held).plan
    assert "victim_identification" in plan.kinds()
    _set(client, held, [])
    assert "victim_identification" not in selectors.case_assessment(case=held).plan.kinds()


def test_a_referral_rests_on_the_consent_its_step_needs(alice: Any, held: Case):
    client = client_for(alice)
    _set(client, held, ["victim_identification"])
    [step] = [
        s
        for s in selectors.case_assessment(case=held).plan.steps
        if s.kind == "victim_identification"
    ]
    provider = step.providers[0].id
    held.refresh_from_db()
    response = client.post(
        f"/cases/{held.pk}/referrals/",
        {"response_id": step.response, "provider_id": provider, "version": held.version},
    )
    assert response.status_code == 302
    referral = held.referrals.get()
    assert referral.consent is not None
    assert referral.consent.scope == "victim_identification"
    with pytest.raises(referral_services.ConsentMissing):
        referral_services.referral_create(
            user=alice,
            case=held,
            version=held.version,
            response_id="th_police_criminal_complaint",
            kind="criminal_complaint",
            provider_id="police_191",
            provider_name="Police",
        )
