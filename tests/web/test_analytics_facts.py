"""The fact table follows the cases: rows are built for a new case, rebuilt when its answers or
referrals change, never hold who the person is, and never carry the case's id."""

from __future__ import annotations

import json
from typing import Any

import pytest

from safepassage.web.analytics.facts import facts_refresh, stale_cases
from safepassage.web.analytics.models import CaseFact
from safepassage.web.casework import referral_services, services
from safepassage.web.casework.models import Case, Organisation

from .conftest import PERSONAL_NAME, PERSONAL_PHONE, refer

pytestmark = pytest.mark.django_db


def test_it_builds_rows_for_a_new_case_and_only_then(case: Case, org: Organisation):
    assert facts_refresh(organisation=org) == 1
    assert facts_refresh(organisation=org) == 0  # nothing changed since
    rows = CaseFact.objects.get(case=case).rows
    assert [row["sector"] for row in rows] == ["garment"]
    assert rows[0]["level"] == case.level


def test_it_keeps_no_name_phone_document_or_case_id(case: Case, org: Organisation):
    facts_refresh(organisation=org)
    fact = CaseFact.objects.get(case=case)
    text = json.dumps(fact.rows)
    for secret in (PERSONAL_NAME, PERSONAL_PHONE, "AB 123456", case.reference):
        assert secret not in text
    assert {row["case"] for row in fact.rows} == {fact.key}
    assert str(case.pk) != fact.key


def test_it_rebuilds_the_rows_after_an_answer(case: Case, org: Organisation, alice: Any):
    facts_refresh(organisation=org)
    key = CaseFact.objects.get(case=case).key
    services.case_record_answer(
        user=alice, case=case, version=case.version, qid="work.sector", value="fishing"
    )
    assert list(stale_cases(org)) == [case]
    facts_refresh(organisation=org)
    fact = CaseFact.objects.get(case=case)
    assert [row["sector"] for row in fact.rows] == ["fishing"]
    assert fact.key == key  # the same opaque key: the case still counts once


def test_it_rebuilds_the_rows_after_a_referral_outcome(case: Case, org: Organisation, alice: Any):
    referral = refer(alice, case, kind="wage_or_compensation_claim")
    facts_refresh(organisation=org)
    assert CaseFact.objects.get(case=case).rows[0]["referrals"] == []  # proposed, not sent
    referral_services.referral_update(
        user=alice, referral=referral, version=referral.version, status="closed",
        outcome="wages_recovered", amount=None, currency="", outcome_note="",
        share_agreed=True,
    )  # fmt: skip
    assert facts_refresh(organisation=org) == 1
    row = CaseFact.objects.get(case=case).rows[0]
    assert row["referrals"] == ["wage_or_compensation_claim"]
    assert row["outcomes"] == ["wages_recovered"]
    assert row["time_to_outcome"] == "under_30_days"


def test_it_keeps_to_the_organisation(case: Case, org: Organisation, other_org: Organisation):
    assert facts_refresh(organisation=other_org) == 0
    assert not CaseFact.objects.filter(organisation=other_org).exists()


def test_it_keeps_the_rows_encrypted_at_rest(case: Case, org: Organisation):
    from django.db import connection

    facts_refresh(organisation=org)
    with connection.cursor() as cursor:
        cursor.execute("SELECT rows FROM analytics_casefact")
        [(stored,)] = cursor.fetchall()
    assert "garment" not in stored
    assert "age_band" not in stored
    assert CaseFact.objects.get(case=case).rows[0]["sector"] == "garment"
