"""The overview: every answer of the account on one page, each one correctable, and the details
a case records that the interview does not need (asked here, never in the interview)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ....core.interview import Question
from ...common import present
from ...common.answers import answer_words
from ...common.labels import STAGES, label
from .. import core_edge, selectors, services
from ..access import Action
from ..models import Case
from ..routes import case


@case(Action.CHANGE)
def answers(request: HttpRequest, found: Case) -> HttpResponse:
    services.audit_record(user=request.user, case=found, action="view", what="answers")
    account = core_edge.account_from(found.account)
    asked = set(found.asked)
    stages: dict[str, list[dict[str, str]]] = {}
    for qid, question in core_edge.all_questions().items():
        value = core_edge.answer_of(account, qid)
        if not selectors.in_overview(qid, question, value, asked):
            continue
        row = {"id": qid, "text": present.fact_text(qid), "answer": _words(question, value, asked)}
        stages.setdefault(qid.partition(".")[0], []).append(row)
    record = [
        {
            "id": qid,
            "text": _(core_edge.RECORD_ONLY[qid].text),
            "answer": _words(core_edge.RECORD_ONLY[qid], core_edge.answer_of(account, qid), asked),
        }
        for qid in selectors.FOR_THE_RECORD
        if qid in core_edge.RECORD_ONLY
    ]
    sections = [(label(STAGES, stage), rows) for stage, rows in stages.items()]
    result = core_edge.screen(account)
    context = {
        "case": found,
        "sections": sections,
        "record": record,
        "determination": present.determination(result),
    }
    return render(request, "casework/answers.html", context)


def _words(question: Question, value: Any, asked: set[str]) -> str:
    if value is None and question.id not in asked:
        return str(_("Not asked yet"))
    return answer_words(question, value)
