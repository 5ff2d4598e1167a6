"""Properties over generated accounts, goals and consent."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.knowledge.contracts import COUNTRIES
from safepassage.core.responses import CONSENTS, GOALS, Planner, PlanRequest
from safepassage.core.responses.rules import Candidate, decide, eligible, signs, situation_of
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
            assert step.mandatory or _consented(step.kind, request), step


def _consented(kind: str, request: PlanRequest) -> bool:
    """Police steps need consent to the police; formal identification as a victim needs consent
    to exactly that (the police take part in it)."""
    if kind == "victim_identification":
        return "victim_identification" in request.consent or "police" in request.consent
    return "police" in request.consent


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, requests)
def test_trafficking_victim_services_follow_the_trafficking_test(
    account: Account, request: PlanRequest
):
    """Offered when trafficking is yes, or unknown with a means found (an act, for a child);
    never when the test concludes no."""
    result = SCREENER.screen(account)
    plan = PLANNER.plan(account, result, request)
    situation = situation_of(account, result, request)
    for step in plan.steps:
        response = KNOWLEDGE.at(step.country, "responses", step.response, situation.on)
        if not response.eligibility.trafficking:
            continue
        answer = result.trafficking.result.value
        assert answer != "no", step.response
        assert answer == "yes" or signs(situation), step.response


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, requests)
def test_no_step_appears_whose_eligibility_is_false(account: Account, request: PlanRequest):
    result = SCREENER.screen(account)
    plan = PLANNER.plan(account, result, request)
    # With no goal chosen the plan proposes its own (the safe default): judge by those.
    situation = situation_of(account, result, replace(request, goals=plan.goals))
    for step in plan.steps:
        response = KNOWLEDGE.at(step.country, "responses", step.response, situation.on)
        assert eligible(response.eligibility, situation, step.country) is None
        value = KNOWLEDGE.parameter(step.country, "responses", step.response).at(situation.on)
        candidate = Candidate(step.country, step.response, response, value.value)
        assert isinstance(decide(candidate, situation), list)


located_requests = st.builds(
    PlanRequest,
    goals=st.lists(st.sampled_from(GOALS), max_size=3, unique=True).map(tuple),
    consent=st.frozensets(st.sampled_from(CONSENTS)),
    located_in=st.sampled_from(COUNTRIES),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, located_requests)
def test_every_step_names_a_provider_reachable_where_the_migrant_is(
    account: Account, request: PlanRequest
):
    """A contact in the country the migrant is in, or one the data says is reachable from abroad
    for that response (cited); embassies only for their own nationals; every step cited."""
    plan = PLANNER.plan(account, SCREENER.screen(account), request)
    on = situation_of(account, SCREENER.screen(account), request).on
    for step in plan.steps:
        assert step.cites, step.response
        assert all(cite.title for cite in step.cites)
        assert step.providers, step.response
        response = KNOWLEDGE.at(step.country, "responses", step.response, on)
        for contact in step.providers:
            assert any(
                getattr(contact, way) for way in ("phone", "line", "facebook", "url", "email")
            )
            channel = KNOWLEDGE.at(step.country, "help_channels", contact.id, on)
            where = channel.countries or [step.country]
            if contact.remote:
                assert request.located_in not in where
                assert response.remote
                assert contact.id in response.remote.providers
                assert len(step.cites) == 2, "the remote route is cited"
            else:
                assert request.located_in in where, (step.response, contact.id)
            if channel.nationals_of:
                assert account.person.nationality in channel.nationals_of
            if channel.kind == "police":
                assert step.mandatory or _consented(step.kind, request)
        assert step.remote == all(c.remote for c in step.providers)
        assert not step.remote or step.remote_how


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, located_requests)
def test_a_plan_is_never_empty_without_a_reason(account: Account, request: PlanRequest):
    plan = PLANNER.plan(account, SCREENER.screen(account), replace(request, goals=()))
    assert plan.goals, "with no goal chosen, the plan proposes the safe default"
    assert "be_safe_now" in plan.goals
    assert "proposed_goals" in plan.notices
    if not plan.steps:
        assert plan.notices["nothing_reachable"]


def test_every_finding_a_response_rests_on_has_words():
    """A plan says why in words: every finding the catalogues name has its words."""
    from safepassage.core.responses.rules import FINDING_WORDS

    named = {
        code
        for (_, topic, _), param in KNOWLEDGE.parameters.items()
        if topic == "responses"
        for series in param.all_series()
        for value in series.entries
        if value.value is not None
        for code in value.value.eligibility.any_finding
    }
    assert named <= set(FINDING_WORDS), named - set(FINDING_WORDS)
