"""The interview's questions (questions.yaml), and reading and recording their answers.

Work questions are about one job of the account's work list: by default the last one listed, the
job the migrant is in now or left last (a caller may name another by its index).

The texts are plain English and are the gettext message ids: `all_message_ids()` lists every one
(question texts, answer and option labels) for the web edge's .po files; the core never imports
Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..account import Account, Answer, Fact, Work
from ..knowledge.problems import KnowledgeError
from ..knowledge.yamlsource import parse_yaml
from ..screening.messages import A_WORKED_OUT_FACT, FACT_WORDS
from ..screening.messages import option as option_words
from ..screening.rules import rule_refs, rules

QUESTIONS_FILE = Path(__file__).parents[1] / "screening" / "questions.yaml"
# Labels of the answers to a yes / no question, as shown to people (also message ids).
ANSWER_LABELS = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "I don't know"}
FACTS = {Answer.YES: Fact(answer=Answer.YES), Answer.NO: Fact(answer=Answer.NO)}
_JOB_INDEX = re.compile(r"\[\d+\]")
# Facts whose "yes" is the benign answer though no rule reads them the other way round (`not:`).
BENIGN_YES = frozenset({"work.overtime_premium_paid"})


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: Literal["fact", "choice", "number", "money", "country", "text"]
    text: str
    options: list[str] = []
    min: float | None = None
    max: float | None = None
    essential: bool = False  # asked first while unknown (the country: the law depends on it)
    safety: bool = False  # confinement, violence, threats, a child's age: asked as a first tier
    # A filter question (`gate.*`): one question over several facts. "No" answers them all no;
    # "yes" records nothing, and the questions on each fact follow.
    covers: list[str] = []


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    """Every question, validated strictly; each must name a field of the account."""
    doc = parse_yaml(QUESTIONS_FILE.read_text(encoding="utf-8"), str(QUESTIONS_FILE))
    if doc.problems:
        raise KnowledgeError(doc.problems)
    found = {qid: Question(id=qid, **spec) for qid, spec in doc.data.items()}
    for qid, question in found.items():
        if question.covers:
            _check_gate(question, found)
        else:
            read(Account(work=[Work()]), qid)  # raises for a question that names no field
    return found


def _check_gate(gate: Question, found: dict[str, Question]) -> None:
    bad = [qid for qid in gate.covers if qid not in found or found[qid].kind != "fact"]
    if not gate.id.startswith("gate.") or gate.kind != "fact" or bad:
        raise KeyError(f"question {gate.id}: a gate is a fact question over fact questions {bad}")


@lru_cache(maxsize=1)
def benign_yes() -> frozenset[str]:
    """Facts whose "yes" is the benign answer: those the rules read only as `not:`."""
    negated = {ref.removeprefix("not:") for ref in rule_refs(rules()) if ref.startswith("not:")}
    return frozenset(negated | BENIGN_YES)


def benign(fact: str) -> Answer:
    """The answer to a fact question that points away from exploitation: "no", or "yes" for a
    fact such as being free to leave."""
    return Answer.YES if fact in benign_yes() else Answer.NO


def gate_of(qid: str) -> Question | None:
    """The filter question `qid`, or None for a question about one fact."""
    question = questions().get(qid) if qid.startswith("gate.") else None
    return question if question is not None and question.covers else None


def option_label(option: str) -> str:
    """The English label of a choice option (its message id): the code in words."""
    return option_words(option)


def all_message_ids() -> list[str]:
    """Every user-facing English text of the interview, once each: the answer labels, then each
    question's text and its option labels, in question order. For gettext extraction."""
    found = dict.fromkeys(ANSWER_LABELS.values())
    for question in questions().values():
        found[question.text] = None
        found.update(dict.fromkeys(option_label(option) for option in question.options))
    return list(found)


def current_job(account: Account) -> int | None:
    """The job the interview asks about unless told otherwise: the last one listed, the job the
    migrant is in now or left last. None while no work is recorded."""
    return len(account.work) - 1 if account.work else None


def read(account: Account, qid: str, job: int | None = None) -> Any:
    """The account's current value for a question (None when there is no job yet).

    Work questions read job `job` (an index into the work list), by default the current job.
    A gate reads as yes when one fact it covers has its adverse answer, no when all have their
    benign one, else unknown."""
    if qid.startswith("gate."):
        return _gate_answer(account, qid, job)
    stage, name = field_of(qid)
    if stage == "work":
        if not account.work:
            return None
        holder: Any = account.work[-1 if job is None else job]
    else:
        holder = getattr(account, stage)
    return getattr(holder, name)


@lru_cache(maxsize=512)
def field_of(qid: str) -> tuple[str, str]:
    """Where a question's answer lives: the account's attribute for its stage, and the field
    (checked once: the interview reads answers thousands of times a second)."""
    stage, _, name = qid.partition(".")
    attr = "return_" if stage == "return" else stage
    model = Work if stage == "work" else type(getattr(Account(), attr, None))
    if name not in getattr(model, "model_fields", {}):
        raise KeyError(f"question {qid}: the account has no such field")
    return attr, name


def _gate_answer(account: Account, qid: str, job: int | None) -> Fact:
    gate = gate_of(qid)
    if gate is None:
        raise KeyError(f"question {qid}: no such gate")
    answers = {_benign_now(read(account, fact, job), benign(fact)) for fact in gate.covers}
    if False in answers:
        return FACTS[Answer.YES]
    return FACTS[Answer.NO] if answers == {True} else Fact()


def _benign_now(value: Any, harmless: Answer) -> bool | None:
    """Whether a covered fact has its benign answer (None while unknown)."""
    if isinstance(value, Fact):
        return None if value.unknown else value.answer is harmless
    return None


def is_unknown(account: Account, qid: str, job: int | None = None) -> bool:
    value = read(account, qid, job)
    if isinstance(value, Fact):
        return value.unknown
    return value is None or value == "unknown"


def apply(account: Account, qid: str, value: Any, job: int | None = None) -> Account:
    """A new account with the answer recorded, validated (a value that does not fit raises);
    work facts go to job `job` (an index into the work list), by default the current job, or to
    a first job when none is recorded yet."""
    gate = gate_of(qid)
    if gate is not None:
        return _apply_gate(account, gate, value, job)
    data = account.model_dump(by_alias=True, exclude_defaults=True)
    stage, _, name = qid.partition(".")
    if isinstance(value, Answer):
        value = value.value
    if stage == "work":
        jobs = data.setdefault("work", [{}])
        jobs[-1 if job is None else job][name] = value
    else:
        data.setdefault(stage, {})[name] = value
    if qid == "person.age":
        data["person"].pop("under_18", None)  # derived from the age: let the new age decide
    return Account.model_validate(data)


def forget(account: Account, qid: str, job: int | None = None) -> Account:
    """A new account where question `qid`'s field is unknown again (a correction to "don't
    know"); a gate has no field of its own, so the account is returned as it is."""
    if gate_of(qid) is not None:
        return account
    data = account.model_dump(by_alias=True, exclude_defaults=True)
    stage, _, name = qid.partition(".")
    if stage == "work":
        jobs = data.get("work") or []
        if jobs:
            jobs[-1 if job is None else job].pop(name, None)
    else:
        data.get(stage, {}).pop(name, None)
    if qid == "person.age":
        data.get("person", {}).pop("under_18", None)
    return Account.model_validate(data)


def _apply_gate(account: Account, gate: Question, value: Any, job: int | None) -> Account:
    """A gate's "no" gives every fact it covers that is still unknown its benign answer; any
    other answer records nothing (the questions on each fact follow)."""
    answer = value.value if isinstance(value, Answer) else value
    if answer not in ("no", False):
        if answer not in ("yes", "unknown", None, True):
            raise ValueError(f"{gate.id}: answer yes, no or unknown")
        return account
    for fact in gate.covers:
        if is_unknown(account, fact, job):
            account = apply(account, fact, benign(fact), job)
    return account


def assume(
    account: Account,
    values: Mapping[str, Any],
    job: int | None = None,
    stages: dict[tuple[Any, ...], Any] | None = None,
) -> Account:
    """A copy of the account with `values` (question id -> a value of the field's own type, a
    Fact for a fact) in place: one copy per stage touched, no validation. For the interview's
    weighing of answers it made itself; people's answers go through `apply`.

    `stages`, kept by the caller for one account, shares a stage copy between calls that give
    it the same values, so that screening can reuse what it read of that stage."""
    by_stage: dict[str, dict[str, Any]] = {}
    for qid, value in values.items():
        stage, _, name = qid.partition(".")
        by_stage.setdefault(stage, {})[name] = value
    update: dict[str, Any] = {}
    for stage, fields in by_stage.items():
        if stage == "work":
            jobs = list(account.work) or [Work()]
            index = len(jobs) - 1 if job is None else job
            jobs[index] = _copy(jobs[index], fields, stages)
            update["work"] = jobs
            continue
        if "age" in fields and stage == "person":
            minor = Answer.YES if fields["age"] < 18 else Answer.NO
            fields = {**fields, "under_18": FACTS[minor]}
        attr = "return_" if stage == "return" else stage
        update[attr] = _copy(getattr(account, attr), fields, stages)
    return account.model_copy(update=update)


def _copy(model: Any, fields: dict[str, Any], stages: dict[tuple[Any, ...], Any] | None) -> Any:
    if stages is None:
        return model.model_copy(update=fields)
    key = (id(model), *sorted(fields.items()))
    found = stages.get(key)
    if found is None:
        found = stages[key] = model.model_copy(update=fields)
    return found


def plain(value: Any) -> Any:
    """An account's value as an answer `apply` takes."""
    if isinstance(value, Fact):
        return value.answer
    if isinstance(value, BaseModel):
        return value.model_dump()
    return value


def fact_words(fact: str) -> str:
    """A fact as people read it (an English message id): the question that asks it, or for a
    fact screening works out (under 18, held in a compound...) its words; never its id. A job's
    index (work[0].locked_in) is dropped: every job is asked the same question."""
    plain = _JOB_INDEX.sub("", fact)
    question = questions().get(plain)
    if question is not None:
        return question.text
    return FACT_WORDS.get(plain, A_WORKED_OUT_FACT)
