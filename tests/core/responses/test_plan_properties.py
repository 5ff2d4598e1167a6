"""Properties over generated accounts, goals and consent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses import CONSENTS, GOALS, Planner, PlanRequest
from safepassage.core.responses.rules import Candidate, decide, eligible, situation_of
from safepassage.core.screening import Screener

from ..strategies import accounts

KNOWLEDGE = load_knowledge(env={})
SCREENER, PLANNER = Screener(KNOWLEDGE), Planner(KNOWLEDGE)
requests = st.builds(
    PlanRequest,
    goals=st.lists(st.sampled_from(GOALS), max_size=3, unique=True).map(tuple),
    consent=st.frozensets(st.sampled_from(CONSENTS)),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, requests)
def test_criminal_justice_needs_consent_unless_mandatory(account: Account, request: PlanRequest):
    plan = PLANNER.plan(account, SCREENER.screen(account), request)
    for step in plan.steps:
        if step.criminal_justice:
            assert "police" in request.consent or step.mandatory, step


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, requests)
def test_no_step_appears_whose_eligibility_is_false(account: Account, request: PlanRequest):
    result = SCREENER.screen(account)
    plan = PLANNER.plan(account, result, request)
    situation = situation_of(account, result, request)
    for step in plan.steps:
        response = KNOWLEDGE.at(step.country, "responses", step.response, situation.on)
        assert eligible(response.eligibility, situation, step.country) is None
        value = KNOWLEDGE.parameter(step.country, "responses", step.response).at(situation.on)
        candidate = Candidate(step.country, step.response, response, value.value)
        assert isinstance(decide(candidate, situation), list)
