"""The migrant can take back the consent to share their details with a provider: the record
stays, the withdrawal is audited, the worker is told to inform the provider, and a referral not
yet sent to that provider can no longer be sent."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework.models import AuditEvent, Case, Consent, Referral

from .conftest import client_for, refer

pytestmark = pytest.mark.django_db


def _send(user: Any, case: Case, referral: Referral, **data: Any) -> Any:
    referral.refresh_from_db()
    url = f"/cases/{case.pk}/referrals/{referral.pk}/"
    return client_for(user).post(url, {"version": referral.version, **data})


def _withdraw(user: Any, case: Case, consent: Consent) -> Any:
    return client_for(user).post(f"/cases/{case.pk}/consents/{consent.pk}/withdraw/", follow=True)


@pytest.fixture
def sent(case: Case, alice: Any) -> Referral:
    referral = refer(alice, case)
    assert _send(alice, case, referral, status="made", share_agreed="on").status_code == 302
    referral.refresh_from_db()
    return referral


def test_it_offers_to_withdraw_each_consent_to_share_by_provider_name(
    case: Case, alice: Any, sent: Referral
):
    page = client_for(alice).get(f"/cases/{case.pk}/").content.decode()
    assert "Withdraw the consent to share with P" in page
    assert f"/consents/{sent.share_consent_id}/withdraw/" in page


def test_it_withdraws_keeps_the_record_and_audits(case: Case, alice: Any, sent: Referral):
    consent = Consent.objects.get(pk=sent.share_consent_id)
    response = _withdraw(alice, case, consent)
    assert response.status_code == 200
    assert "ask them to delete what they hold" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_by == alice
    assert "Withdraw the consent to share with P" not in response.content.decode()
    what = AuditEvent.objects.filter(case_id=case.pk).values_list("what", flat=True)
    assert "consent withdrawn: share_details with p" in list(what)


def test_it_changes_nothing_on_a_second_withdrawal(case: Case, alice: Any, sent: Referral):
    consent = Consent.objects.get(pk=sent.share_consent_id)
    _withdraw(alice, case, consent)
    consent.refresh_from_db()
    first = consent.withdrawn_at
    _withdraw(alice, case, consent)
    consent.refresh_from_db()
    assert consent.withdrawn_at == first
    audits = AuditEvent.objects.filter(case_id=case.pk, what__startswith="consent withdrawn")
    assert audits.count() == 1


def test_it_keeps_the_consent_a_referral_was_sent_under(case: Case, alice: Any, sent: Referral):
    consent_id = sent.share_consent_id
    _withdraw(alice, case, Consent.objects.get(pk=consent_id))
    assert _send(alice, case, sent, status="accepted").status_code == 302
    sent.refresh_from_db()
    assert (sent.status, sent.share_consent_id) == ("accepted", consent_id)
    page = client_for(alice).get(f"/cases/{case.pk}/referrals/{sent.pk}/").content.decode()
    assert "withdrew the consent to share" in page


def test_it_sends_no_new_referral_after_a_withdrawal(case: Case, alice: Any, sent: Referral):
    _withdraw(alice, case, Consent.objects.get(pk=sent.share_consent_id))
    again = refer(alice, case)
    assert _send(alice, case, again, status="made").status_code == 400
    again.refresh_from_db()
    assert again.status == "proposed"


def test_it_withdraws_only_a_consent_to_share(case: Case, alice: Any):
    plan = Consent.objects.create(case=case, scope="police")
    assert _withdraw(alice, case, plan).status_code == 404
    plan.refresh_from_db()
    assert plan.withdrawn_at is None


def test_it_refuses_a_reader_and_an_outsider(
    case: Case, alice: Any, sent: Referral, ann: Any, charlie: Any
):
    consent = Consent.objects.get(pk=sent.share_consent_id)
    assert _withdraw(charlie, case, consent).status_code == 404
    assert _withdraw(ann, case, consent).status_code in (403, 404)
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_it_answers_a_get_with_the_case_page(case: Case, alice: Any, sent: Referral):
    url = f"/cases/{case.pk}/consents/{sent.share_consent_id}/withdraw/"
    response = client_for(alice).get(url)
    assert response.status_code == 302
    assert Consent.objects.get(pk=sent.share_consent_id).withdrawn_at is None
