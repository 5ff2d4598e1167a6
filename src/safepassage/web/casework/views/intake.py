"""The intake: a guided interview driven by the core's adaptive questions, one at a time, with
Back and corrections (a correction re-screens the case and is audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ...common import present
from ...common.answers import AnswerForm, answer_words, initial_for
from .. import core_edge, selectors, services
from ..access import Action
from ..models import Case
from ..routes import case
from .cases import stale_message

RETURNS = {"answers": "casework:answers", "intake": "casework:intake"}


@case(Action.CHANGE)
def intake(request: HttpRequest, found: Case) -> HttpResponse:
    account = core_edge.account_from(found.account)
    correcting = request.POST.get("correct") or request.GET.get("q") or ""
    qid = request.POST.get("question", "") if request.method == "POST" else correcting
    question = core_edge.question(qid) if qid else None
    if correcting and question is None:
        raise Http404  # a correction of a question that does not exist
    where = None
    if question is None:  # the next question, and where the interview stands, in one check
        question, where = core_edge.interview_step(account, found.asked)
    if question is None:
        return _settled(request, found, account)
    country = next((job.country for job in reversed(account.work) if job.country), None)
    current = core_edge.answer_of(account, question.id) if correcting else None
    initial = initial_for(question, current) if correcting else None
    form = AnswerForm(request.POST or None, question=question, country=country, initial=initial)
    back_to = RETURNS.get(request.POST.get("next") or request.GET.get("next", ""), "")
    if request.method == "POST" and form.is_valid():
        try:
            services.case_record_answer(
                user=request.user,
                case=found,
                version=_version(request.POST.get("version", "")),
                qid=question.id,
                value=form.value(),
            )
        except services.StaleEdit:
            form.add_error(None, stale_message())
        except services.UnreadableAccount:
            form.add_error(None, _unreadable_message())
        else:
            return redirect(back_to or "casework:intake", case_id=found.pk)
    elif request.method == "GET":
        what = f"correction of {question.id}" if correcting else "intake"
        services.audit_record(user=request.user, case=found, action="view", what=what)
    result = core_edge.screen(account)
    context = {
        "case": found,
        "question": question,
        "question_text": _question_text(question.id),
        "form": form,
        "determination": present.determination(result),
        "progress": where or core_edge.interview_progress(account, found.asked),
        "asked_count": len(found.asked),
        "correcting": question.id if correcting else "",
        "current_words": answer_words(question, current) if correcting else "",
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "back": _back(found, question.id),
    }
    return render(request, "casework/intake.html", context, status=400 if form.errors else 200)


def _settled(request: HttpRequest, found: Case, account: Any) -> HttpResponse:
    """The result is settled: the interview asks nothing more. Details kept for the record that
    are still missing are asked from the overview (never as interview questions)."""
    missing = [
        qid
        for qid in selectors.FOR_THE_RECORD
        if qid not in found.asked and core_edge.answer_of(account, qid) is None
    ]
    if not missing:
        return redirect("casework:detail", case_id=found.pk)
    messages.info(
        request,
        _(
            "The result is settled: no other answer can change it. For the record, please also "
            "ask the details below that are still missing."
        ),
    )
    return redirect("casework:answers", case_id=found.pk)


def _question_text(qid: str) -> str:
    record_only = core_edge.RECORD_ONLY.get(qid)
    return _(record_only.text) if record_only is not None else present.fact_text(qid)


def _back(found: Case, current: str) -> str:
    """The question before this one (Back corrects it, then the interview goes on)."""
    asked = [qid for qid in found.asked if qid != current]
    return asked[-1] if asked else ""


def _version(raw: str) -> int:
    """The version the form was built from; an unreadable one counts as stale (refused)."""
    return int(raw) if raw.isdigit() and len(raw) < 10 else 0


def _unreadable_message() -> str:
    return str(
        _(
            "The account of this case cannot be read (it was encrypted with a key that is no "
            "longer configured), so no answer can be added to it. Ask an administrator."
        )
    )
