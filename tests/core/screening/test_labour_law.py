"""Labour-law checks under the law of the country of work on the law date."""

from __future__ import annotations

from datetime import date

from safepassage.core.account import Account, Answer, Fact, Money, Work
from safepassage.core.screening import Level, Screener

ON = date(2025, 9, 1)
YES, NO = Fact(answer=Answer.YES), Fact(answer=Answer.NO)


def thai_job(**changes) -> Work:
    base = {
        "country": "TH",
        "province": "Nong Khai",
        "sector": "agriculture",
        "hours_per_day": 8,
        "days_per_week": 6,
        "pay": Money(amount=360, currency="THB", per="day"),
    }
    return Work(**{**base, **changes})


def test_the_higher_of_the_sector_and_the_provincial_rate_applies(screener: Screener):
    farm = screener.screen(Account(work=[thai_job()]), as_of=ON)
    bar = screener.screen(Account(work=[thai_job(sector="entertainment")]), as_of=ON)
    assert "below_minimum_wage" not in farm.codes("violation")  # Nong Khai's provincial rate
    assert "below_minimum_wage" in bar.codes("violation")  # 400 THB for entertainment venues


def test_overtime_counts_the_daily_excess_over_the_week(screener: Screener):
    # 16 hours x 5 days: 40 hours of overtime a week, over Thailand's 36-hour cap.
    result = screener.screen(Account(work=[thai_job(hours_per_day=16, days_per_week=5)]), as_of=ON)
    assert "hours_over_limit" in result.codes("violation")


def test_return_facts_belong_to_the_last_job_only(screener: Screener):
    first, second = thai_job(province="Chonburi"), thai_job(province="Rayong")
    account = Account(work=[first, second], **{"return": {"wages_still_owed": YES}})
    result = screener.screen(account, as_of=ON)
    owed = [f for f in result.findings if f.code == "withholding_of_wages"]
    assert {f.job for f in owed} == {1}


def test_a_repayable_migration_debt_is_not_bondage(screener: Screener):
    job = thai_job(free_to_leave=YES, debt_cannot_be_repaid=NO)
    account = Account(recruitment={"debt_for_migration": YES, "debt_to": "recruiter"}, work=[job])
    assert "debt_bondage" not in screener.screen(account, as_of=ON).codes("indicator")
    tied = account.model_copy(update={"work": [thai_job(free_to_leave=NO)]})
    assert "debt_bondage" in screener.screen(tied, as_of=ON).codes("indicator")


def test_decent_work_is_not_concluded_when_a_law_check_cannot_run(screener: Screener):
    job = thai_job(
        province=None,
        wages_withheld=NO,
        documents_held_by="self",
        free_to_leave=YES,
        threatened_violence=NO,
        physical_violence=NO,
    )
    assert screener.screen(Account(work=[job]), as_of=ON).level is Level.INSUFFICIENT_INFORMATION


def test_a_fee_paid_before_departure_is_found_without_any_job(screener: Screener):
    account = Account(
        person={"nationality": "KH"},
        recruitment={"country": "KH", "fees_paid": YES, "promised": {"country": "TH"}},
    )
    result = screener.screen(account, as_of=ON)
    assert result.level is Level.LABOUR_RIGHTS_VIOLATION
    [fee] = [f for f in result.findings if f.code == "recruitment_fees_charged"]
    assert fee.stage == "recruitment"
    assert "within limits" in fee.rule  # Cambodia and Thailand cap rather than ban worker costs


def vietnam_job(pay: float, per: str = "hour", **changes) -> Work:
    base = {"country": "VN", "province": "Region I", "sector": "garment", "hours_per_day": 8}
    return Work(**{**base, "pay": Money(amount=pay, currency="VND", per=per), **changes})


def minimum_wage_finding(screener: Screener, job: Work):
    found = screener.screen(Account(work=[job]), as_of=ON).findings
    return next((f for f in found if f.code == "below_minimum_wage"), None)


def test_hourly_pay_in_vietnam_is_held_to_the_hourly_minimum(screener: Screener):
    # Region I from 1 July 2024: 23,800 VND an hour (Decree 74/2024). Converting hourly pay to a
    # month would wrongly fault a five-day week and miss a shortfall over a seven-day week.
    assert minimum_wage_finding(screener, vietnam_job(24_000, days_per_week=5)) is None
    short = minimum_wage_finding(screener, vietnam_job(23_000, days_per_week=7))
    assert short is not None
    assert "23,800 VND per hour" in short.rule
    assert "74/2024" in short.cites[0].title


def test_monthly_pay_in_vietnam_stays_with_the_monthly_minimum(screener: Screener):
    short = minimum_wage_finding(screener, vietnam_job(4_000_000, per="month", days_per_week=6))
    assert short is not None
    assert "4,960,000 VND per month" in short.rule


def test_a_monthly_wage_compared_with_a_daily_minimum_says_how_it_was_converted(
    screener: Screener,
):
    job = thai_job(province="Bangkok", pay=Money(amount=9000, currency="THB", per="month"))
    finding = minimum_wage_finding(screener, job)
    assert finding is not None
    assert "9,000 THB per month for 6 days a week (about 26 working days a month)" in finding.rule
    assert "SafePassage's own conversion" in finding.rule
    assert [e.fact for e in finding.because] == ["work.pay", "work.days_per_week"]
    assert finding.because[1].note == "6 days a week"  # the value, not "yes"
