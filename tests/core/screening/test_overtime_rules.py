"""Overtime rules the knowledge base holds and screening now reads: the daily cap even when the
days a week are unknown, overtime without consent where the law requires it, and overtime by a
worker under 18 where the law forbids it."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account, Money, Work
from safepassage.core.screening import Screener

ON = date(2025, 9, 1)


def _screen(screener: Screener, work: dict, age: int = 30) -> set[str]:
    account = Account(person={"age": age}, work=[Work(**work)])
    return screener.screen(account, as_of=ON).codes("violation")


def test_the_daily_overtime_cap_applies_without_the_days_a_week(screener: Screener):
    # Vietnam: at most 4 hours of overtime on an 8-hour day (Labour Code 2019 art. 107).
    long_day = {"country": "VN", "province": "Region I", "hours_per_day": 14}
    assert "hours_over_limit" in _screen(screener, long_day)
    within = {**long_day, "hours_per_day": 11}
    assert "hours_over_limit" not in _screen(screener, within)


def test_overtime_imposed_under_threat_breaks_the_thai_consent_rule(screener: Screener):
    job = {"country": "TH", "province": "Bangkok", "hours_per_day": 10, "days_per_week": 6,
           "pay": Money(amount=400, currency="THB", per="day"), "overtime_under_threat": "yes",
           "overtime_premium_paid": "yes"}  # fmt: skip
    assert "overtime_without_consent" in _screen(screener, job)
    assert "overtime_without_consent" not in _screen(
        screener, {**job, "overtime_under_threat": "no"}
    )
    assert "overtime_without_consent" not in _screen(screener, {**job, "hours_per_day": 8})


def test_overtime_by_a_worker_under_18_is_a_violation_in_thailand(screener: Screener):
    job = {"country": "TH", "province": "Bangkok", "sector": "manufacturing",
           "hours_per_day": 10, "days_per_week": 6, "overtime_under_threat": "no",
           "overtime_premium_paid": "yes"}  # fmt: skip
    assert "young_worker_overtime" in _screen(screener, job, age=16)
    assert "young_worker_overtime" not in _screen(screener, job, age=19)


def test_pay_kept_back_breaks_the_rule_on_paying_wages_where_one_is_recorded(screener: Screener):
    # Thailand's Labour Protection Act s. 70: wages at least once a month.
    thai = {"country": "TH", "province": "Bangkok", "wages_withheld": "yes"}
    assert "wages_not_paid" in _screen(screener, thai)
    assert "wages_not_paid" not in _screen(screener, {**thai, "wages_withheld": "no"})
    # No wage-payment rule is recorded for Laos: the ILO indicator stays, no violation is made up.
    lao = {"country": "LA", "wages_withheld": "yes"}
    assert "wages_not_paid" not in _screen(screener, lao)
