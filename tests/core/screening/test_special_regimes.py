"""The special regimes the Thai knowledge base records by date: domestic work outside the
minimum wage and the hours limits until Ministerial Regulation No. 15 (2024), sea-fishing work
held to minimum rest instead of hours limits, and farm work whose coverage is contested."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account
from safepassage.core.screening import Screener

BEFORE, AFTER = date(2023, 6, 1), date(2025, 6, 1)
LOW_PAY = {"amount": 3000, "currency": "THB", "per": "month"}


def _codes(screener: Screener, on: date, kind: str, **work: object) -> set[str]:
    account = Account(person={"age": 30}, work=[{"country": "TH", "province": "Bangkok", **work}])
    return screener.screen(account, as_of=on).codes(kind)


def test_it_does_not_hold_domestic_work_to_the_minimum_wage_before_2024(screener: Screener):
    job = {"sector": "domestic_work", "pay": LOW_PAY, "hours_per_day": 8, "days_per_week": 6}
    assert "below_minimum_wage" not in _codes(screener, BEFORE, "violation", **job)
    assert "sector_outside_the_rule" in _codes(screener, BEFORE, "risk", **job)
    assert "below_minimum_wage" in _codes(screener, AFTER, "violation", **job)
    assert "sector_outside_the_rule" not in _codes(screener, AFTER, "risk", **job)


def test_it_applies_the_hours_limits_to_domestic_work_from_2024(screener: Screener):
    job = {"sector": "domestic_work", "hours_per_day": 15, "days_per_week": 6}  # 42 h overtime
    assert not {"hours_over_limit", "too_little_rest"} & _codes(
        screener, BEFORE, "violation", **job
    )
    assert "hours_over_limit" in _codes(screener, AFTER, "violation", **job)
    assert "hours_over_limit" in _codes(
        screener, BEFORE, "violation", sector="construction", hours_per_day=15, days_per_week=6
    )


def test_it_holds_sea_fishing_to_minimum_rest_instead_of_hours_limits(screener: Screener):
    long_day = {"sector": "fishing", "hours_per_day": 16, "days_per_week": 5}
    violations = _codes(screener, AFTER, "violation", **long_day)
    assert "too_little_rest" in violations  # 8 hours of rest, under the 10 required
    assert "hours_over_limit" not in violations
    week = {"sector": "fishing", "hours_per_day": 13, "days_per_week": 7}  # 77 rest left of 168
    assert "too_little_rest" not in _codes(screener, AFTER, "violation", **week)
    longer = {"sector": "fishing", "hours_per_day": 14, "days_per_week": 7}  # 70 hours of rest
    assert "too_little_rest" in _codes(screener, AFTER, "violation", **longer)
    indicators = _codes(screener, AFTER, "indicator", **long_day)
    assert "excessive_overtime" in indicators


def test_it_says_that_hours_findings_on_farm_work_may_not_reach_seasonal_work(
    screener: Screener,
):
    farm = {"sector": "agriculture", "hours_per_day": 14, "days_per_week": 7}
    assert "contested_coverage" in _codes(screener, AFTER, "risk", **farm)
    lawful = {"sector": "agriculture", "hours_per_day": 8, "days_per_week": 6}
    assert "contested_coverage" not in _codes(screener, AFTER, "risk", **lawful)


def test_a_sector_the_law_leaves_out_is_said_but_is_not_a_violation(screener: Screener):
    """A fisher whose work is otherwise decent: the hours rule does not reach sea fishing (the
    knowledge base says so, as a risk on the page), which is no violation of the law."""
    account = Account(
        person={"age": 30, "legal_status": "registered"},
        work=[
            {
                "country": "TH",
                "province": "Bangkok",
                "sector": "fishing",
                "pay": {"amount": 500, "currency": "THB", "per": "day"},
                "hours_per_day": 8,
                "days_per_week": 5,
                "documents_held_by": "self",
                "free_to_leave": "yes",
                "wages_withheld": "no",
                "threatened_violence": "no",
                "physical_violence": "no",
            }
        ],
    )
    result = screener.screen(account, as_of=AFTER)
    assert "sector_outside_the_rule" in result.codes("risk")
    assert not result.codes("violation")
    assert result.level.name != "LABOUR_RIGHTS_VIOLATION"
    assert all(not r.startswith("violation:") for job in result.jobs for r in job.reasons)
