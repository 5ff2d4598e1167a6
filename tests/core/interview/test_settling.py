"""The interview stops when the result is settled, and the settled result is the full account's.

Settled means no answers to the questions not yet asked, alone or together, can change the level
or the trafficking result. Replaying an interview from an account's starting point (what no
question asks), every question asked was asked while the result was not yet settled, and the
result at the end equals the screening of the whole account.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account, Answer
from safepassage.core.account_file import read_account
from safepassage.core.interview import (
    apply,
    is_unknown,
    next_questions,
    progress,
    questions,
    read,
    settled,
    simulate,
    starting_point,
)
from safepassage.core.interview.questions import plain
from safepassage.core.screening import Level, Screener

EXAMPLES = sorted((Path(__file__).parents[3] / "examples" / "accounts").glob("*.yaml"))


def replay(screener: Screener, truth: Account) -> tuple[list[str], Account]:
    """Interview `truth` step by step, checking before each question that the result was not
    yet settled."""
    account, asked = starting_point(truth), list[str]()
    while True:
        found = next_questions(screener, account, skip=asked)
        if not found:
            return asked, account
        assert not settled(screener, account, asked), f"asked {found[0].id} after settling"
        assert found[0].id not in asked
        asked.append(found[0].id)
        if not is_unknown(truth, found[0].id):
            account = apply(account, found[0].id, plain(read(truth, found[0].id)))


def outcome(screener: Screener, account: Account) -> tuple[Level, Answer]:
    result = screener.screen(account)
    return result.level, result.trafficking.result


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_it_settles_on_the_full_accounts_result_for_every_example(screener: Screener, path: Path):
    truth = read_account(path)
    asked, account = replay(screener, truth)
    assert settled(screener, account, asked)
    assert outcome(screener, account) == outcome(screener, truth)
    count, result = simulate(screener, truth)
    assert count == len(asked)
    assert (result.level, result.trafficking.result) == outcome(screener, truth)


def test_a_dont_know_is_an_answer_and_is_not_asked_again(screener: Screener):
    account = apply(Account(), "work.country", "TH")
    first = next_questions(screener, account)[0]
    after = [q.id for q in next_questions(screener, account, n=80, skip=[first.id])]
    assert first.id not in after
    assert is_unknown(account, first.id)  # "don't know": the fact stays unknown


def test_until_settled_it_says_how_many_questions_could_still_change_the_result(
    screener: Screener,
):
    account = apply(Account(), "work.country", "TH")
    early = progress(screener, account, ["work.country"])
    assert not early.settled
    assert early.could_change > 5
    truth = read_account(EXAMPLES[0])
    asked, done = replay(screener, truth)
    final = progress(screener, done, asked)
    assert final.settled
    assert final.could_change == 0


def test_a_result_at_the_top_is_settled_at_once(screener: Screener):
    account = Account(
        person={"age": 30},
        recruitment={"recruited_by": "broker", "deceived_about_job": "yes"},
        work=[{"country": "TH", "locked_in": "yes", "physical_violence": "yes"}],
    )
    assert outcome(screener, account) == (Level.FORCED_LABOUR, Answer.YES)
    assert settled(screener, account)
    assert next_questions(screener, account) == []


def test_two_open_facts_that_matter_only_together_keep_it_open(screener: Screener):
    # Involuntary work is established (not free to leave) but no menace yet: neither a threat
    # nor withheld pay alone is asked about, yet together with the rest they decide forced labour.
    account = Account(
        person={"age": 30, "legal_status": "mou"},
        work=[{"country": "TH", "free_to_leave": "no"}],
    )
    level, _ = outcome(screener, account)
    assert level is Level.LABOUR_EXPLOITATION
    assert not settled(screener, account)


# -- generated accounts ---------------------------------------------------------------------

FACT_IDS = [qid for qid, q in questions().items() if q.kind == "fact"]
answers = st.sampled_from(["yes", "no", "unknown"])
truths = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["TH", "KH", "VN"]),
        "province": st.sampled_from(["Bangkok", "Tak", "Region I", None]),
        "age": st.none() | st.sampled_from([13, 16, 17, 25, 40]),
        "hours": st.none() | st.sampled_from([6.0, 8.0, 10.0, 14.0]),
        "days": st.none() | st.sampled_from([5.0, 6.0, 7.0]),
        "pay": st.none() | st.sampled_from([0, 150, 400, 5_000_000]),
        "documents": st.sampled_from(["self", "employer", "unknown"]),
        "sector": st.sampled_from(
            ["fishing", "garment", "domestic_work", "online_scam", "unknown"]
        ),
        "facts": st.dictionaries(st.sampled_from(FACT_IDS), answers, max_size=25),
    }
)


def build(spec: dict) -> Account:
    account = Account(reported_on="2025-09-01", person={"nationality": "KH"})
    account = apply(account, "work.country", spec["country"])
    pay = spec["pay"]
    currency = {"TH": "THB", "KH": "USD", "VN": "VND"}[spec["country"]]
    values = {
        "work.province": spec["province"],
        "person.age": spec["age"],
        "work.hours_per_day": spec["hours"],
        "work.days_per_week": spec["days"],
        "work.pay": None if pay is None else {"amount": pay, "currency": currency, "per": "day"},
        "work.documents_held_by": spec["documents"],
        "work.sector": spec["sector"],
    }
    for qid, value in values.items():
        if value is not None and value != "unknown":
            account = apply(account, qid, value)
    for qid, answer in spec["facts"].items():
        if answer != "unknown":
            account = apply(account, qid, answer)
    return account


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(truths)
def test_it_settles_on_the_full_accounts_result_for_generated_accounts(screener, spec):
    truth = build(spec)
    _, account = replay(screener, truth)
    assert outcome(screener, account) == outcome(screener, truth)


def fully_specified_decent_work() -> st.SearchStrategy[Account]:
    """Every question answered, none adverse."""
    benign = {"work.free_to_leave": "yes", "work.documents_returned_on_request": "yes"}

    def make(age: int, hours: float, days: float, province: str, sector: str) -> Account:
        account = Account(reported_on="2025-09-01", person={"nationality": "MM"})
        for qid, question in questions().items():
            if question.kind == "fact":
                account = apply(account, qid, benign.get(qid, "no"))
        values = {
            "work.country": "TH",
            "work.province": province,
            "work.sector": sector,
            "person.age": age,
            "person.legal_status": "mou",
            "work.hours_per_day": hours,
            "work.days_per_week": days,
            "work.pay": {"amount": 500, "currency": "THB", "per": "day"},
            "work.documents_held_by": "self",
            "work.isolation": "none",
            "recruitment.recruited_by": "licensed_agency",
            "transit.transported_by": "licensed_agency",
        }
        for qid, value in values.items():
            account = apply(account, qid, value)
        return apply(account, "work.overtime_premium_paid", "yes")

    return st.builds(
        make,
        age=st.integers(18, 60),
        hours=st.sampled_from([7.0, 8.0]),
        days=st.sampled_from([5.0, 6.0]),
        province=st.sampled_from(["Bangkok", "Rayong", "Tak", "Chiang Mai"]),
        sector=st.sampled_from(["construction", "manufacturing", "agriculture", "garment"]),
    )


@settings(max_examples=25, deadline=None)
@given(fully_specified_decent_work())
def test_a_fully_specified_decent_work_account_is_decent_work_and_not_trafficking(
    screener, account
):
    result = screener.screen(account)
    assert result.level is Level.DECENT_WORK, result.explanation
    assert result.trafficking.result is Answer.NO
    assert result.trafficking.ruled_out in ("act", "means", "purpose")
