"""The API's account of a case: its answers by question, as the answers overview shows them, and
new answers or corrections, each checked by the intake's own answer form (the same input is
refused for the same reason, naming the question and the field) and recorded as the intake
records them, against the case's version (a change made after someone else's is refused)."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import BaseModel, ConfigDict, Field

from ...core.account import Fact
from ...core.interview import Question
from ..casework import core_edge, selectors, services
from ..casework.access import Action, access_case
from ..casework.models import Case
from ..common import present
from ..common.answers import CURRENCIES, UNKNOWN, AnswerForm, answer_words, choices_for
from ..common.labels import COUNTRIES, PER
from .schemas import MAX_VERSION, REFUSALS, STALE, VERSIONED_WRITE, form_problems, problem, refuse

router = Router(tags=["accounts"])

QUESTIONS: dict[str, Question] = {**core_edge.all_questions(), **core_edge.RECORD_ONLY}


def _codes(question: Question) -> list[str]:
    """The codes of a question's tap answers (what `choices_for` offers, without its words)."""
    if question.kind == "fact":
        return ["yes", "no"]
    if question.kind == "choice":
        return list(question.options)
    return list(COUNTRIES) if question.kind == "country" else []


QUESTION_IDS: list[Any] = sorted(QUESTIONS)
TAP_CODES: list[Any] = sorted({code for q in QUESTIONS.values() for code in _codes(q)} | {UNKNOWN})
PERIODS: list[Any] = [code for code in PER if code != "once"]


class AnswerIn(Schema):
    """One answer, as the intake's answer form takes it; which part the question's `kind` says:
    `answer` for a tap answer (yes, no, an option's or a country's code, or "unknown" for "I
    don't know"), `number`, `amount` with `currency` and `per` (how often it is paid), or
    `text`. The form checks it: a code the question does not offer, a number out of its range
    or a missing amount is refused naming the field."""

    answer: str = Field("", json_schema_extra={"enum": ["", *TAP_CODES]})
    number: float | None = Field(None, allow_inf_nan=False)
    amount: float | None = Field(None, allow_inf_nan=False)
    currency: str = Field("", json_schema_extra={"enum": ["", *CURRENCIES]})
    per: str = Field("", json_schema_extra={"enum": ["", *PERIODS]})
    text: str = ""


class AccountChange(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "version": 3,
                    "answers": {
                        "person.age": {"number": 17},
                        "work.locked_in": {"answer": "yes"},
                        "work.pay": {"amount": 9000, "currency": "THB", "per": "month"},
                        "work.sector": {"answer": "unknown"},
                    },
                }
            ]
        }
    )

    version: int = Field(ge=1, le=MAX_VERSION, description="The case's version, as last read.")
    answers: dict[str, AnswerIn] = Field(
        min_length=1,
        max_length=len(QUESTIONS),
        description="Answers by question id, recorded in the order given.",
        json_schema_extra={"propertyNames": {"enum": QUESTION_IDS}},
    )


class AnswerOut(Schema):
    question: str
    stage: str
    text: str  # the question, as the page asks it
    kind: str
    # "yes" or "no", an option's or a country's code, a number, {"amount", "currency", "per"}
    # or a text; null while unknown.
    answer: Any
    words: str  # the answer as the overview shows it
    asked: bool


class Option(Schema):
    code: str
    words: str


class QuestionOut(Schema):
    question: str
    kind: str
    text: str
    options: list[Option]
    min: float | None
    max: float | None


class AccountOut(Schema):
    version: int
    asked: list[str]
    answers: list[AnswerOut]
    settled: bool  # no answer still to come can change the result
    could_change: int  # how many questions not yet asked still could
    next_question: QuestionOut | None  # what the interview asks next; null once settled
    account: dict[str, Any]


def _plain(value: Any) -> Any:
    """An answer as JSON: a fact as its answer, an amount as its parts, null while unknown."""
    if isinstance(value, Fact):
        return None if value.unknown else value.answer.value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def _text(qid: str) -> str:
    record_only = core_edge.RECORD_ONLY.get(qid)
    return str(present.fact_text(qid) if record_only is None else _(record_only.text))


def _out(found: Case) -> dict[str, Any]:
    account = core_edge.account_from(found.account)
    asked = set(found.asked)
    answers = []
    for qid, question in QUESTIONS.items():
        value = core_edge.answer_of(account, qid)
        if not selectors.in_overview(qid, question, value, asked):
            continue
        shown = value is not None or qid in asked
        words = answer_words(question, value) if shown else str(_("Not asked yet"))
        answers.append({
            "question": qid, "stage": qid.partition(".")[0], "text": _text(qid),
            "kind": question.kind, "answer": _plain(value),
            "words": words, "asked": qid in asked,
        })  # fmt: skip
    upcoming, where = core_edge.interview_step(account, found.asked)
    return {
        "version": found.version,
        "asked": list(found.asked),
        "answers": answers,
        "settled": where.settled,
        "could_change": where.could_change,
        "next_question": _question(upcoming) if upcoming is not None else None,
        "account": dict(found.account),
    }


def _question(question: Question) -> dict[str, Any]:
    return {
        "question": question.id, "kind": question.kind, "text": _text(question.id),
        "options": [{"code": c, "words": w} for c, w in choices_for(question)],
        "min": question.min, "max": question.max,
    }  # fmt: skip


@router.get("/cases/{case_id}/account", response={200: AccountOut, **REFUSALS})
def account_read(request: HttpRequest, case_id: int) -> Any:
    """The case's answers, question by question, as the answers overview shows them (roles that
    may change cases, as the overview), with what the interview would ask next."""
    found = access_case(request.user, case_id, Action.CHANGE)
    services.audit_record(user=request.user, case=found, action="view", what="api account")
    return _out(found)


@router.patch("/cases/{case_id}/account", response={200: AccountOut, **VERSIONED_WRITE})
def account_change(request: HttpRequest, case_id: int, payload: AccountChange) -> Any:
    """Record answers, or correct them (roles that may change cases): each checked by the
    intake's answer form, then recorded as the intake records it, the case screened again.
    All or none: one answer refused (422) or a stale `version` (409) saves nothing."""
    found = access_case(request.user, case_id, Action.CHANGE)
    account = core_edge.account_from(found.account)
    country = next((job.country for job in reversed(account.work) if job.country), None)
    values: dict[str, Any] = {}
    problems = []
    for qid, given in payload.answers.items():
        question = QUESTIONS.get(qid)
        if question is None:
            problems.append(problem(["answers", qid], "not a question of the interview"))
            continue
        form = _answer_form(given, question, country)
        if form.is_valid():
            values[qid] = form.value()
        else:
            problems += form_problems(form, "answers", qid)
    if problems:
        refuse(problems)
    qid = ""
    try:
        with transaction.atomic():
            version = payload.version
            for qid, value in values.items():
                found = services.case_record_answer(
                    user=request.user, case=found, version=version, qid=qid, value=value
                )
                version = found.version
    except services.StaleEdit:
        return Status(409, {"detail": STALE, "version": _version_now(found)})
    except services.UnreadableAccount:
        detail = (
            "The account of this case cannot be read (it was encrypted with a key that is no "
            "longer configured), so no answer can be added to it. Ask an administrator."
        )
        return Status(409, {"detail": detail, "version": _version_now(found)})
    except ValueError:  # an answer the form let through that the account cannot hold
        refuse([problem(["answers", qid], "this answer does not fit the question")])
    found.refresh_from_db()
    return _out(found)


def _answer_form(given: AnswerIn, question: Question, country: str | None) -> AnswerForm:
    """The intake's answer form, filled with the answer (it asks for an amount's currency
    rather than guess one)."""
    return AnswerForm(given.dict(), question=question, country=country)


def _version_now(found: Case) -> int:
    return int(Case.objects.values_list("version", flat=True).get(pk=found.pk))
