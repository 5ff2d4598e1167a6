"""Referrals are made from plan steps to their providers, and record an outcome."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import services
from safepassage.web.casework.models import Case, Referral

from .conftest import client_for, example, refer

pytestmark = pytest.mark.django_db


def _first_step(client: Any, case: Case) -> tuple[str, str]:
    page = client.get(f"/cases/{case.pk}/").content.decode()
    form = page.split(f'action="/cases/{case.pk}/referrals/"')[1]
    response_id = form.split('name="response_id" value="')[1].split('"')[0]
    provider_id = form.split('<option value="')[1].split('"')[0]
    return response_id, provider_id


def test_it_refers_from_a_plan_step_and_records_the_outcome(case: Case, alice: Any):
    client = client_for(alice)
    response_id, provider_id = _first_step(client, case)
    response = client.post(
        f"/cases/{case.pk}/referrals/",
        {"response_id": response_id, "provider_id": provider_id, "version": case.version},
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert referral.provider_id == provider_id
    case.refresh_from_db()
    assert case.status == "open"  # proposed: the case is referred once the referral is sent
    response = client.post(
        f"/cases/{case.pk}/referrals/{referral.pk}/",
        {"status": "closed", "outcome": "wages_recovered", "amount": "12500.50", "currency": "thb",
         "outcome_note": "Paid at the labour office", "share_agreed": "on",
         "version": referral.version},
    )  # fmt: skip
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.outcome, str(referral.amount), referral.currency) == (
        "wages_recovered",
        "12500.50",
        "THB",
    )
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Wages recovered" in page
    assert "12,500.50 THB" in page


def test_it_refuses_a_provider_the_plan_does_not_offer(case: Case, alice: Any):
    client = client_for(alice)
    response_id, _ = _first_step(client, case)
    response = client.post(
        f"/cases/{case.pk}/referrals/", {"response_id": response_id, "provider_id": "made_up"}
    )
    assert response.status_code == 404
    assert not Referral.objects.exists()


def test_it_asks_for_a_currency_with_an_amount(case: Case, alice: Any):
    referral = refer(alice, case)
    response = client_for(alice).post(
        f"/cases/{case.pk}/referrals/{referral.pk}/",
        {"status": "closed", "amount": "100", "currency": "", "version": 1},
    )
    assert response.status_code == 400
    assert "“Currency” is needed with an amount" in response.content.decode()


def test_it_offers_the_scam_compound_case_safety_first(org: Any, alice: Any):
    found = services.case_create(
        user=alice, organisation=org, account=example("scam_compound_cambodia")
    )
    page = client_for(alice).get(f"/cases/{found.pk}/").content.decode()
    kinds = [chunk.split('"')[0] for chunk in page.split('data-kind="')[1:]]
    assert kinds[0] in ("information_and_safety_planning", "shelter_and_protection")
    assert "criminal_complaint" not in kinds  # no consent given


def test_it_offers_currencies_by_name_so_baht_cannot_become_bah(case: Case, alice: Any):
    referral = refer(alice, case)
    url = f"/cases/{case.pk}/referrals/{referral.pk}/"
    page = client_for(alice).get(url).content.decode()
    assert "Thai baht (THB)" in page
    refused = client_for(alice).post(
        url, {"status": "closed", "amount": "100", "currency": "baht", "version": 1}
    )
    assert refused.status_code == 400
    referral.refresh_from_db()
    assert referral.currency == ""  # nothing half-read is stored
