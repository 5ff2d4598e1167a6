"""The API's referrals: proposed from a step of the case's plan or to a provider of the
catalogue, checked by the web's referral forms; sent only under the web's consent rules (the
consent to share with the provider; a step's own consent still in force), each refusal naming
the field; versioned (a stale version is 409); audited."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.utils import timezone

from safepassage.web.casework import queues, selectors, services
from safepassage.web.casework.models import AuditEvent, Case, Consent, Referral

from .conftest import client_for, example, refer
from .test_api import call, token_for

pytestmark = pytest.mark.django_db


def _propose(found: Case, token: str, **body: Any) -> Any:
    body = {"version": Case.objects.get(pk=found.pk).version, **body}
    return call("POST", f"/api/cases/{found.pk}/referrals", token, body)


def _change(found: Case, referral: Referral, token: str, **body: Any) -> Any:
    body = {"version": Referral.objects.get(pk=referral.pk).version, **body}
    return call("PATCH", f"/api/cases/{found.pk}/referrals/{referral.pk}", token, body)


def _problems(response: Any) -> dict[str, str]:
    assert response.status_code == 422, response.content
    return {p["loc"][-1]: p["msg"] for p in response.json()["detail"]}


def test_it_lists_the_referrals_as_the_case_page(case: Case, alice: Any):
    referral = refer(alice, case)
    [found] = call("GET", f"/api/cases/{case.pk}/referrals", token_for(alice)).json()
    assert (found["id"], found["status"], found["status_label"], found["shared"]) == (
        referral.pk, "proposed", "Proposed, not sent yet", False
    )  # fmt: skip
    assert found["version"] == referral.version
    assert AuditEvent.objects.filter(case_id=case.pk, what="api referrals").exists()


def test_it_proposes_a_referral_from_a_step_of_the_plan(case: Case, alice: Any):
    token = token_for(alice)
    plan = call("GET", f"/api/cases/{case.pk}/plan", token).json()
    step = plan["steps"][0]
    provider = step["providers"][1]
    response = call("POST", f"/api/cases/{case.pk}/referrals", token, {
        "version": plan["version"], "response_id": step["response"], "provider_id": provider["id"],
    })  # fmt: skip
    assert response.status_code == 201, response.content
    made = Referral.objects.get()
    assert (made.response_id, made.kind, made.provider_id, made.status) == (
        step["response"], step["kind"], provider["id"], "proposed"
    )  # fmt: skip
    assert response.json()["id"] == made.pk
    assert AuditEvent.objects.filter(what=f"referral to {provider['id']}").exists()


def test_it_proposes_a_referral_to_a_provider_of_the_catalogue(case: Case, alice: Any):
    code, name = queues.provider_choices(case=case)[0]
    response = _propose(case, token_for(alice), response_id="catalogue", provider_id=code)
    assert response.status_code == 201, response.content
    made = Referral.objects.get()
    assert (made.kind, made.provider_id, made.provider_name) == (
        "other_provider", code.partition("/")[2], name
    )  # fmt: skip


def test_it_refuses_what_the_plan_or_the_catalogue_does_not_offer_naming_the_field(
    case: Case, alice: Any
):
    token = token_for(alice)
    step = selectors.case_assessment(case=case).plan.steps[0]
    assert "provider_id" in _problems(
        _propose(case, token, response_id=step.response, provider_id="made_up")
    )
    assert "response_id" in _problems(_propose(case, token, response_id="x", provider_id="y"))
    refused = _problems(_propose(case, token, response_id="catalogue", provider_id="XX/none"))
    assert (
        refused["provider_id"]
        == "“Refer to another provider”: please choose one of the options shown."
    )
    assert "provider_id" in _problems(_propose(case, token, response_id=step.response))
    assert not Referral.objects.exists()


def test_it_refuses_a_stale_case_version_with_409(case: Case, alice: Any):
    step = selectors.case_assessment(case=case).plan.steps[0]
    body = {"version": case.version, "response_id": step.response,
            "provider_id": step.providers[0].id}  # fmt: skip
    services.note_create(user=alice, case=case, text="a note: no version change")
    services.case_update_details(
        user=alice, case=case, version=case.version, name="X", phone="", document_number=""
    )
    response = call("POST", f"/api/cases/{case.pk}/referrals", token_for(alice), body)
    assert response.status_code == 409
    assert response.json()["version"] == body["version"] + 1
    assert not Referral.objects.exists()


def test_it_sends_a_referral_only_with_the_consent_to_share(case: Case, alice: Any):
    referral = refer(alice, case)
    token = token_for(alice)
    refused = _change(case, referral, token, status="made", contact_person="Khun Somchai")
    assert "consent to share" in _problems(refused)["share_agreed"]
    referral.refresh_from_db()
    assert (referral.status, referral.contact_person) == ("proposed", "")
    assert not Consent.objects.filter(scope="share_details").exists()
    sent = _change(case, referral, token, status="made", share_agreed=True, due_on="2999-01-01")
    assert sent.status_code == 200, sent.content
    assert (sent.json()["status"], sent.json()["shared"]) == ("made", True)
    assert sent.json()["sent_on"] == timezone.localdate().isoformat()
    consent = Consent.objects.get(scope="share_details")
    assert (consent.with_whom, consent.given_by) == ("p", alice)
    case.refresh_from_db()
    assert case.status == "referred"
    # Once given, the consent is not asked again: the rest of the referral is left as it was.
    answered = _change(case, referral, token, status="accepted")
    assert (answered.json()["status"], answered.json()["due_on"]) == ("accepted", "2999-01-01")
    what = set(AuditEvent.objects.filter(case_id=case.pk).values_list("what", flat=True))
    assert {f"referral {referral.pk}: made", "consent given: share_details with p"} <= what


def test_it_refuses_to_send_a_step_whose_consent_was_withdrawn_naming_the_status(
    case: Case, alice: Any
):
    police = Consent.objects.create(case=case, scope="police", given_by=alice)
    referral = refer(alice, case, kind="criminal_complaint")
    Consent.objects.filter(pk=police.pk).update(withdrawn_at=timezone.now())
    response = _change(case, referral, token_for(alice), status="made", share_agreed=True)
    assert "police" in _problems(response)["status"]
    referral.refresh_from_db()
    assert referral.status == "proposed"


def test_it_refuses_what_the_referral_page_refuses_for_the_same_reason(case: Case, alice: Any):
    referral = refer(alice, case)
    token = token_for(alice)
    response = _change(case, referral, token, status="closed", amount=100, outcome="wat",
                       responded_on="2999-01-01")  # fmt: skip
    problems = _problems(response)
    assert set(problems) == {"currency", "outcome", "responded_on"}
    page = client_for(alice).post(
        f"/cases/{case.pk}/referrals/{referral.pk}/",
        {"status": "closed", "amount": "100", "outcome": "wat", "responded_on": "2999-01-01",
         "version": referral.version},
    )  # fmt: skip
    assert page.status_code == 400
    assert all(msg in html.unescape(page.content.decode()) for msg in problems.values())
    assert "status" in _problems(_change(case, referral, token, status=None))


def test_it_records_an_outcome_and_refuses_a_stale_referral_version(case: Case, alice: Any):
    referral = refer(alice, case)
    token = token_for(alice)
    outcome = {"outcome": "wages_recovered", "outcome_note": "Paid at the labour office"}
    closed = _change(
        case, referral, token, status="closed", amount=12500.5, currency="thb", **outcome
    )
    assert closed.status_code == 200, closed.content
    assert (closed.json()["amount"], closed.json()["currency"]) == (12500.5, "THB")
    assert closed.json()["outcome_label"] == "Wages recovered"
    stale = call("PATCH", f"/api/cases/{case.pk}/referrals/{referral.pk}", token,
                 {"version": referral.version, "outcome_note": "again"})  # fmt: skip
    assert stale.status_code == 409
    assert stale.json()["version"] == referral.version + 1
    referral.refresh_from_db()
    assert referral.outcome_note == "Paid at the labour office"


def test_it_finds_a_referral_only_on_its_own_case(case: Case, alice: Any, org: Any):
    other = services.case_create(
        user=alice, organisation=org, account=example("vietnam_factory_overtime")
    )
    referral = refer(alice, other)
    response = call("PATCH", f"/api/cases/{case.pk}/referrals/{referral.pk}", token_for(alice),
                    {"version": referral.version, "outcome_note": "x"})  # fmt: skip
    assert response.status_code == 404
