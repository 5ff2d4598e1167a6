"""A referral is proposed first and sent only with the migrant's consent to share their details
with that provider; it records when it was sent, to whom, by when an answer is due (a
follow-up), the answer and the outcome; and it can go to any provider of the catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from safepassage.web.casework.models import Case, Consent, Referral, Task

from .conftest import client_for, refer

pytestmark = pytest.mark.django_db


def _update(user: Any, case: Case, referral: Referral, **data: Any) -> Any:
    referral.refresh_from_db()
    url = f"/cases/{case.pk}/referrals/{referral.pk}/"
    return client_for(user).post(url, {"version": referral.version, **data})


def test_it_proposes_a_referral_until_it_is_sent(case: Case, alice: Any):
    referral = refer(alice, case)
    assert referral.status == "proposed"
    assert referral.sent_on is None


def test_it_refuses_to_send_without_the_consent_to_share(case: Case, alice: Any):
    referral = refer(alice, case)
    response = _update(alice, case, referral, status="made", contact_person="Khun Somchai")
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "only with the migrant&#x27;s consent" in page or "only with the migrant's consent" in page
    )
    assert 'value="Khun Somchai"' in page  # what was typed is kept
    referral.refresh_from_db()
    assert referral.status == "proposed"
    assert not Consent.objects.filter(scope="share_details").exists()


def test_it_records_the_consent_and_the_dates_when_sent(case: Case, alice: Any):
    referral = refer(alice, case)
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    response = _update(
        alice, case, referral, status="made", share_agreed="on", sent_on="2026-11-30",
        contact_person="Khun Somchai", due_on=due,
    )  # fmt: skip
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.sent_on) == ("made", dt.date(2026, 11, 30))
    assert referral.contact_person == "Khun Somchai"
    consent = referral.share_consent
    assert consent is not None
    assert (consent.scope, consent.with_whom, consent.given_by) == ("share_details", "p", alice)
    task = Task.objects.get(source=f"referral.{referral.pk}")
    assert task.due_on.isoformat() == due


def test_it_asks_the_consent_once_per_provider(case: Case, alice: Any):
    referral = refer(alice, case)
    _update(alice, case, referral, status="made", share_agreed="on")
    response = _update(alice, case, referral, status="accepted")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.responded_on == timezone.localdate()
    assert Consent.objects.filter(scope="share_details").count() == 1
    assert Task.objects.filter(source=f"referral.{referral.pk}", done_at__isnull=True).count() == 0


def test_it_keeps_the_plans_consents_apart_from_a_consent_to_share(case: Case, alice: Any):
    referral = refer(alice, case)
    _update(alice, case, referral, status="made", share_agreed="on")
    case.refresh_from_db()
    plan = {"goals": ["recover_wages"], "consents": [], "located_in": "", "version": case.version}
    client_for(alice).post(f"/cases/{case.pk}/plan/", plan)
    assert Consent.objects.get(scope="share_details").withdrawn_at is None


def test_it_refuses_a_date_sent_in_the_future(case: Case, alice: Any):
    referral = refer(alice, case)
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = _update(alice, case, referral, status="made", share_agreed="on", sent_on=future)
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_it_refers_to_a_provider_of_the_catalogue(case: Case, alice: Any):
    client = client_for(alice)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Refer to another provider" in page
    value = page.split('name="provider"')[1].split('<option value="')[2].split('"')[0]
    response = client.post(
        f"/cases/{case.pk}/referrals/other/", {"provider": value, "version": case.version}
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.kind, referral.status) == ("other_provider", "proposed")
    assert referral.provider_id == value.partition("/")[2]


def test_it_refuses_a_provider_outside_the_catalogue(case: Case, alice: Any):
    response = client_for(alice).post(
        f"/cases/{case.pk}/referrals/other/", {"provider": "TH/made_up", "version": case.version}
    )
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_it_does_not_send_once_the_steps_consent_is_withdrawn(case: Case, alice: Any):
    from safepassage.web.casework import services

    services.consent_set(user=alice, case=case, scopes=["police"])
    referral = refer(alice, case, kind="criminal_complaint")
    services.consent_set(user=alice, case=case, scopes=[])  # withdrawn after the proposal
    response = _update(alice, case, referral, status="made", share_agreed="on")
    assert response.status_code == 400
    assert "no longer in force" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "proposed"


def test_it_drops_an_unsent_referral_without_a_consent(case: Case, alice: Any):
    referral = refer(alice, case)
    case.refresh_from_db()
    assert case.status == "open"  # proposed, not sent: not referred yet
    assert _update(alice, case, referral, status="closed").status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.sent_on, referral.share_consent) == ("closed", None, None)


def test_it_makes_the_case_referred_once_sent(case: Case, alice: Any):
    referral = refer(alice, case)
    _update(alice, case, referral, status="made", share_agreed="on")
    case.refresh_from_db()
    assert case.status == "referred"
