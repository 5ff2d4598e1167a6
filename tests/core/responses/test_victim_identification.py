"""Formal identification as a trafficking victim is the migrant's informed choice: offered on
signs of trafficking, it says who takes part and what it risks, and needs consent to exactly it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses import Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = Path(__file__).parents[3] / "examples" / "accounts"
KNOWLEDGE = load_knowledge(env={})


@pytest.fixture(scope="module")
def held():
    account = read_account(EXAMPLES / "live_in_domestic_worker.yaml")
    return account, Screener(KNOWLEDGE).screen(account)


def test_it_asks_consent_to_identification_itself_naming_who_takes_part(held):
    account, result = held
    plan = Planner(KNOWLEDGE).plan(account, result, PlanRequest(goals=("be_safe_now",)))
    assert "victim_identification" not in plan.kinds()
    [why] = [
        n.reason for n in plan.not_chosen if n.kind == "victim_identification" and n.country == "TH"
    ]
    assert "This is your choice" in why
    assert "in Thailand: A multidisciplinary team" in why  # who takes part (knowledge base)
    assert "deportation" in why  # and what it risks


def test_with_that_consent_the_step_is_offered_with_its_police_contacts(held):
    account, result = held
    request = PlanRequest(goals=("be_safe_now",), consent=frozenset({"victim_identification"}))
    plan = Planner(KNOWLEDGE).plan(account, result, request)
    [step] = [s for s in plan.steps if s.kind == "victim_identification"]
    assert any("knowing who takes part" in why for why in step.why)
    assert "police_191" in {p.id for p in step.providers}
    assert (
        "criminal_complaint" not in plan.kinds()
    )  # consent to identification is not to a complaint


def test_it_is_not_offered_when_the_trafficking_test_concludes_no():
    account = read_account(EXAMPLES / "manufacturing_thailand.yaml")
    result = Screener(KNOWLEDGE).screen(account)
    assert result.trafficking.result.value == "no"
    request = PlanRequest(goals=("be_safe_now",), consent=frozenset({"victim_identification"}))
    plan = Planner(KNOWLEDGE).plan(account, result, request)
    assert "victim_identification" not in plan.kinds()
    plan_day = date.today()
    for step in plan.steps:  # no trafficking shelter either
        response = KNOWLEDGE.at(step.country, "responses", step.response, plan_day)
        assert not response.eligibility.trafficking, step.response
