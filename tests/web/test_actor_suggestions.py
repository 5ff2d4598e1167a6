"""Suggestions: the linkage offers spellings on different cases as one actor; a case worker
confirms (the actors become one) or rejects (never suggested again); decisions are audited."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import actors, services
from safepassage.web.casework.models import (
    Alias,
    AuditEvent,
    Case,
    LinkDecision,
    LinkSuggestion,
)

from .conftest import client_for

pytestmark = pytest.mark.django_db

# One broker as three cases wrote him: in Burmese script, in Thai script and in Latin letters.
BROKER = ("ကိုဇော်မင်းထွန်း", "โก ซอ มิน ทุน", "Ko Zaw Min Htun")
OTHERS = ("Daw Khin Khin Aye", "Somchai Jaidee", "U Tin Maung Win", "Nguyen Van Minh",
          "Ma Su Su Hlaing", "Sok Dara", "Bounmy Phommachanh", "Ko Aung Ko Latt")  # fmt: skip


def _case_naming(org: Any, user: Any, name: str, kind: str = "broker") -> tuple[Case, Alias]:
    case = services.case_create(user=user, organisation=org, name="P", account={})
    party = {"kind": kind, "stage": "recruitment", "name": name}
    alias = actors.party_add(user=user, case=case, version=case.version, party=party)
    return case, alias


def _linked(aliases: list[Alias]) -> set[frozenset[int]]:
    return {frozenset((s.first_id, s.second_id)) for s in LinkSuggestion.objects.all()} & {
        frozenset((a.pk, b.pk)) for a in aliases for b in aliases if a.pk != b.pk
    }


def test_it_suggests_a_broker_written_in_three_scripts_as_one(org: Any, alice: Any):
    for name in OTHERS:
        _case_naming(org, alice, name)
    named = [_case_naming(org, alice, name)[1] for name in BROKER]
    pairs = _linked(named)
    # Linked, at least through one of them: Burmese to Latin, Thai to Latin or Burmese.
    assert any(named[0].pk in p for p in pairs)
    assert any(named[1].pk in p for p in pairs)
    others = set(Alias.objects.exclude(pk__in=[a.pk for a in named]).values_list("pk", flat=True))
    wrong = [s for s in LinkSuggestion.objects.all() if {s.first_id, s.second_id} & others]
    assert wrong == []


def test_it_joins_a_confirmed_pair_into_one_actor_and_audits_it(org: Any, alice: Any):
    case, first = _case_naming(org, alice, BROKER[0])
    _, second = _case_naming(org, alice, BROKER[2])
    suggestion = LinkSuggestion.objects.get()
    response = client_for(alice).post(f"/cases/{case.pk}/parties/decision/",
                                      {"suggestion": suggestion.pk, "same": "yes"})  # fmt: skip
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.actor_id == second.actor_id
    assert LinkDecision.objects.get().verdict == "same"
    audit = AuditEvent.objects.filter(what__startswith=f"aliases {first.pk} and {second.pk}")
    assert audit.get().username == "alice"
    page = client_for(alice).get(f"/cases/{case.pk}/").content.decode()
    assert "Named in 1 other case." in page


def test_it_never_suggests_a_rejected_pair_again(org: Any, alice: Any):
    case, first = _case_naming(org, alice, BROKER[0])
    _, second = _case_naming(org, alice, BROKER[2])
    suggestion = LinkSuggestion.objects.get()
    client_for(alice).post(f"/cases/{case.pk}/parties/decision/",
                           {"suggestion": suggestion.pk, "same": "no"})  # fmt: skip
    assert not LinkSuggestion.objects.exists()
    actors.suggestions_refresh(organisation_id=org.pk)
    _case_naming(org, alice, "Somchai Jaidee")  # another change recomputes the suggestions
    assert not LinkSuggestion.objects.filter(first=first, second=second).exists()
    assert first.actor_id != Alias.objects.get(pk=second.pk).actor_id


def test_it_never_suggests_a_buyer_as_a_broker(org: Any, alice: Any):
    _case_naming(org, alice, BROKER[2], kind="buyer")
    _case_naming(org, alice, BROKER[2], kind="broker")
    assert not LinkSuggestion.objects.exists()


def test_it_keeps_another_organisations_actors_out(org: Any, alice: Any, other_org: Any,
                                                    charlie: Any):  # fmt: skip
    case, _mine = _case_naming(org, alice, BROKER[2])
    _, theirs = _case_naming(other_org, charlie, BROKER[2])
    assert not LinkSuggestion.objects.exists()  # each organisation is linked on its own
    _, _again = _case_naming(org, alice, BROKER[0])
    assert {s.organisation_id for s in LinkSuggestion.objects.all()} == {org.pk}
    page = client_for(alice).get(f"/cases/{case.pk}/parties/").content.decode()
    assert BROKER[0] in page
    assert client_for(alice).get(f"/cases/actors/{theirs.actor_id}/").status_code == 404
    foreign = LinkSuggestion.objects.get()
    response = client_for(charlie).post(
        f"/cases/{case.pk}/parties/decision/", {"suggestion": foreign.pk, "same": "yes"}
    )
    assert response.status_code == 404
    assert not LinkDecision.objects.exists()


def test_it_keeps_an_open_suggestion_when_the_list_is_recomputed(org: Any, alice: Any):
    _case_naming(org, alice, BROKER[0])
    _case_naming(org, alice, BROKER[2])
    before = LinkSuggestion.objects.get()
    _case_naming(org, alice, "Somchai Jaidee")  # recomputes the organisation's suggestions
    assert LinkSuggestion.objects.get().pk == before.pk  # a page showing it can still answer


def test_it_says_so_when_a_suggestion_was_answered_meanwhile(org: Any, alice: Any, bob: Any):
    case, _first = _case_naming(org, alice, BROKER[0])
    _case_naming(org, alice, BROKER[2])
    suggestion = LinkSuggestion.objects.get()
    data = {"suggestion": suggestion.pk, "same": "yes"}
    client_for(bob).post(f"/cases/{case.pk}/parties/decision/", data)
    response = client_for(alice).post(f"/cases/{case.pk}/parties/decision/", data, follow=True)
    assert "That suggestion is no longer open" in response.content.decode()
    assert LinkDecision.objects.count() == 1
