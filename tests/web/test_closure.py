"""Closing a case: the case worker asks with a reason, a supervisor approves or sends it back;
the status is never set by hand, and it follows the referrals."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework.models import AuditEvent, Case, Referral

from .conftest import client_for, refer

pytestmark = pytest.mark.django_db


def _ask(user: Any, case: Case, reason: str = "resolved") -> Any:
    case.refresh_from_db()
    data = {"reason": reason, "version": case.version}
    return client_for(user).post(f"/cases/{case.pk}/closure/", data)


def _send(user: Any, case: Case, referral: Referral) -> None:
    referral.refresh_from_db()
    data = {"status": "made", "share_agreed": "on", "version": referral.version}
    client_for(user).post(f"/cases/{case.pk}/referrals/{referral.pk}/", data)


def _decide(user: Any, case: Case, decision: str) -> Any:
    case.refresh_from_db()
    data = {"decision": decision, "version": case.version}
    return client_for(user).post(f"/cases/{case.pk}/closure/decision/", data)


def test_it_closes_a_case_once_a_supervisor_approves(case: Case, alice: Any, sue: Any):
    assert _ask(alice, case).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closure_reason, case.closure_requested_by) == (
        "closing",
        "resolved",
        alice,
    )
    assert _decide(sue, case, "approve").status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closed_by) == ("closed", sue)
    assert AuditEvent.objects.filter(case_id=case.pk, what="closure approved").exists()


def test_it_does_not_let_a_case_worker_approve(case: Case, alice: Any):
    _ask(alice, case)
    assert _decide(alice, case, "approve").status_code == 403
    case.refresh_from_db()
    assert case.status == "closing"


def test_it_reopens_a_case_sent_back_as_its_referrals_say(case: Case, alice: Any, sue: Any):
    _send(alice, case, refer(alice, case))
    _ask(alice, case)
    assert _decide(sue, case, "send_back").status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closure_reason) == ("referred", "")


def test_it_refuses_an_approval_nobody_asked_for(case: Case, sue: Any):
    response = _decide(sue, case, "approve")
    assert response.status_code == 400
    assert "Nobody has asked to close this case." in response.content.decode()


def test_it_asks_for_a_reason(case: Case, alice: Any):
    response = client_for(alice).post(f"/cases/{case.pk}/closure/", {"version": case.version})
    assert response.status_code == 400
    assert "“Why the case can close” is empty" in response.content.decode()


def test_it_follows_a_referral_and_its_outcome(case: Case, alice: Any):
    referral = refer(alice, case)
    case.refresh_from_db()
    assert case.status == "open"  # proposed: not sent yet
    _send(alice, case, referral)
    case.refresh_from_db()
    assert case.status == "referred"
    referral.refresh_from_db()
    outcome = {"status": "closed", "outcome": "wages_recovered", "amount": "4500",
               "currency": "THB", "share_agreed": "on", "version": referral.version}  # fmt: skip
    client_for(alice).post(f"/cases/{case.pk}/referrals/{referral.pk}/", outcome)
    case.refresh_from_db()
    assert case.status == "open"


def test_it_keeps_a_closing_case_closing_when_a_referral_changes(case: Case, alice: Any):
    refer(alice, case)
    _ask(alice, case)
    referral = Referral.objects.get()
    update = {"status": "declined", "share_agreed": "on", "version": referral.version}
    client_for(alice).post(f"/cases/{case.pk}/referrals/{referral.pk}/", update)
    case.refresh_from_db()
    assert case.status == "closing"


def test_it_no_longer_takes_a_status_from_the_edit_form(case: Case, alice: Any):
    data = {
        "name": "N",
        "phone": "",
        "document_number": "",
        "status": "closed",
        "version": case.version,
    }
    assert client_for(alice).post(f"/cases/{case.pk}/edit/", data).status_code == 302
    case.refresh_from_db()
    assert case.status == "open"


def test_it_does_not_let_a_supervisor_approve_their_own_request(case: Case, sue: Any):
    _ask(sue, case)
    response = _decide(sue, case, "approve")
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == "closing"
