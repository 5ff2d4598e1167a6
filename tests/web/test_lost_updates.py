"""No write undoes another: an edit form opened before a referral, an outcome, a note or an
intake answer either saves without reverting it, or is refused with what was typed kept."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from safepassage.web.casework import selectors
from safepassage.web.casework.models import Case, Referral

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _edit(client: Any, case: Case, version: int, name: str) -> Any:
    data = {"name": name, "phone": "", "document_number": "", "version": version}
    return client.post(f"/cases/{case.pk}/edit/", data)


def _refer(client: Any, case: Case, version: int) -> Any:
    step = selectors.case_assessment(case=case).plan.steps[0]
    data = {"response_id": step.response, "provider_id": step.providers[0].id, "version": version}
    return client.post(f"/cases/{case.pk}/referrals/", data)


def test_an_edit_form_opened_before_a_referral_cannot_set_the_status_back(case: Case, alice: Any):
    client = client_for(alice)
    opened = case.version  # the edit form is open
    assert _refer(client, case, case.version).status_code == 302
    response = _edit(client, case, opened, "Typed after the referral")
    assert response.status_code == 200  # refused...
    assert 'value="Typed after the referral"' in response.content.decode()  # ...input kept
    case.refresh_from_db()
    assert case.name != "Typed after the referral"


def test_a_referral_from_a_stale_page_is_refused_with_the_choice_kept(case: Case, alice: Any):
    client = client_for(alice)
    stale = case.version
    assert _edit(client, case, stale, "Changed meanwhile").status_code == 302
    response = _refer(client, case, stale)
    assert response.status_code == 409
    assert "Someone else changed this case" in response.content.decode()
    assert " selected>" in response.content.decode()  # the provider chosen, chosen again
    assert not Referral.objects.exists()


def test_an_outcome_and_an_edit_both_stand(case: Case, alice: Any, bob: Any):
    assert _refer(client_for(alice), case, case.version).status_code == 302
    case.refresh_from_db()
    opened, referral = case.version, Referral.objects.get()
    outcome = {"status": "closed", "outcome": "wages_recovered", "amount": "100",
               "currency": "THB", "outcome_note": "Paid", "share_agreed": "on",
               "version": referral.version}  # fmt: skip
    client_for(bob).post(f"/cases/{case.pk}/referrals/{referral.pk}/", outcome)
    assert _edit(client_for(alice), case, opened, "Edited").status_code == 302
    referral.refresh_from_db()
    case.refresh_from_db()
    assert referral.outcome == "wages_recovered"
    # The status follows the referral: closed with its outcome, the case is open again.
    assert (case.name, case.status) == ("Edited", "open")


def test_a_note_and_an_edit_both_stand(case: Case, alice: Any, bob: Any):
    opened = case.version
    client_for(bob).post(f"/cases/{case.pk}/notes/", {"text": "Called the employer"})
    assert _edit(client_for(alice), case, opened, "Edited").status_code == 302
    case.refresh_from_db()
    assert case.name == "Edited"
    assert case.notes.get().text == "Called the employer"


def test_an_intake_answer_and_an_edit_cannot_both_win(case: Case, alice: Any, bob: Any):
    opened = case.version
    answer = {"question": "person.legal_status", "answer": "registered", "version": opened}
    assert client_for(bob).post(f"/cases/{case.pk}/intake/", answer).status_code in (200, 302)
    case.refresh_from_db()
    if case.version == opened:  # the answer was not taken (settled case): nothing to lose
        return
    response = _edit(client_for(alice), case, opened, "Edited")
    assert response.status_code == 200  # refused: the answer stays
    case.refresh_from_db()
    assert case.account["person"]["legal_status"] == "registered"


@pytest.mark.django_db(transaction=True)
def test_a_referral_and_an_edit_at_the_same_moment_lose_nothing(case: Case, alice: Any, bob: Any):
    opened, results = case.version, {}
    barrier = threading.Barrier(2)

    def refer() -> None:
        barrier.wait()
        results["refer"] = _refer(client_for(alice), case, opened).status_code
        connection.close()

    def edit() -> None:
        barrier.wait()
        results["edit"] = _edit(client_for(bob), case, opened, "Edited").status_code
        connection.close()

    threads = [threading.Thread(target=refer), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    case.refresh_from_db()
    if results["refer"] == 302:  # the referral won: the edit was refused, the name kept
        assert results["edit"] == 200
        assert case.name != "Edited"
        assert Referral.objects.count() == 1
    else:  # the edit won: the referral was refused and made no row
        assert results["refer"] == 409
        assert not Referral.objects.exists()
