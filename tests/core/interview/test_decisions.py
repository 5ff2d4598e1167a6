"""The interview's decisions are made once and remembered by what they were made on: the
answers to the questions and the rest of the account. A remembered decision must be the one
screening would make, never one made on a different account."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account, Answer, Fact
from safepassage.core.interview import assume, is_unknown, questions
from safepassage.core.interview.decisions import Decider
from safepassage.core.interview.settle import open_questions, options
from safepassage.core.screening import Screener
from safepassage.core.screening.recent import Recent

from ..strategies import accounts


class Counting(Screener):
    """A screener that counts the decisions it actually makes."""

    made = 0

    def decide(self, account: Account, as_of: date | None = None):  # type: ignore[no-untyped-def]
        self.made += 1
        return super().decide(account, as_of)


def _tries(screener: Screener, account: Account) -> list[dict]:
    """Answers the interview would try on the account: each open question's own, alone."""
    found = []
    for question in open_questions(account, frozenset()):
        tried = options(screener, account, question, None)
        for value in (tried.adverse, tried.benign, *tried.others):
            if value is not None:
                found.append({question.id: value})
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts, st.data())
def test_it_decides_as_screening_the_assumed_account(screener: Screener, account, data):
    tries = _tries(screener, account)
    picked = data.draw(st.lists(st.sampled_from(tries), max_size=4)) if tries else []
    together = {qid: value for values in picked for qid, value in values.items()}
    for values in (*picked, together, {}):
        want = screener.decide(assume(account, values))
        # Twice: the second is remembered, and must be the same.
        assert Decider(screener, account).decide(values) == want
        assert Decider(screener, account).decide(values) == want


@settings(max_examples=60, deadline=None)
@given(accounts, st.sampled_from([None, 0, 1]))
def test_it_reads_unknown_answers_as_the_interview_does(screener: Screener, account, job):
    job = job if job is None or job < len(account.work) else None
    decider = Decider(screener, account, job)
    for qid in questions():
        assert decider.unknown(qid) == is_unknown(account, qid, job), qid


def test_it_remembers_a_decision_made_on_the_same_answers(screener: Screener):
    counting = Counting(screener.knowledge)
    account = Account(work=[{"country": "TH", "pay": {"amount": 0, "currency": "THB"}}])
    Decider(counting, account).decide({"work.locked_in": Fact(answer=Answer.YES)})
    Decider(counting, account).decide({"work.locked_in": Fact(answer=Answer.YES)})
    # The account with the answer recorded is the same account: nothing new to decide.
    answered = assume(account, {"work.locked_in": Fact(answer=Answer.YES)})
    Decider(counting, answered).decide()
    assert counting.made == 1


def test_it_leaves_out_the_migrants_notes(screener: Screener):
    counting = Counting(screener.knowledge)
    said = Account(work=[{"country": "TH", "locked_in": {"answer": "yes", "note": "a gate"}}])
    plain = Account(work=[{"country": "TH", "locked_in": "yes"}])
    Decider(counting, said).decide()
    Decider(counting, plain).decide()
    assert counting.made == 1


def test_it_decides_afresh_when_the_rest_of_the_account_differs(screener: Screener):
    counting = Counting(screener.knowledge)
    job = {"country": "TH", "locked_in": "yes"}
    variants = [
        Account(work=[job]),
        Account(work=[job], reported_on=date(2019, 5, 1)),
        Account(work=[{"country": "MY"}, job]),
        Account(work=[job], person={"nationality": "MM"}),
        Account(work=[job], recruitment={"promised": {"country": "JP"}}),
    ]
    for account in variants:
        assert Decider(counting, account).decide() == screener.decide(account)
    assert counting.made == len(variants)


def test_it_asks_about_the_job_it_was_given(screener: Screener):
    account = Account(work=[{"country": "TH"}, {"country": "MY"}])
    values = {
        "work.locked_in": Fact(answer=Answer.YES),
        "work.threatened_violence": Fact(answer=Answer.YES),
    }
    for job in (0, 1, None):
        want = screener.decide(assume(account, values, job))
        assert Decider(screener, account, job).decide(values) == want


def test_it_follows_the_age_into_under_18(screener: Screener):
    account = Account(work=[{"country": "TH", "sector": "fishing"}])
    for age in (12, 16, 30):
        assert Decider(screener, account).decide({"person.age": age}) == screener.decide(
            assume(account, {"person.age": age})
        )


def test_it_forgets_the_oldest_entry_first():
    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    recent.put("c", 3)
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (None, 2, 3)
    assert len(recent) == 2


def test_it_keeps_working_when_threads_share_it():
    """A threaded server shares one screener's caches between requests."""
    import sys
    import threading

    recent: Recent[int, int] = Recent(50)
    failures: list[BaseException] = []

    def work(start: int) -> None:
        try:
            for i in range(20_000):
                recent.put((start + i) % 97, i)
                recent.get((start + i * 7) % 97)
        except BaseException as exc:  # any failure is the answer
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert len(recent) <= 50 + 4
