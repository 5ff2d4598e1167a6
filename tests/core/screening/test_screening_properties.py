"""Properties: screening never raises, is deterministic, and unknown is never read as yes."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings

from safepassage.core.account import Account, Answer, Fact, Work
from safepassage.core.screening import Level, Screener

from ..strategies import accounts, works


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_it_never_raises_and_is_deterministic(screener: Screener, account: Account):
    first = screener.screen(account, as_of=date(2026, 1, 1))
    second = screener.screen(account, as_of=date(2026, 1, 1))
    assert first.to_dict() == second.to_dict()
    assert isinstance(first.level, Level)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_a_screeners_caches_never_change_a_result(screener: Screener, account: Account):
    """The session screener has warm caches (law lookups, cites, missing facts); a new one has
    none. Both must give the same determination."""
    fresh = Screener(screener.knowledge)
    warm = screener.screen(account, as_of=date(2025, 6, 1))
    assert fresh.screen(account, as_of=date(2025, 6, 1)).to_dict() == warm.to_dict()


# Facts where "yes" is the good answer: for these, "no" is the adverse one.
PROTECTIVE = {"free_to_leave", "overtime_premium_paid", "documents_returned_on_request"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_a_decision_is_the_screenings_level_and_trafficking_answer(
    screener: Screener, account: Account
):
    """`decide` reuses law checks across accounts (the one screener's caches stay warm over
    every example here): it must still answer as a full screening does."""
    as_of = date(2025, 9, 1)
    full = screener.screen(account, as_of=as_of)
    assert screener.decide(account, as_of=as_of) == (full.level, full.trafficking.result)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_the_gaps_are_the_screenings_missing_facts(screener: Screener, account: Account):
    """`gaps` (what the interview weighs questions by) skips findings and explanation: its
    decision and missing facts must be the full screening's."""
    as_of = date(2025, 9, 1)
    full = screener.screen(account, as_of=as_of)
    gaps = screener.gaps(account, as_of=as_of)
    assert gaps.outcome == (full.level, full.trafficking.result)
    assert (gaps.missing, gaps.undecided) == (full.missing, full.undecided)


@settings(max_examples=150, deadline=None)
@given(works)
def test_unknown_never_counts_as_yes(screener: Screener, work: Work):
    """Settling unknown facts the harmless way never raises the level."""
    harmless = {
        name: Fact(answer=Answer.YES if name in PROTECTIVE else Answer.NO)
        for name, value in work
        if isinstance(value, Fact) and value.unknown
    }
    original = screener.screen(Account(work=[work]))
    settled = screener.screen(Account(work=[work.model_copy(update=harmless)]))
    assert settled.level <= max(original.level, Level.DECENT_WORK)
    for finding in original.findings:
        assert all(e.answer is not Answer.UNKNOWN for e in finding.because)


def test_an_account_with_nothing_known_is_insufficient_information(screener: Screener):
    result = screener.screen(Account(work=[Work(country="TH")]))
    assert result.level is Level.INSUFFICIENT_INFORMATION
    assert result.trafficking.result is Answer.UNKNOWN
    assert result.missing


def test_a_child_under_menace_of_penalty_is_in_forced_labour(screener: Screener):
    """ICLS 2018: for a child, a third party's threat suffices; no involuntariness is needed."""
    job = Work(country="TH", sector="fishing", threatened_violence=Fact(answer=Answer.YES))
    child = screener.screen(Account(person={"age": 15}, work=[job]))
    adult = screener.screen(Account(person={"age": 30}, work=[job]))
    assert child.level is Level.FORCED_LABOUR
    assert adult.level is Level.LABOUR_EXPLOITATION


def test_a_child_in_sexual_exploitation_is_in_forced_labour(screener: Screener):
    job = Work(country="TH", sector="entertainment", sexual_exploitation=Fact(answer=Answer.YES))
    result = screener.screen(Account(person={"age": 16}, work=[job]))
    assert result.level is Level.FORCED_LABOUR


def test_the_rules_read_only_facts_the_account_has():
    """A misspelt fact in rules.yaml would read as unknown forever: every name must exist."""
    from safepassage.core.account import Person, Recruitment, Return, Transit
    from safepassage.core.screening.rules import fact_refs, rules

    models = {
        "work": Work,
        "recruitment": Recruitment,
        "transit": Transit,
        "return": Return,
        "person": Person,
    }
    for ref in fact_refs(rules()):
        stage, _, name = ref.partition(".")
        if stage != "derived":
            assert name in models[stage].model_fields, ref
