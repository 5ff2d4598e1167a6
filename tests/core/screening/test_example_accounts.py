"""Rule tests: every example account under examples/accounts/ with its expected determination."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.core.account import _to_answer
from safepassage.core.account_file import read_account
from safepassage.core.knowledge.yamlsource import parse_yaml
from safepassage.core.screening import Screener

EXAMPLES = sorted((Path(__file__).parents[3] / "examples" / "accounts").glob("*.yaml"))


def expected(path: Path) -> dict:
    doc = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not doc.problems
    return doc.data["expected"]


def test_there_are_at_least_twelve_examples():
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_it_reaches_the_expected_determination(screener: Screener, path: Path):
    want = expected(path)
    result = screener.screen(read_account(path))
    assert result.level.code == want["level"]
    if "trafficking" in want:
        assert result.trafficking.result.value == _to_answer(want["trafficking"])
    assert set(want.get("indicators", [])) <= result.codes("indicator")
    assert set(want.get("violations", [])) <= result.codes("violation")
    assert not set(want.get("not_indicators", [])) & result.codes("indicator")
    assert not set(want.get("not_violations", [])) & result.codes("violation")
    assert set(want.get("risks", [])) <= result.codes("risk")
    if want.get("indicators") == []:
        assert result.codes("indicator") == set()
    if want.get("violations") == []:
        assert result.codes("violation") == set()
    for stage, codes in want.get("stages", {}).items():
        assert set(codes) <= {f.code for f in result.stage(stage)}, stage


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_conclusion_names_its_facts_and_cites_a_dated_source(screener: Screener, path: Path):
    result = screener.screen(read_account(path))
    for finding in result.findings:
        assert finding.because, finding
        assert all(e.fact for e in finding.because)
        if finding.kind in ("indicator", "violation", "icls", "palermo"):
            assert finding.cites, finding
            assert all(c.title and c.in_force_from for c in finding.cites)
