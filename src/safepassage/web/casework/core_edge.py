"""The edge between Django and the core: case rows to core accounts, and core results back.

The core is pure and knows nothing of Django; this module is the only place that maps between
them for case work (the self-check uses the same functions).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_noop

from ...core.account import Account
from ...core.interview import (
    Progress,
    Question,
    apply,
    forget,
    is_unknown,
    next_questions,
    progress,
    questions,
    read,
    step,
)
from ...core.interview import benign as benign  # re-exported: a filter's harmless answers
from ...core.knowledge import LookupProblem, default_knowledge
from ...core.knowledge.schema import Channel
from ...core.responses.deadlines import Deadline, deadlines
from ...core.responses.plan import Plan, PlanRequest
from ...core.responses.planner import Planner
from ...core.screening import Determination, Screener, engine_version

STAGES = ("recruitment", "transit", "work", "return")


@lru_cache(maxsize=1)
def screener() -> Screener:
    return Screener(default_knowledge())


@lru_cache(maxsize=1)
def planner() -> Planner:
    return Planner(default_knowledge())


def account_from(data: dict[str, Any]) -> Account:
    return Account.model_validate(data or {})


def account_data(account: Account) -> dict[str, Any]:
    data: dict[str, Any] = account.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return data


def screen(account: Account, as_of: date | None = None) -> Determination:
    return screener().screen(account, as_of)


def plan(account: Account, result: Determination, request: PlanRequest) -> Plan:
    return planner().plan(account, result, request)


def record_answer(account: Account, qid: str, value: Any) -> Account:
    """The account with the answer recorded; `None` ("don't know") makes the fact unknown again
    (in the interview it was unknown already; on a correction, the old answer goes)."""
    return forget(account, qid) if value is None else apply(account, qid, value)


def next_question(account: Account, asked: list[str]) -> Question | None:
    """The next question, or None once the result is settled (no answer to come can change
    it): the one stopping rule of every door (see core.interview)."""
    found = next_questions(screener(), account, n=1, skip=asked)
    return found[0] if found else None


def interview_step(account: Account, asked: list[str]) -> tuple[Question | None, Progress]:
    """The next question (None once settled) and where the interview stands, in one check."""
    found, where = step(screener(), account, asked)
    return (found[0] if found else None), where


def interview_progress(account: Account, asked: list[str]) -> Progress:
    """Whether the result is settled, and how many questions could still change it."""
    return progress(screener(), account, asked)


# Details a case records though no question of the interview asks them (the interview never
# needs them to settle the result): asked from the overview, with the same controls.
RECORD_ONLY = {
    "person.nationality": Question(
        id="person.nationality",
        kind="country",
        text=gettext_noop("What is the migrant's nationality?"),
    ),
}


def covered_by(qid: str) -> list[str]:
    """The facts a filter question answers with its "no" (none for any other question)."""
    found = questions().get(qid)
    return list(found.covers) if found is not None else []


def answer_of(account: Account, qid: str) -> Any:
    """The account's answer to a question, or None while it is unknown."""
    return None if is_unknown(account, qid) else read(account, qid)


def all_questions() -> dict[str, Question]:
    """The interview's questions, in the order of the questions file (stage by stage)."""
    return questions()


def question(qid: str) -> Question | None:
    return questions().get(qid) or RECORD_ONLY.get(qid)


def versions() -> dict[str, str]:
    """What produces a determination now: the knowledge base's and the engine's versions."""
    return {"knowledge_version": screener().knowledge.version, "engine_version": engine_version()}


def current_stage(account: Account) -> str:
    """How far along the migration cycle the account reaches: the stage the migrant is in now."""
    if account.return_.returned.yes or account.return_.deported.yes:
        return "return"
    if account.work:
        return "work"
    if account.transit.model_fields_set:
        return "transit"
    return "recruitment"


def summary(account: Account, result: Determination) -> dict[str, str]:
    """The columns a case list filters on; none of them is personal data."""
    job = account.work[-1] if account.work else None
    return {
        "country": (job.country if job and job.country else "") or "",
        "sector": job.sector if job and job.sector != "unknown" else "",
        "stage": current_stage(account),
        "level": result.level.code,
        "trafficking": result.trafficking.result.value,
    }


def legal_deadlines(account: Account, result: Determination, on: date) -> list[Deadline]:
    """The legal deadlines of the country of work that apply to the account (see
    core.responses.deadlines): the case worker turns each into a follow-up from its start."""
    return deadlines(screener().knowledge, account, result, on)


def providers(countries: list[str], on: date) -> list[tuple[str, str, Channel]]:
    """Every help channel in force in `countries` on `on` (the catalogue a referral may go to
    beyond the plan's steps): (country, provider id, channel), country by country."""
    found = []
    for country in dict.fromkeys(countries):
        try:
            parameters = screener().knowledge.topic(country, "help_channels")
        except LookupProblem:
            continue
        for parameter in parameters:
            try:
                channel = parameter.at(on).value.value
            except LookupProblem:
                continue
            if isinstance(channel, Channel):
                found.append((country, parameter.name, channel))
    return found
