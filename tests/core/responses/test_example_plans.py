"""Rule tests: the plan properties each example account expects (its `plan:` section)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.knowledge.yamlsource import parse_yaml
from safepassage.core.responses import Plan, Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = Path(__file__).parents[3] / "examples" / "accounts"
WITH_PLANS = [
    path
    for path in sorted(EXAMPLES.glob("*.yaml"))
    if "plan" in parse_yaml(path.read_text(encoding="utf-8"), str(path)).data
]


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(env={})


def make_plan(knowledge, path: Path) -> tuple[Plan, dict]:
    spec = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data["plan"]
    account = read_account(path)
    result = Screener(knowledge).screen(account)
    request = PlanRequest(tuple(spec["goals"]), frozenset(spec.get("consent", [])))
    return Planner(knowledge).plan(account, result, request), spec["expect"]


def test_the_seed_cases_and_edge_cases_carry_plans():
    names = {path.stem for path in WITH_PLANS}
    assert {
        "scam_compound_cambodia",
        "irregular_threatened_denunciation",
        "recruitment_fee_only",
        "child_entertainment_venue",
    } <= names


@pytest.mark.parametrize("path", WITH_PLANS, ids=lambda p: p.stem)
def test_the_plan_has_the_expected_properties(knowledge, path: Path):
    plan, expect = make_plan(knowledge, path)
    kinds = plan.kinds()
    assert plan.steps, "a plan with no step helps nobody"
    if expect.get("rescue_first"):
        assert plan.steps[0].rescue, kinds
    if "first_kind_in" in expect:
        assert kinds[0] in expect["first_kind_in"], kinds
    assert not set(expect.get("excludes", [])) & set(kinds)
    assert set(expect.get("includes", [])) <= set(kinds)
    if "includes_any" in expect:
        assert set(expect["includes_any"]) & set(kinds), kinds
    assert set(expect.get("notices", [])) <= set(plan.notices)
    not_chosen = {item.kind for item in plan.not_chosen}
    assert set(expect.get("not_chosen_includes", [])) <= not_chosen
    if "risk_mentions" in expect:
        text = " ".join(s.risk_notes or "" for s in plan.steps) + " ".join(
            i.reason for i in plan.not_chosen
        )
        assert expect["risk_mentions"] in text
    if "located_in" in expect:
        assert plan.located_in == expect["located_in"]


@pytest.mark.parametrize("path", WITH_PLANS, ids=lambda p: p.stem)
def test_every_step_names_a_reachable_provider_and_cites_its_source(knowledge, path: Path):
    plan, _ = make_plan(knowledge, path)
    for step in plan.steps:
        assert step.why
        assert step.cites
        assert step.cites[0].title
        reachable = [
            p for p in step.providers if p.phone or p.line or p.facebook or p.url or p.email
        ]
        assert reachable, f"{step.response} has no provider with a contact"
        for provider in step.providers:
            assert provider.remote or provider.country == plan.located_in, provider
        assert step.remote == all(p.remote for p in step.providers)
