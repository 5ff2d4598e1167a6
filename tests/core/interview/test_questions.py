"""The interview's questions: each names a field, answers are recorded on the current job, and
every text is a plain English message id."""

from __future__ import annotations

from pathlib import Path

from safepassage.core.account import Account, Answer, Fact
from safepassage.core.account_file import read_account
from safepassage.core.interview import (
    ANSWER_LABELS,
    all_message_ids,
    apply,
    current_job,
    next_questions,
    option_label,
    questions,
    read,
    simulate,
)
from safepassage.core.screening import Level, Screener

EXAMPLES = Path(__file__).parents[3] / "examples" / "accounts"


def decent_work_but_one_fact_unknown() -> Account:
    account = read_account(EXAMPLES / "decent_work_construction.yaml")
    job = account.work[0].model_copy(update={"free_to_leave": Fact()})
    return account.model_copy(update={"work": [job]})


def test_one_fact_moves_the_result_from_insufficient_information(screener: Screener):
    account = decent_work_but_one_fact_unknown()
    assert screener.screen(account).level is Level.INSUFFICIENT_INFORMATION
    answered = apply(account, "work.free_to_leave", Answer.YES)
    assert screener.screen(answered).level is Level.DECENT_WORK
    refused = apply(account, "work.free_to_leave", Answer.NO)
    assert screener.screen(refused).level is Level.LABOUR_EXPLOITATION


def test_the_interview_asks_for_that_fact_first(screener: Screener):
    [first] = next_questions(screener, decent_work_but_one_fact_unknown())
    assert first.id == "work.free_to_leave"


def test_it_asks_for_the_country_first_on_an_empty_account(screener: Screener):
    [first] = next_questions(screener, Account())
    assert first.id == "work.country"


def test_it_never_asks_again_what_is_known_or_was_asked(screener: Screener):
    account = apply(Account(), "work.country", "TH")
    ids = [q.id for q in next_questions(screener, account, n=60, skip={"work.locked_in"})]
    assert "work.country" not in ids
    assert "work.locked_in" not in ids
    assert len(ids) == len(set(ids))


def test_the_scam_compound_settles_in_a_few_questions_at_forced_labour_and_trafficking(
    screener: Screener,
):
    count, result = simulate(screener, read_account(EXAMPLES / "scam_compound_cambodia.yaml"))
    assert (result.level, result.trafficking.result) == (Level.FORCED_LABOUR, Answer.YES)
    assert count <= 10


def test_every_question_names_a_field_of_the_account():
    for qid, question in questions().items():
        read(Account(work=[{}]), qid)  # raises KeyError for a field the account lacks
        assert question.text.endswith("?")


def two_jobs() -> Account:
    first = {"country": "TH", "province": "Tak", "sector": "garment", "free_to_leave": "yes"}
    return Account(work=[first, {"country": "TH", "province": "Bangkok"}])


def test_work_questions_are_about_the_current_job_the_last_one_listed():
    account = two_jobs()
    assert current_job(account) == 1
    assert read(account, "work.province") == "Bangkok"
    assert read(account, "work.province", job=0) == "Tak"
    answered = apply(account, "work.sector", "construction")
    assert [job.sector for job in answered.work] == ["garment", "construction"]
    earlier = apply(account, "work.locked_in", Answer.NO, job=0)
    assert earlier.work[0].locked_in.no
    assert earlier.work[1].locked_in.unknown
    assert current_job(Account()) is None
    assert apply(Account(), "work.country", "TH").work[0].country == "TH"


def test_the_interview_weighs_questions_for_the_job_it_asks_about(screener: Screener):
    account = two_jobs()
    now = [q.id for q in next_questions(screener, account, n=80)]
    before = [q.id for q in next_questions(screener, account, n=80, job=0)]
    assert "work.sector" in now  # unknown for the current job...
    assert "work.sector" not in before  # ...known for the first one
    assert "work.free_to_leave" not in before


def test_every_user_facing_text_is_a_plain_english_message_id():
    ids = all_message_ids()
    assert len(ids) == len(set(ids))
    for text in ids:
        assert text == text.strip()
        assert text
        assert "\n" not in text
        assert "  " not in text
        assert not {"{", "}", "%"} & set(text), text  # no placeholders to get wrong
    for question in questions().values():
        assert question.text in ids
        assert all(option_label(option) in ids for option in question.options)
    assert set(ANSWER_LABELS.values()) <= set(ids)
    assert option_label("seafood_processing") == "seafood processing"
