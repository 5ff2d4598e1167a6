"""Parties on a case: a case worker names who was involved, the name goes to an alias of an
actor (never into the stored account), and the case page says in how many other cases the
same actor appears and what they report, without another case's personal data."""

from __future__ import annotations

from typing import Any

import pytest

from safepassage.web.casework import actors, selectors, services
from safepassage.web.casework.models import Actor, Alias, AuditEvent, Case

from .conftest import PERSONAL_NAME, client_for, example

pytestmark = pytest.mark.django_db

BROKER = {"kind": "broker", "stage": "recruitment", "name": "Ko Zaw Min Htun"}


def _add(user: Any, case: Case, **changes: Any) -> Any:
    data = {**BROKER, "version": case.version, **changes}
    return client_for(user).post(f"/cases/{case.pk}/parties/", data)


def test_it_keeps_the_name_in_an_alias_and_a_reference_in_the_account(case: Case, alice: Any):
    response = _add(alice, case, phones="081 234 5678\n+95 9 420 123 456")
    assert response.status_code == 302
    alias = Alias.objects.get()
    assert (alias.name, alias.kind, alias.stage) == ("Ko Zaw Min Htun", "broker", "recruitment")
    assert alias.phones == ["+66812345678", "+959420123456"]  # E.164, the case's country first
    case.refresh_from_db()
    assert case.account["parties"] == [
        {"kind": "broker", "stage": "recruitment", "alias": str(alias.pk)}
    ]
    assert "Zaw" not in str(case.account)
    assert AuditEvent.objects.filter(case_id=case.pk, what=f"party added: alias {alias.pk}")


def test_it_names_the_field_of_a_phone_number_it_cannot_read(case: Case, alice: Any):
    response = _add(alice, case, phones="call me")
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a phone number" in page
    assert "Phone numbers" in page
    assert "Ko Zaw Min Htun" in page  # what was typed stays in the form
    assert not Alias.objects.exists()


def test_it_refuses_a_party_without_a_name(case: Case, alice: Any):
    response = _add(alice, case, name="")
    assert response.status_code == 400
    assert "Name, as the worker or a document writes it" in response.content.decode()


def test_it_counts_the_actors_other_cases_and_what_they_report(org: Any, alice: Any):
    cases = [
        services.case_create(user=alice, organisation=org, name=f"Other-Person-{i}",
                             account=example("fishing_vessel_thailand"))
        for i in range(3)
    ]  # fmt: skip
    aliases = [actors.party_add(user=alice, case=c, version=c.version, party=BROKER) for c in cases]
    keep = aliases[0].actor
    Alias.objects.filter(pk__in=[a.pk for a in aliases]).update(actor=keep)
    Actor.objects.exclude(pk=keep.pk).delete()
    page = client_for(alice).get(f"/cases/{cases[0].pk}/").content.decode()
    assert "Named in 2 other cases." in page
    assert "Named in 2 other cases. Reported there: Abuse of vulnerability (2);" in page
    actor_page = client_for(alice).get(f"/cases/actors/{keep.pk}/").content.decode()
    assert "What 3 cases report" in actor_page
    assert "<td>Withholding of wages</td><td>3</td>" in actor_page
    assert "Other-Person-1" not in page
    assert "Other-Person-2" not in page
    alone = services.case_create(user=alice, organisation=org, name=PERSONAL_NAME, account={})
    actors.party_add(user=alice, case=alone, version=alone.version,
                     party={**BROKER, "name": "Someone Else"})  # fmt: skip
    assert "In no other case." in client_for(alice).get(f"/cases/{alone.pk}/").content.decode()


def test_it_removes_a_party_and_its_lone_actor(case: Case, alice: Any):
    alias = actors.party_add(user=alice, case=case, version=case.version, party=BROKER)
    case.refresh_from_db()
    response = client_for(alice).post(f"/cases/{case.pk}/parties/{alias.pk}/remove/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.account.get("parties") == []
    assert not Alias.objects.exists()
    assert not Actor.objects.exists()


def test_it_moves_the_names_of_an_imported_account_into_aliases(org: Any, alice: Any):
    case = services.case_create(user=alice, organisation=org,
                                account=example("recruitment_fee_only"))  # fmt: skip
    names = sorted(Alias.objects.filter(case=case).values_list("name", flat=True))
    assert names == ["Example Auto Parts Co., Ltd.", "Example Motors (export buyer)"]
    assert "Example" not in str(case.account)
    exported = client_for(alice).get(f"/cases/{case.pk}/export/").json()
    assert sorted(p["name"] for p in exported["account"]["parties"] if "name" in p) == names


def test_it_plans_with_the_employer_named_in_an_alias(org: Any, alice: Any):
    """The supply-chain grievance needs the employer identified: the alias's reference says so."""
    account = example("recruitment_fee_only")
    named = services.case_create(user=alice, organisation=org, account=account)
    unnamed = services.case_create(user=alice, organisation=org,
                                   account={**account, "parties": []})  # fmt: skip
    for case in (named, unnamed):
        Case.objects.filter(pk=case.pk).update(goals=["recover_wages", "protect_others"])
        case.refresh_from_db()
    steps = [
        {step.response for step in selectors.case_assessment(case=c).plan.steps}
        for c in (named, unnamed)
    ]
    assert "th_supply_chain_grievance" in steps[0]
    assert "th_supply_chain_grievance" not in steps[1]
