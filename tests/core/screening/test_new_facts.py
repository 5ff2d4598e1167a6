"""Facts case workers hear every day, each read where the ICLS Guidelines and the Palermo
Protocol place it: a sale after arrival, a ransom to be let go, coercion seen used on
co-workers, staying out of fear, being refused when asking to leave, a phone taken."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account, Answer
from safepassage.core.screening import Level, Screener

ON = date(2025, 9, 1)


def _screen(screener: Screener, **work: str):
    account = Account(person={"age": 30}, work=[{"country": "TH", **work}])
    return screener.screen(account, as_of=ON)


def test_a_sale_after_arrival_is_unfree_recruitment_and_a_trafficking_act(screener: Screener):
    result = _screen(screener, sold_or_handed_over="yes", locked_in="yes")
    assert result.level is Level.FORCED_LABOUR
    assert result.trafficking.result is Answer.YES  # transfer for payment, held, forced labour
    assert "involuntariness.unfree_recruitment" in result.codes("icls")


def test_coercion_seen_used_on_co_workers_is_a_menace_of_penalty(screener: Screener):
    result = _screen(screener, coworkers_threatened_or_hurt="yes", free_to_leave="no")
    assert result.level is Level.FORCED_LABOUR
    assert "menace_of_penalty.threats_or_violence" in result.codes("icls")
    assert "intimidation_and_threats" in result.codes("indicator")


def test_staying_out_of_fear_is_no_freedom_to_end_the_work(screener: Screener):
    result = _screen(screener, stays_out_of_fear="yes", wages_withheld="yes")
    assert result.level is Level.FORCED_LABOUR
    assert "involuntariness.no_freedom_to_terminate" in result.codes("icls")


def test_being_refused_when_asking_to_leave_is_no_freedom_to_end_the_work(screener: Screener):
    result = _screen(screener, leaving_refused="yes", threatened_denunciation="yes")
    assert result.level is Level.FORCED_LABOUR


def test_a_ransom_to_be_let_go_is_a_penalty_and_a_means(screener: Screener):
    result = _screen(screener, exit_payment_demanded="yes", different_job_than_agreed="yes")
    assert result.level is Level.FORCED_LABOUR
    assert "menace_of_penalty.debt_or_fine_to_leave" in result.codes("icls")


def test_a_phone_taken_is_isolation(screener: Screener):
    assert "isolation" in _screen(screener, phone_taken="yes").codes("indicator")
    assert "isolation" not in _screen(screener, phone_taken="no").codes("indicator")


def test_work_outside_the_five_countries_is_screened_by_the_international_tests(
    screener: Screener,
):
    """Malaysia: no national law on file; the ILO, ICLS and Palermo tests still apply, the
    finding says so, and decent work is never concluded without the national law."""
    held = Account(person={"age": 30}, work=[{"country": "MY", "locked_in": "yes",
                                              "physical_violence": "yes"}])  # fmt: skip
    result = screener.screen(held, as_of=ON)
    assert result.level is Level.FORCED_LABOUR
    [finding] = [f for f in result.findings if f.code == "no_national_law"]
    assert "only the international tests were applied" in finding.rule
    calm = Account(person={"age": 30}, work=[{"country": "MY", "free_to_leave": "yes"}])
    assert screener.screen(calm, as_of=ON).level is not Level.DECENT_WORK
