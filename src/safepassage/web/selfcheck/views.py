"""The anonymous self-check: short adaptive questions, a result in plain words, help channels.

No login, no cookie, nothing stored (see `state`), every page `no-store` so a shared phone's
back button and cache keep nothing; the quick exit is on every page. Works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from ...core.responses.plan import PlanRequest
from ..casework import core_edge, services
from ..common import present
from ..common.answers import AnswerForm
from ..common.routes import public
from .forms import ContactForm
from .help_channels import channels_for
from .state import State

# The self-check stops when the result is settled (the rule every door shares), or at this many
# questions on a phone; a result reached at the limit is shown as provisional. Every page also
# lets the person stop and see the result so far. (Decent work settles in about 26 questions.)
MAX_QUESTIONS = 30


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, f"selfcheck/{template}", context, status=status)


@public
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    return _render(request, "start.html", {"state": State().dumps()})


@public
@never_cache
@csrf_exempt  # no cookie on the migrant's phone; a forged step changes nothing stored
def question(request: HttpRequest) -> HttpResponse:
    state = State.loads(request.POST.get("state"))
    form = None
    asked = core_edge.question(request.POST.get("question", ""))
    if asked is not None and ("answer" in request.POST or _has_input(request)):
        form = AnswerForm(request.POST, question=asked)
        if form.is_valid():
            state.record(asked.id, form.value())
            form = None
    if form is None and request.POST.get("finish") != "1":
        form = _next_form(state)
    if form is None:
        return _result(request, state)
    return _question_page(request, state, form)


def _next_form(state: State) -> AnswerForm | None:
    """The next question, or None when the result is settled or the limit is reached."""
    if len(state.asked) >= MAX_QUESTIONS:
        return None
    account = core_edge.account_from(_account_data(state))
    following = core_edge.next_question(account, state.asked)
    return None if following is None else AnswerForm(question=following)


def _question_page(request: HttpRequest, state: State, form: AnswerForm) -> HttpResponse:
    context = {
        "state": state.dumps(),
        "question": form.question,
        "question_text": present.fact_text(form.question.id),
        "form": form,
        "number": len(state.asked) + 1,
    }
    return _render(request, "question.html", context, status=400 if form.errors else 200)


def _has_input(request: HttpRequest) -> bool:
    return any(request.POST.get(name) for name in ("number", "amount", "text"))


def _account_data(state: State) -> dict[str, Any]:
    account = core_edge.account_from({})
    for qid, value in state.answers.items():
        try:
            account = core_edge.record_answer(account, qid, value)
        except ValueError:
            continue  # an answer the current questions no longer accept: drop it, ask again
    return core_edge.account_data(account)


def _result(request: HttpRequest, state: State) -> HttpResponse:
    account = core_edge.account_from(_account_data(state))
    result = core_edge.screen(account)
    country = next((job.country for job in reversed(account.work) if job.country), None) or "TH"
    context = {
        "state": state.dumps(),
        "determination": present.determination(result),
        "progress": core_edge.interview_progress(account, state.asked),
        "channels": channels_for(country, get_language() or "en", account.person.nationality),
        "steps": present.plan(core_edge.plan(account, result, PlanRequest()))["steps"][:4],
        "country": country,
        "finished": True,
    }
    return _render(request, "result.html", context)


@public
@never_cache
@csrf_exempt
def contact(request: HttpRequest) -> HttpResponse:
    state = State.loads(request.POST.get("state"))
    sent = request.method == "POST" and request.POST.get("send") == "1"
    form = ContactForm(request.POST if sent else None)
    if sent and form.is_valid():
        data = form.cleaned_data
        services.case_create(
            user=None,
            organisation=data["organisation"],
            name=data["name"],
            phone=data["phone"],
            account=_account_data(state),
            source="self_check",
            contact_consent=True,
        )
        return _render(request, "thanks.html", {"organisation": data["organisation"]})
    context = {"state": state.dumps(), "contact_form": form}
    return _render(request, "contact.html", context, status=400 if form.errors else 200)
