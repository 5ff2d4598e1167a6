"""A case's documents from its pages: the summary and a referral's letter download as PDF for
the roles that may export, in a language the request may choose among those offered, every
one audited; the letter names the worker only while they agree to share with that provider."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from safepassage.web.casework import documents, referral_services
from safepassage.web.casework.models import AuditEvent, Case, Consent

from .conftest import PERSONAL_NAME, client_for, refer

pytestmark = pytest.mark.django_db
HOTLINE = "TH/doe_hotline_1694"  # answers in Thai, Burmese, Khmer and English (the catalogue)


def _referral(user: Any, case: Case, provider: str = HOTLINE) -> Any:
    return referral_services.referral_create(
        user=user, case=case, version=Case.objects.get(pk=case.pk).version, response_id="r",
        kind="information_and_safety_planning", provider_id=provider,
        provider_name="Department of Employment hotline 1694",
    )  # fmt: skip


def _letter_url(case: Case, referral: Any, language: str = "") -> str:
    url = reverse("casework:referral_letter", args=[case.pk, referral.pk])
    return f"{url}?language={language}" if language else url


def test_it_downloads_the_summary_as_a_pdf_and_audits_it(case: Case, sue: Any):
    response = client_for(sue).get(reverse("casework:summary_pdf", args=[case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Cache-Control"] == "no-store"
    event = AuditEvent.objects.filter(case_id=case.pk, action="export").get()
    assert (event.username, event.what) == ("sue", "case summary PDF (en)")


def test_it_refuses_a_language_it_does_not_write_naming_the_field(case: Case, alice: Any):
    response = client_for(alice).get(
        reverse("casework:summary_pdf", args=[case.pk]) + "?language=fr"
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "“language”" in text
    assert "km" in text
    assert not AuditEvent.objects.filter(action="export").exists()


def test_it_writes_the_letter_in_the_providers_languages_then_the_workers(case: Case, alice):
    case.language = "lo"
    case.save()
    referral = _referral(alice, case)
    assert documents.letter_languages(referral) == ["th", "my", "km", "en", "lo"]
    client = client_for(alice)
    first = client.get(_letter_url(case, referral))
    assert first.status_code == 200
    assert first["Content-Disposition"].endswith('-th.pdf"')  # the provider's first language
    assert client.get(_letter_url(case, referral, "lo")).status_code == 200
    assert client.get(_letter_url(case, referral, "vi")).status_code == 400
    whats = list(
        AuditEvent.objects.filter(action="export").order_by("id").values_list("what", flat=True)
    )
    assert whats == [
        f"referral letter PDF to {HOTLINE} (th), without personal details",
        f"referral letter PDF to {HOTLINE} (lo), without personal details",
    ]


def test_it_names_the_worker_only_with_their_consent_to_share(case: Case, alice: Any):
    referral = _referral(alice, case)
    without = documents.letter_context(user=alice, referral=referral, language="en",
                                       today=date(2026, 12, 4))  # fmt: skip
    assert without["personal"] is None
    consent = Consent.objects.create(case=case, scope="share_details", with_whom=HOTLINE)
    named = documents.letter_context(user=alice, referral=referral, language="en",
                                     today=date(2026, 12, 4))  # fmt: skip
    assert named["personal"] == {"name": PERSONAL_NAME, "phone": "+855 12 345 678"}
    consent.withdrawn_at = consent.given_at
    consent.save()
    again = documents.letter_context(user=alice, referral=referral, language="en",
                                     today=date(2026, 12, 4))  # fmt: skip
    assert again["personal"] is None


def test_it_shows_no_letter_of_another_cases_referral(case: Case, alice: Any, org):
    from safepassage.web.casework import services

    other = services.case_create(user=alice, organisation=org, name="X", phone="", account={})
    referral = refer(alice, other)
    response = client_for(alice).get(_letter_url(case, referral))
    assert response.status_code == 404


def test_it_offers_the_documents_on_the_case_and_referral_pages(case: Case, alice: Any):
    referral = _referral(alice, case)
    client = client_for(alice)
    page = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert reverse("casework:summary_pdf", args=[case.pk]) in page
    page = client.get(reverse("casework:referral", args=[case.pk, referral.pk])).content.decode()
    assert f'{_letter_url(case, referral, "my")}" hreflang="my"' in page
