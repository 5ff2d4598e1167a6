"""An offer not taken up has no job to ask about: the interview asks whether it was taken up
when no work is recorded, and then leaves out every question about the work."""

from __future__ import annotations

from safepassage.core.account import Account, Answer
from safepassage.core.interview import apply, next_questions
from safepassage.core.screening import Screener


def _asked(screener: Screener, account: Account, skip: list[str]) -> list[str]:
    return [q.id for q in next_questions(screener, account, n=200, skip=skip)]


def test_it_asks_whether_the_offer_was_taken_when_no_work_is_known(screener: Screener):
    # The country of work was not known: the next question is whether the job was taken up.
    assert _asked(screener, Account(), ["work.country"])[0] == "recruitment.taken_up"


def test_it_asks_no_work_question_about_an_offer_not_taken(screener: Screener):
    account = apply(Account(), "recruitment.taken_up", Answer.NO)
    asked = _asked(screener, account, ["work.country", "recruitment.taken_up"])
    assert asked
    assert not [qid for qid in asked if qid.startswith("work.")]


def test_it_does_not_ask_about_taking_up_a_job_already_recorded(screener: Screener):
    account = Account(work=[{"country": "TH"}])
    assert "recruitment.taken_up" not in _asked(screener, account, [])
