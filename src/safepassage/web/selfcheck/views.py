"""The anonymous self-check: short adaptive questions, a result in plain words, help channels.

No login, no cookie, nothing stored (see `state`), every page `no-store` so a shared phone's
back button and cache keep nothing; the quick exit is on every page. Works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from ...core.responses.plan import PlanRequest
from ..casework import core_edge, services
from ..common import present
from ..common.answers import AnswerForm
from ..common.labels import CONTACT_HOW as HOW
from ..common.labels import CONTACT_WHEN as WHEN
from ..common.labels import COUNTRIES
from ..common.routes import public
from . import guidance, protection
from .forms import ContactForm
from .help_channels import channels_for
from .state import State

# The self-check stops when the result is settled (the rule every door shares), or at this many
# questions on a phone; a result reached at the limit is shown as provisional. Every page also
# lets the person stop and see the result so far. (Decent work settles in about 26 questions.)
MAX_QUESTIONS = 30
NATIONALITY = "person.nationality"
ORIGINS = ("MM", "KH", "LA", "VN", "TH")
# The language a person reads suggests their country (confirmed on the result page): it picks
# the one embassy shown. Thai and English say nothing about it.
FROM_LANGUAGE = {"my": "MM", "km": "KH", "lo": "LA", "vi": "VN"}


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context = {"quick_exit_url": settings.SAFEPASSAGE_QUICK_EXIT_URL, **context}
    return render(request, f"selfcheck/{template}", context, status=status)


@public
@never_cache
@csrf_exempt  # switching language posts here; nothing is stored, and the phone keeps no cookie
def start(request: HttpRequest) -> HttpResponse:
    return _render(request, "start.html", {"state": State().dumps()})


@public
@never_cache
@csrf_exempt  # no cookie on the migrant's phone; a forged step changes nothing stored
def question(request: HttpRequest) -> HttpResponse:
    state = State.loads(request.POST.get("state"))
    _nationality(request, state)
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
    if following is None:
        return None
    return AnswerForm(question=following, country=_country(account))


def _question_page(request: HttpRequest, state: State, form: AnswerForm) -> HttpResponse:
    context = {
        "state": state.dumps(),
        "question": form.question,
        "question_text": present.fact_text(form.question.id),
        "form": form,
        "number": len(state.asked) + 1,
    }
    return _render(request, "question.html", context, status=400 if form.errors else 200)


def _country(account: Any) -> str:
    """Where the person works (the latest job with a country), Thailand until they say."""
    return next((job.country for job in reversed(account.work) if job.country), None) or "TH"


def _help(account: Any, result: Any) -> dict[str, Any]:
    """The help list for this person: the primary contact, and the rest behind "more"."""
    language = get_language() or "en"
    where = guidance.situation(account, result)
    found = channels_for(_country(account), language, _nationality_of(account), where)
    return {"primary": found[0] if found else None, "channels": found[1:], "situation": where}


def _nationality_of(account: Any) -> str | None:
    """The person's country as given, else as their language suggests (confirmed on the page)."""
    return account.person.nationality or FROM_LANGUAGE.get(get_language() or "en")


def _has_input(request: HttpRequest) -> bool:
    return any(request.POST.get(name) for name in ("number", "amount", "text"))


def _account_data(state: State) -> dict[str, Any]:
    account = core_edge.account_from({})
    for qid, value in state.answers.items():
        if qid == NATIONALITY:
            continue
        try:
            account = core_edge.record_answer(account, qid, value)
        except ValueError:
            continue  # an answer the current questions no longer accept: drop it, ask again
    data = core_edge.account_data(account)
    if state.answers.get(NATIONALITY) in COUNTRIES:  # confirmed on the result page
        data.setdefault("person", {})["nationality"] = state.answers[NATIONALITY]
    return data


def _nationality(request: HttpRequest, state: State) -> None:
    """The person's country, chosen on the result page, so that only their embassy shows."""
    chosen = request.POST.get("nationality", "")
    if chosen in COUNTRIES:
        state.answers[NATIONALITY] = chosen


def _result(request: HttpRequest, state: State) -> HttpResponse:
    account = core_edge.account_from(_account_data(state))
    result = core_edge.screen(account)
    nationality = _nationality_of(account)
    plan = present.plan(core_edge.plan(account, result, PlanRequest()))
    context = {
        "state": state.dumps(),
        "determination": present.determination(result),
        "reasons": guidance.reasons(result),
        "progress": core_edge.interview_progress(account, state.asked),
        **_help(account, result),
        "steps": plan["steps"][:4],
        "country": _country(account),
        "nationality": nationality,
        "nationality_confirmed": NATIONALITY in state.answers or bool(account.person.nationality),
        "countries": [(code, COUNTRIES[code]) for code in ORIGINS],
        "finished": True,
    }
    return _render(request, "result.html", context)


@public
@never_cache
@csrf_exempt  # no cookie on the migrant's phone: the form carries a signed token instead
def contact(request: HttpRequest) -> HttpResponse:
    state = State.loads(request.POST.get("state"))
    account = core_edge.account_from(_account_data(state))
    country = _country(account)
    sent = request.method == "POST" and request.POST.get("send") == "1"
    form = ContactForm(request.POST if sent else None, country=country)
    if sent and not protection.allowed(request):
        return _render(request, "refused.html", {"state": state.dumps()}, status=429)
    if sent and not protection.token_valid(request.POST.get("token")):
        form.add_error(None, _("This form was open too long. Check your answers and send again."))
    elif sent and form.is_valid():
        return _thanks(request, state, account, form)
    context = {"state": state.dumps(), "contact_form": form, "token": protection.form_token()}
    return _render(request, "contact.html", context, status=400 if sent else 200)


def _thanks(request: HttpRequest, state: State, account: Any, form: ContactForm) -> HttpResponse:
    data = form.cleaned_data
    case = services.case_create(
        user=None,
        organisation=data["organisation"],
        name=data["name"],
        phone=data["phone"],
        account=core_edge.account_data(account),
        source="self_check",
        contact_consent=True,
        asked=state.asked,
        language=get_language() or "en",
        safe_contact=(safe := form.safe_contact()),
    )
    context = {
        "organisation": data["organisation"],
        "reference": case.reference,
        "how": HOW[safe["how"]],
        "when": WHEN[safe["when"]],
        "code_word": bool(safe["code_word"]),
        **_help(account, core_edge.screen(account)),
    }
    return _render(request, "thanks.html", context)
