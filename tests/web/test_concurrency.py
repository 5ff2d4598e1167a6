"""Two people edit one case: the second save is refused, says why, and keeps what was typed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from safepassage.web.casework import services
from safepassage.web.casework.models import Case

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _edit(client: Any, case: Case, version: int, name: str) -> Any:
    return client.post(
        f"/cases/{case.pk}/edit/",
        {"name": name, "phone": "+66 81 234 5678", "document_number": "", "status": "open",
         "version": version},
    )  # fmt: skip


def test_it_refuses_the_second_of_two_edits_from_the_same_version(case: Case, alice: Any, bob: Any):
    first = _edit(client_for(alice), case, 1, "Name from Alice")
    second = _edit(client_for(bob), case, 1, "Name from Bob")
    assert first.status_code == 302
    assert second.status_code == 200
    text = second.content.decode()
    assert "Someone else changed this case" in text
    assert 'value="Name from Bob"' in text  # nothing typed is lost
    case.refresh_from_db()
    assert case.name == "Name from Alice"
    assert case.version == 2


def test_it_refuses_a_stale_plan_change(case: Case, alice: Any):
    services.case_set_plan_request(
        user=alice, case=case, version=1, goals=["go_home"], consents=[], located_in=""
    )
    response = client_for(alice).post(
        f"/cases/{case.pk}/plan/", {"goals": ["recover_wages"], "version": 1}
    )
    assert response.status_code == 400
    assert "Someone else changed this case" in response.content.decode()
    case.refresh_from_db()
    assert case.goals == ["go_home"]


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_simultaneous_saves_win(case: Case, alice: Any, bob: Any):
    results: list[str] = []
    barrier = threading.Barrier(2)

    def save(user: Any, name: str) -> None:
        barrier.wait()
        try:
            services.case_update_details(
                user=user, case=Case.objects.get(pk=case.pk), version=1, name=name, phone="",
                document_number="",
            )  # fmt: skip
            results.append("saved")
        except services.StaleEdit:
            results.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(u, n)) for u, n in ((alice, "A"), (bob, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["saved", "stale"]
    assert Case.objects.get(pk=case.pk).version == 2
