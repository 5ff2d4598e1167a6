"""The corpus of public decisions as rule tests: every case loads, cites a public source, quotes
it for every fact, and screens to the answer recorded in its file (`engine:`), so a change that
flips a case is seen in review (`python bench/agreement.py --record` rewrites the answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.core.corpus import CorpusError, agreement, engine_answer, read_case
from safepassage.core.screening import Screener

CASES = sorted((Path(__file__).parents[3] / "corpus" / "cases").glob("*.yaml"))


def test_it_holds_at_least_thirty_decisions_from_more_than_one_authority_type():
    cases = [read_case(path) for path in CASES]
    assert len(cases) >= 30
    assert len({case.authority.type for case in cases}) >= 4
    # One source may report two decisions (a criminal court's and a labour court's), not one twice.
    decisions = {(case.source.url, case.authority.name) for case in cases}
    assert len(decisions) == len(cases)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_it_screens_to_the_answer_its_file_records(screener: Screener, path: Path):
    case = read_case(path)
    assert case.engine is not None, "run python bench/agreement.py --record"
    assert engine_answer(screener, case) == case.engine


def test_it_refuses_a_fact_without_its_quote(tmp_path: Path):
    text = CASES[0].read_text(encoding="utf-8")
    path = tmp_path / CASES[0].name
    quote_line = next(line for line in text.splitlines() if line.startswith("  work[0]."))
    path.write_text(text.replace(quote_line + "\n", ""), encoding="utf-8")
    with pytest.raises(CorpusError, match="quote the source's sentence"):
        read_case(path)


def test_it_refuses_a_quote_for_no_fact(tmp_path: Path):
    text = CASES[0].read_text(encoding="utf-8")
    path = tmp_path / CASES[0].name
    extra = '  work[0].fined: "A sentence that the account does not encode at all."\n'
    path.write_text(text.replace("quotes:\n", "quotes:\n" + extra), encoding="utf-8")
    with pytest.raises(CorpusError, match="for no fact"):
        read_case(path)


def test_it_counts_agreement_per_authority_type(screener: Screener):
    cases = [read_case(path) for path in CASES]
    tallies = agreement(screener, cases)
    assert tallies["all"].cases == len(cases)
    assert sum(t.cases for kind, t in tallies.items() if kind != "all") == len(cases)
    for tally in tallies.values():
        assert 0 <= tally.level[0] <= tally.level[1] <= tally.cases
        assert 0 <= tally.trafficking[0] <= tally.trafficking[1] <= tally.cases
