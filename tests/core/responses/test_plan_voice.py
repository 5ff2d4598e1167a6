"""One plan, two readers: to the migrant its reasons say "you"; to the case worker, who reads
the case page, they speak of "the worker". The steps are the same either way."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses import Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = sorted((Path(__file__).parents[3] / "examples" / "accounts").glob("*.yaml"))
YOU = re.compile(r"\b(?:you|your|You|Your)\b")
REQUESTS = [
    PlanRequest(),
    PlanRequest(goals=("recover_wages", "go_home"), located_in="MM"),
    PlanRequest(consent=frozenset({"police", "victim_identification"})),
]


@pytest.fixture(scope="module")
def tools():
    knowledge = load_knowledge(env={})
    return Screener(knowledge), Planner(knowledge)


def _reasons(plan) -> list[str]:
    return [n.reason for n in plan.not_chosen] + [w for s in plan.steps for w in s.why]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_it_speaks_of_the_worker_to_the_case_worker(tools, path: Path):
    screener, planner = tools
    account = read_account(path)
    result = screener.screen(account)
    for request in REQUESTS:
        to_migrant = planner.plan(account, result, request)
        to_worker = planner.plan(account, result, replace(request, audience="worker"))
        assert [s.response for s in to_worker.steps] == [s.response for s in to_migrant.steps]
        said = [r for r in _reasons(to_worker) if YOU.search(r)]
        assert said == [], said[:3]


def test_it_still_speaks_to_the_migrant(tools):
    screener, planner = tools
    account = read_account(EXAMPLES[0].parent / "scam_compound_cambodia.yaml")
    result = screener.screen(account)
    to_migrant = _reasons(planner.plan(account, result, PlanRequest()))
    to_worker = _reasons(planner.plan(account, result, PlanRequest(audience="worker")))
    assert any("You are held" in r for r in to_migrant)
    assert any("The worker is held" in r for r in to_worker)
