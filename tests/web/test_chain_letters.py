"""Remedies up the chain: a grievance letter to the buyer and a claim to pay back recruitment
fees, written from a case as PDF (every script drawn by our fonts), each a referral whose
answer is tracked; an actor without a legal review is not named, the worker only with consent."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import actors, chain_letters, services
from safepassage.web.casework.models import Actor, AuditEvent, Case, Referral

from .conftest import PERSONAL_NAME, client_for, example
from .pdfs import drawn_by_our_fonts, pdf_text

pytestmark = pytest.mark.django_db

BUYER = {"kind": "buyer", "stage": "work", "job": 0, "name": "Example Motors"}
EMPLOYER = {"kind": "employer", "stage": "work", "job": 0, "name": "บริษัท ตัวอย่าง ออโต้พาร์ท จำกัด"}
BROKER = {"kind": "broker", "stage": "recruitment", "name": "ကိုဇော်မင်းထွန်း"}


@pytest.fixture
def chain_case(org: Any, alice: Any, sue: Any) -> Case:
    case = services.case_create(user=alice, organisation=org, name=PERSONAL_NAME,
                                account=example("recruitment_fee_only"))  # fmt: skip
    for party in (BUYER, EMPLOYER, BROKER):
        case.refresh_from_db()
        alias = actors.party_add(user=alice, case=case, version=case.version, party=party)
        if party is not BROKER:
            actors.actor_review(user=sue, actor=alias.actor, note="Reviewed with counsel.")
    case.refresh_from_db()
    return case


def _alias(case: Case, kind: str) -> Any:
    return case.aliases.filter(kind=kind).select_related("actor").order_by("-pk").first()


def _write(user: Any, case: Case, kind: str, named: bool = False) -> Any:
    data = {"kind": kind, "version": case.version, **({"named": "on"} if named else {})}
    return client_for(user).post(f"/cases/{case.pk}/parties/{_alias(case, 'buyer').pk}/letter/",
                                 data)  # fmt: skip


def test_it_writes_an_anonymous_grievance_letter_to_the_buyer(chain_case: Case, alice: Any):
    response = _write(alice, chain_case, "supply_chain_grievance")
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{referral.pk}/")
    assert (referral.kind, referral.provider_name) == ("supply_chain_grievance", "Example Motors")
    pdf = client_for(alice).get(f"/cases/{chain_case.pk}/referrals/{referral.pk}/letter.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "To: Example Motors" in text
    assert "asked not to be named" in text
    assert PERSONAL_NAME not in text
    assert "Recruitment fees charged to the worker" in text
    assert "Employer Pays" in text
    assert "ตัวอย่าง" in text  # the reviewed employer, in Thai script
    what = (
        f"supply_chain_grievance letter PDF, referral {referral.pk} (en), without the worker's name"
    )
    assert AuditEvent.objects.filter(what=what).exists()


def test_it_names_the_worker_only_with_their_consent_to_this_letter(chain_case: Case, alice: Any):
    _write(alice, chain_case, "supply_chain_grievance", named=True)
    referral = Referral.objects.get()
    text = pdf_text(client_for(alice).get(
        f"/cases/{chain_case.pk}/referrals/{referral.pk}/letter.pdf").content)  # fmt: skip
    assert f"on behalf of {PERSONAL_NAME}" in text
    # The consent was to this letter: the next one to the same buyer is anonymous again.
    _write(alice, Case.objects.get(pk=chain_case.pk), "recruitment_fee_reimbursement")
    claim = Referral.objects.exclude(pk=referral.pk).get()
    text = pdf_text(client_for(alice).get(
        f"/cases/{chain_case.pk}/referrals/{claim.pk}/letter.pdf").content)  # fmt: skip
    assert PERSONAL_NAME not in text
    assert "asked not to be named" in text


def test_it_claims_the_fees_with_what_was_paid_and_withholds_an_unreviewed_broker(
    chain_case: Case, alice: Any
):
    _write(alice, chain_case, "recruitment_fee_reimbursement")
    referral = Referral.objects.get()
    pdf = client_for(alice).get(f"/cases/{chain_case.pk}/referrals/{referral.pk}/letter.pdf")
    text = pdf_text(pdf.content)
    assert "Claim to pay back recruitment fees" in text
    assert "18,000 THB" in text
    assert "A broker" in text
    assert "name withheld until it has been legally reviewed" in text
    # The broker has no legal review: its Burmese name is not drawn, so no Burmese font is.
    assert not any(name.startswith("SPD-Myanmar") for name in drawn_by_our_fonts(pdf.content))
    fonts = drawn_by_our_fonts(pdf.content)
    assert any(name.startswith("SPD-Thai") for name in fonts)  # the employer in Thai script


def test_it_refuses_a_letter_naming_an_actor_without_a_legal_review(org: Any, alice: Any):
    case = services.case_create(user=alice, organisation=org, account={})
    actors.party_add(user=alice, case=case, version=case.version, party=BUYER)
    case.refresh_from_db()
    response = _write(alice, case, "supply_chain_grievance")
    assert response.status_code == 409
    assert "must record a legal review" in response.content.decode()
    assert not Referral.objects.exists()


def test_it_tracks_the_letter_as_a_referral_sent_anonymously(chain_case: Case, alice: Any):
    _write(alice, chain_case, "supply_chain_grievance")
    referral = Referral.objects.get()
    assert chain_letters.is_chain_letter(referral)
    assert referral.status == "proposed"
    data = {"status": "made", "outcome": "", "version": referral.version, "currency": ""}
    response = client_for(alice).post(f"/cases/{chain_case.pk}/referrals/{referral.pk}/", data)
    assert response.status_code == 302  # sent without a consent to share: it names nobody
    referral.refresh_from_db()
    assert referral.status == "made"
    assert referral.share_consent is None
    page = client_for(alice).get(f"/cases/{chain_case.pk}/").content.decode()
    assert "Example Motors" in page


def test_it_draws_every_script_of_the_letter_with_our_fonts(chain_case: Case, alice: Any, sue: Any):
    broker = _alias(chain_case, "broker")
    actors.actor_review(user=sue, actor=broker.actor, note="Reviewed: receipts signed by him.")
    _write(alice, chain_case, "recruitment_fee_reimbursement")
    referral = Referral.objects.get()
    pdf = client_for(alice).get(f"/cases/{chain_case.pk}/referrals/{referral.pk}/letter.pdf")
    # The Burmese name is drawn (shaped Burmese does not read back from a PDF as text).
    fonts = drawn_by_our_fonts(pdf.content)
    assert any(name.startswith("SPD-Myanmar") for name in fonts)
    assert any(name.startswith("SPD-Thai") for name in fonts)


def test_it_refuses_the_pdf_once_the_recipients_review_was_cleared(chain_case: Case, alice: Any):
    _write(alice, chain_case, "supply_chain_grievance")
    referral = Referral.objects.get()
    buyer = _alias(chain_case, "buyer").actor
    Actor.objects.filter(pk=buyer.pk).update(reviewed_at=None)  # as a merge since leaves it
    response = client_for(alice).get(f"/cases/{chain_case.pk}/referrals/{referral.pk}/letter.pdf")
    assert response.status_code == 409
    assert "must record a legal review" in response.content.decode()
