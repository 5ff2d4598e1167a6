"""The adaptive interview: from a partial account, the question whose answer most changes the
determination, so that a self-check or an intake stays short.

Each unknown fact is weighed by screening the account once per possible answer: a question whose
answers lead to different positions on the spectrum (or a different trafficking answer) is worth
asking; one whose every answer leaves the result as it is, is not.

Work questions are about one job of the account's work list: by default the last one listed, the
job the migrant is in now or left last (a caller may name another by its index).

The texts are plain English and are the gettext message ids: `all_message_ids()` lists every one
(question texts, answer and option labels) for the web edge's .po files; the core never imports
Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from .account import Account, Answer, Fact, Work
from .knowledge.problems import KnowledgeError
from .knowledge.yamlsource import parse_yaml
from .screening import Determination, Level, Screener

QUESTIONS_FILE = Path(__file__).parent / "screening" / "questions.yaml"
# Labels of the answers to a yes / no question, as shown to people (also message ids).
ANSWER_LABELS = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "I don't know"}


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: Literal["fact", "choice", "number", "money", "country", "text"]
    text: str
    options: list[str] = []
    probe: list[float] = []
    min: float | None = None
    max: float | None = None
    essential: bool = False


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    """Every question, validated strictly; each must name a field of the account."""
    doc = parse_yaml(QUESTIONS_FILE.read_text(encoding="utf-8"), str(QUESTIONS_FILE))
    if doc.problems:
        raise KnowledgeError(doc.problems)
    found = {qid: Question(id=qid, **spec) for qid, spec in doc.data.items()}
    for qid in found:
        read(Account(work=[Work()]), qid)  # raises for a question that names no field
    return found


def option_label(option: str) -> str:
    """The English label of a choice option (its message id): the code in words."""
    return option.replace("_", " ")


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

    Work questions read job `job` (an index into the work list), by default the current job."""
    stage, _, name = qid.partition(".")
    if stage == "work":
        if not account.work:
            return None
        holder: Any = account.work[-1 if job is None else job]
    else:
        holder = getattr(account, "return_" if stage == "return" else stage)
    if name not in type(holder).model_fields:
        raise KeyError(f"question {qid}: the account has no such field")
    return getattr(holder, name)


def is_unknown(account: Account, qid: str, job: int | None = None) -> bool:
    value = read(account, qid, job)
    if isinstance(value, Fact):
        return value.unknown
    return value is None or value == "unknown"


def apply(account: Account, qid: str, value: Any, job: int | None = None) -> Account:
    """A new account with the answer recorded; work facts go to job `job` (an index into the
    work list), by default the current job, or to a first job when none is recorded yet."""
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


def hypotheses(question: Question) -> list[Any]:
    """The answers tried when weighing a question."""
    if question.kind == "fact":
        return [Answer.YES, Answer.NO]
    if question.kind == "choice":
        return list(question.options)
    if question.kind == "number":
        return [int(p) if question.id == "person.age" else p for p in question.probe]
    return []  # money, country, text: weighed by whether the result is missing them


def _outcome(result: Determination) -> tuple[Level, Answer]:
    return result.level, result.trafficking.result


def score(
    screener: Screener,
    account: Account,
    question: Question,
    current: Determination,
    job: int | None = None,
) -> float:
    """How much the answer to `question` (for job `job`) could change the determination."""
    if question.essential:
        return 100.0
    now = _outcome(current)
    weight = 0.0
    for answer in hypotheses(question):
        outcome = _outcome(screener.screen(apply(account, question.id, answer, job)))
        if outcome != now:
            weight += 1 + 0.1 * abs(int(outcome[0]) - int(now[0]))
    if any(item.fact == question.id for item in current.missing):
        weight += 0.5
    return weight


def next_questions(
    screener: Screener,
    account: Account,
    n: int = 1,
    skip: Iterable[str] = (),
    job: int | None = None,
) -> list[Question]:
    """The `n` questions, not yet asked, that most change the determination (best first).

    Work questions are about job `job` (by default the current job, see `current_job`)."""
    asked = set(skip)
    current = screener.screen(account)
    ranked = []
    for order, question in enumerate(questions().values()):
        if question.id in asked or not is_unknown(account, question.id, job):
            continue
        weight = score(screener, account, question, current, job)
        if weight > 0:
            ranked.append((-weight, order, question))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [question for _, _, question in ranked[:n]]


def reached(result: Determination) -> bool:
    return result.level is not Level.INSUFFICIENT_INFORMATION


def simulate(
    screener: Screener, truth: Account, start: Account | None = None, limit: int = 60
) -> tuple[int, Determination]:
    """Interview someone whose full account is `truth`; how many questions until a determination.

    Answers the truth does not know are "don't know" (the question is not asked again).
    """
    account, asked = start or Account(), set[str]()
    result = screener.screen(account)
    while not reached(result) and len(asked) < limit:
        found = next_questions(screener, account, skip=asked)
        if not found:
            break
        question = found[0]
        asked.add(question.id)
        answer = read(truth, question.id)
        if not is_unknown(truth, question.id):
            account = apply(account, question.id, _plain(answer))
            result = screener.screen(account)
    return len(asked), result


def _plain(value: Any) -> Any:
    if isinstance(value, Fact):
        return value.answer
    if isinstance(value, BaseModel):
        return value.model_dump()
    return value


__all__ = [
    "ANSWER_LABELS",
    "Question",
    "all_message_ids",
    "apply",
    "current_job",
    "next_questions",
    "option_label",
    "questions",
    "read",
    "simulate",
]
