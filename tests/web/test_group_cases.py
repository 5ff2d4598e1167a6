"""Group cases: people exploited together are linked in a group; the answers they share are
entered once and copied into each member who has no answer of their own; each keeps their own
account, and a group of another organisation cannot be found."""

from __future__ import annotations

import re
from typing import Any

import pytest

from safepassage.web.casework import core_edge, services
from safepassage.web.casework.models import AuditEvent, Case, CaseGroup, Organisation

from .conftest import client_for

pytestmark = pytest.mark.django_db
SHARED = ["work.country", "work.sector", "work.hours_per_day"]


def _answer(case: Case, qid: str) -> Any:
    case.refresh_from_db()
    return core_edge.answer_of(core_edge.account_from(case.account), qid)


@pytest.fixture
def crewmate(org: Organisation, alice: Any) -> Case:
    return services.case_create(user=alice, organisation=org, name="Ko Zaw")


@pytest.fixture
def group(case: Case, alice: Any) -> CaseGroup:
    response = client_for(alice).post(
        f"/cases/{case.pk}/group/new/", {"kind": "worksite", "description": "Factory in Samut"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.group is not None
    return case.group


def _join(user: Any, case: Case, reference: str) -> Any:
    return client_for(user).post(f"/cases/{case.pk}/group/join/", {"reference": reference})


def _share(user: Any, case: Case, questions: list[str]) -> Any:
    return client_for(user).post(f"/cases/{case.pk}/group/", {"questions": questions}, follow=True)


def test_it_starts_a_group_with_a_reference_of_the_organisation(group: CaseGroup, case: Case):
    assert group.reference.startswith("HH-G")
    assert group.description == "Factory in Samut"
    assert AuditEvent.objects.filter(
        case_id=case.pk, what=f"group {group.reference} joined"
    ).exists()


def test_it_copies_shared_answers_to_a_member_without_them(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    assert _join(alice, crewmate, group.reference.lower()).status_code == 302
    response = _share(alice, case, SHARED)
    assert "3 answers were copied" in response.content.decode()
    shared = AuditEvent.objects.filter(case_id=case.pk, what__contains=" shared: ").first()
    assert shared is not None
    assert shared.what == f"group {group.reference} shared: {', '.join(SHARED)}"
    for qid in SHARED:
        assert _answer(crewmate, qid) == _answer(case, qid), qid
    crewmate.refresh_from_db()
    assert crewmate.country == "TH"  # screened again: the determination follows the account


def test_it_gives_shared_answers_to_a_member_who_joins_later(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    _share(alice, case, SHARED)
    _join(alice, crewmate, group.reference)
    assert _answer(crewmate, "work.sector") == _answer(case, "work.sector")


def test_it_keeps_a_members_own_answer(case: Case, crewmate: Case, group: CaseGroup, alice: Any):
    services.case_record_answer(
        user=alice, case=crewmate, version=crewmate.version, qid="work.hours_per_day", value=8
    )
    _join(alice, crewmate, group.reference)
    _share(alice, case, SHARED)
    assert _answer(crewmate, "work.hours_per_day") == 8
    assert _answer(case, "work.hours_per_day") == 10


def test_it_never_shares_a_persons_own_facts(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    _join(alice, crewmate, group.reference)
    page = client_for(alice).get(f"/cases/{case.pk}/group/").content.decode()
    assert 'value="work.sector"' in page
    for own in ("person.age", "work.sexual_violence", "work.wages_withheld", "work.pay"):
        assert f'value="{own}"' not in page  # what happened to one person is theirs
    response = client_for(alice).post(
        f"/cases/{case.pk}/group/", {"questions": ["person.age", "work.sector"]}
    )
    assert response.status_code == 400
    assert re.search(r'value="work\.sector"[^>]* checked', response.content.decode())
    assert _answer(crewmate, "person.age") is None
    assert CaseGroup.objects.get(pk=group.pk).shared_questions == []


def test_it_lists_the_members_on_the_group_page(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    _join(alice, crewmate, group.reference)
    page = client_for(alice).get(f"/cases/{crewmate.pk}/group/").content.decode()
    assert case.reference in page
    assert crewmate.reference in page


def test_it_finds_no_group_of_another_organisation(
    group: CaseGroup, other_org: Organisation, charlie: Any
):
    theirs = services.case_create(user=charlie, organisation=other_org, name="X")
    response = _join(charlie, theirs, group.reference)
    assert response.status_code == 400
    assert "No group of your organisation" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.group is None


def test_it_refuses_a_second_group(case: Case, group: CaseGroup, alice: Any):
    response = client_for(alice).post(
        f"/cases/{case.pk}/group/new/", {"kind": "crew", "description": "Boat 7"}
    )
    assert response.status_code == 400
    assert "take it out of that one first" in response.content.decode()


def test_it_takes_a_case_out_and_keeps_its_answers(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    _join(alice, crewmate, group.reference)
    _share(alice, case, SHARED)
    client_for(alice).post(f"/cases/{crewmate.pk}/group/leave/")
    crewmate.refresh_from_db()
    assert crewmate.group is None
    assert _answer(crewmate, "work.sector") is not None


def test_it_clears_what_is_shared_when_its_source_leaves(
    case: Case, crewmate: Case, group: CaseGroup, alice: Any
):
    _share(alice, case, SHARED)
    client_for(alice).post(f"/cases/{case.pk}/group/leave/")
    group.refresh_from_db()
    assert (group.shared_from, group.shared_questions) == (None, [])
