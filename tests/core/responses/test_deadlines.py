"""Legal deadlines: which apply to an account, and the last day counted from a start date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.core.account import Account
from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses.deadlines import Deadline, deadlines
from safepassage.core.screening import Screener

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "accounts"
KNOWLEDGE = load_knowledge(env={})
SCREENER = Screener(KNOWLEDGE)


def _found(name: str, on: dt.date = dt.date(2025, 6, 1)) -> dict[str, Deadline]:
    account = read_account(EXAMPLES / f"{name}.yaml")
    return {d.name: d for d in deadlines(KNOWLEDGE, account, SCREENER.screen(account), on)}


def test_it_gives_a_wage_claim_limit_where_pay_is_owed_in_thailand():
    found = _found("deported_wages_owed")
    claim = found["wage_claim_time_limit"]
    assert (claim.length, claim.unit, claim.country) == (2, "years", "TH")
    assert "193/34" in (claim.cite.section or "")


def test_it_gives_no_wage_claim_limit_where_nothing_is_owed():
    assert "wage_claim_time_limit" not in _found("decent_work_construction")


def test_it_gives_the_window_to_change_employer_to_a_migrant_in_thailand():
    window = _found("decent_work_construction")["employer_change_window"]
    assert (window.length, window.unit) == (30, "days")
    assert not window.cite.verified


def test_it_follows_the_date_the_window_was_sixty_days():
    window = _found("decent_work_construction", dt.date(2022, 1, 10))["employer_change_window"]
    assert window.length == 60


def test_it_counts_days_months_and_years_to_the_last_day():
    window = _found("decent_work_construction")["employer_change_window"]
    assert window.due(dt.date(2025, 1, 20)) == dt.date(2025, 2, 19)
    claim = _found("deported_wages_owed")["wage_claim_time_limit"]
    assert claim.due(dt.date(2024, 2, 29)) == dt.date(2026, 2, 28)
    assert claim.due(dt.date(2024, 3, 31)) == dt.date(2026, 3, 31)


def test_it_gives_nothing_without_a_country_of_work():
    empty = Account()
    assert deadlines(KNOWLEDGE, empty, SCREENER.screen(empty), dt.date(2025, 1, 1)) == []
