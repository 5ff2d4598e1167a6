"""The systemic drivers: a case's statistics say whether a recruiter it names recurs (is named
in at least three of the organisation's cases), so that releases count exploitation where
recruiters recur; a link a case worker confirms recounts every case of the actor."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.analytics.facts import facts_refresh, repeat_recruiter, stale_cases
from safepassage.web.analytics.models import CaseFact
from safepassage.web.casework import actors, services
from safepassage.web.casework.models import Alias, Case, LinkSuggestion, Organisation

from .conftest import example

pytestmark = pytest.mark.django_db

BROKER = {"kind": "broker", "stage": "recruitment", "name": "Ko Aung Naing"}


def _cases(org: Organisation, user: Any, n: int, party: dict[str, Any] | None) -> list[Case]:
    found = []
    for _ in range(n):
        case = services.case_create(user=user, organisation=org,
                                    account=example("deported_wages_owed"))  # fmt: skip
        if party is not None:
            actors.party_add(user=user, case=case, version=case.version, party=party)
        found.append(Case.objects.get(pk=case.pk))
    return found


def test_it_marks_the_cases_of_a_recruiter_named_three_times(org: Organisation, alice: Any):
    named = _cases(org, alice, 3, BROKER)
    (alone,) = _cases(org, alice, 1, {**BROKER, "name": "Ma Khin Aye"})
    (nobody,) = _cases(org, alice, 1, None)
    keep = Alias.objects.filter(case=named[0]).get().actor
    Alias.objects.filter(case__in=named).update(actor=keep)  # as three confirmations leave it
    assert [repeat_recruiter(c) for c in named] == ["yes", "yes", "yes"]
    assert (repeat_recruiter(alone), repeat_recruiter(nobody)) == ("no", "")
    facts_refresh(organisation=org)
    rows = {c.pk: CaseFact.objects.get(case=c).rows[0]["repeat_recruiter"] for c in named}
    assert set(rows.values()) == {"yes"}


def test_it_recounts_every_case_of_an_actor_when_a_link_is_confirmed(org: Organisation, alice: Any):
    first, second = _cases(org, alice, 2, BROKER)
    facts_refresh(organisation=org)
    assert not stale_cases(org).exists()
    suggestion = LinkSuggestion.objects.get()
    actors.link_decide(user=alice, suggestion_id=suggestion.pk, same=True)
    assert set(stale_cases(org).values_list("pk", flat=True)) == {first.pk, second.pk}
