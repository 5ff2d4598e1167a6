"""Filter questions (gates): one question over several facts, as forced-labour surveys ask them.
A "no" rules out every fact it covers; a "yes" records nothing and the questions on each fact
follow; a gate is asked only while two or more of its facts could change the result."""

from __future__ import annotations

from safepassage.core.account import Account, Answer
from safepassage.core.interview import apply, is_unknown, next_questions, questions, read
from safepassage.core.interview.questions import gate_of
from safepassage.core.screening import Screener

THAILAND = Account(work=[{"country": "TH"}], person={"age": 30})


def test_every_gate_covers_fact_questions_only():
    gates = [q for q in questions().values() if q.covers]
    assert len(gates) >= 8
    for gate in gates:
        assert gate.id.startswith("gate.")
        assert all(questions()[fact].kind == "fact" for fact in gate.covers)
        assert gate_of(gate.id) is gate


def test_a_no_rules_out_every_fact_it_covers():
    gate = questions()["gate.threats"]
    answered = apply(THAILAND, gate.id, Answer.NO)
    assert all(read(answered, fact).no for fact in gate.covers)
    assert read(answered, gate.id).no
    assert not is_unknown(answered, gate.id)


def test_a_no_keeps_a_fact_already_answered_yes():
    account = apply(THAILAND, "work.threatened_dismissal", Answer.YES)
    answered = apply(account, "gate.threats", Answer.NO)
    assert read(answered, "work.threatened_dismissal").yes
    assert read(answered, "gate.threats").yes  # one covered fact is yes


def test_a_yes_records_nothing_and_the_questions_on_each_fact_follow(screener: Screener):
    answered = apply(THAILAND, "gate.threats", Answer.YES)
    assert answered == THAILAND
    skip = ["work.country", "gate.threats"]
    following = {q.id for q in next_questions(screener, answered, n=80, skip=skip)}
    assert "gate.threats" not in following
    assert {"work.threatened_violence", "work.threatened_denunciation"} <= following


def test_a_gate_is_not_asked_once_its_facts_are_known(screener: Screener):
    account = THAILAND
    for fact in questions()["gate.violence"].covers:
        account = apply(account, fact, Answer.NO)
    asked = {q.id for q in next_questions(screener, account, n=80, skip=["work.country"])}
    assert "gate.violence" not in asked


def test_a_no_gives_a_fact_whose_yes_is_harmless_its_yes():
    # "Would anything stop you from leaving?" "No": free to leave, never refused, not afraid.
    answered = apply(THAILAND, "gate.leaving", Answer.NO)
    assert read(answered, "work.free_to_leave").yes
    assert read(answered, "work.leaving_refused").no
    assert read(answered, "gate.leaving").no


def test_a_worker_not_free_to_leave_reads_the_leaving_gate_as_yes():
    account = apply(THAILAND, "work.free_to_leave", Answer.NO)
    assert read(account, "gate.leaving").yes


def test_the_questions_on_a_gate_answered_yes_come_straight_after_it(screener: Screener):
    # "Has anyone threatened you?" "Yes": how, before any other topic (as an interviewer would).
    account = apply(THAILAND, "gate.journey", Answer.NO)
    skip = ["work.country", "gate.journey", "gate.threats"]
    following = next_questions(screener, account, n=1, skip=skip)
    assert following[0].id in questions()["gate.threats"].covers


def test_once_one_fact_of_a_gate_is_yes_its_others_wait_their_turn(screener: Screener):
    account = apply(THAILAND, "work.threatened_denunciation", Answer.YES)
    skip = ["work.country", "gate.threats", "work.threatened_denunciation"]
    following = next_questions(screener, account, n=1, skip=skip)
    assert following[0].id not in questions()["gate.threats"].covers
