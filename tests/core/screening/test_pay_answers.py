"""What a worker can say of the pay without the amount, the months of pay owed, and answers
that contradict each other (named in a finding, never silently resolved)."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account
from safepassage.core.screening import Level, Screener

ON = date(2025, 9, 1)


def _screen(screener: Screener, **work):
    account = Account(person={"age": 30}, work=[{"country": "TH", "province": "Bangkok", **work}])
    return screener.screen(account, as_of=ON)


def test_pay_said_to_be_below_the_minimum_cites_the_minimum_of_the_place(screener: Screener):
    result = _screen(screener, pay_compared="below_the_minimum")
    [finding] = [f for f in result.findings if f.code == "below_minimum_wage"]
    assert "The worker says the pay is below the minimum wage" in finding.rule
    assert finding.cites
    assert "below_minimum_wage" not in _screen(screener, pay_compared="as_promised").codes(
        "violation"
    )


def test_nothing_paid_is_no_wages_for_the_icls_test(screener: Screener):
    result = _screen(screener, pay_compared="nothing", threatened_violence="yes")
    assert result.level is Level.FORCED_LABOUR
    assert "involuntariness.very_low_or_no_wages" in result.codes("icls")


def test_months_of_pay_owed_are_withheld_wages(screener: Screener):
    assert "withholding_of_wages" in _screen(screener, months_unpaid=3).codes("indicator")
    assert "withholding_of_wages" not in _screen(screener, months_unpaid=0).codes("indicator")


def test_contradictory_pay_answers_are_named_not_silently_resolved(screener: Screener):
    owed = _screen(screener, months_unpaid=3, wages_withheld="no")
    [risk] = [f for f in owed.findings if f.code == "contradictory_pay_answers"]
    assert "3 months of pay are owed, yet no pay is said to be kept back" in risk.rule
    promised = _screen(screener, months_unpaid=3, pay_compared="as_promised")
    assert "contradictory_pay_answers" in promised.codes("risk")
    assert "contradictory_pay_answers" not in _screen(screener, months_unpaid=3).codes("risk")


def test_a_decision_reads_the_pay_answer_afresh_not_from_an_earlier_law_check(screener: Screener):
    """Decisions reuse law checks by what they read: the pay answer is part of it."""
    base = Account(person={"age": 30}, work=[{"country": "TH", "province": "Bangkok"}])
    for said in ("at_least_the_minimum", "below_the_minimum", "at_least_the_minimum"):
        account = base.model_copy(
            update={"work": [base.work[0].model_copy(update={"pay_compared": said})]}
        )
        decided = screener.decide(account, as_of=ON)
        full = screener.screen(account, as_of=ON)
        assert decided == (full.level, full.trafficking.result), said
