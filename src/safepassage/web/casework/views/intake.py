"""The intake: a guided interview driven by the core's adaptive questions, one at a time."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ...common import present
from ...common.answers import AnswerForm
from ...common.routes import case
from .. import core_edge, services
from ..access import Action
from ..models import Case
from .cases import stale_message


@case(Action.CHANGE)
def intake(request: HttpRequest, found: Case) -> HttpResponse:
    account = core_edge.account_from(found.account)
    question = (
        core_edge.question(request.POST.get("question", "")) if request.method == "POST" else None
    )
    where = None
    if question is None:  # the next question, and where the interview stands, in one check
        question, where = core_edge.interview_step(account, found.asked)
    if question is None:
        return redirect("casework:detail", case_id=found.pk)
    country = next((job.country for job in reversed(account.work) if job.country), None)
    form = AnswerForm(request.POST or None, question=question, country=country)
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
            return redirect("casework:intake", case_id=found.pk)
    elif request.method == "GET":
        services.audit_record(user=request.user, case=found, action="view", what="intake")
    result = core_edge.screen(account)
    context = {
        "case": found,
        "question": question,
        "question_text": present.fact_text(question.id),
        "form": form,
        "determination": present.determination(result),
        "progress": where or core_edge.interview_progress(account, found.asked),
        "asked_count": len(found.asked),
    }
    return render(request, "casework/intake.html", context, status=400 if form.errors else 200)


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
