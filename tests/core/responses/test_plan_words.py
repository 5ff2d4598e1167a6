"""A plan's reasons are sentences people read: no code (a level, a status, a sector, a country
code), no "?" or "-" standing in for what is not known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses import Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = sorted((Path(__file__).parents[3] / "examples" / "accounts").glob("*.yaml"))
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:TH|KH|LA|VN|MM)\b|\(\?\)|\(-\)|: -|\?\)")


@pytest.fixture(scope="module")
def tools():
    knowledge = load_knowledge(env={})
    return Screener(knowledge), Planner(knowledge)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("located_in", [None, "TH", "MM"])
def test_it_gives_reasons_in_words_without_codes(tools, path: Path, located_in: str | None):
    screener, planner = tools
    account = read_account(path)
    plan = planner.plan(account, screener.screen(account), PlanRequest(located_in=located_in))
    reasons = [n.reason for n in plan.not_chosen] + [w for s in plan.steps for w in s.why]
    found = [(r, CODE.findall(r)) for r in reasons if CODE.search(r)]
    assert not found, found[:3]
