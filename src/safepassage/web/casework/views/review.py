"""The professional determination: a case worker records their own level and trafficking view,
with the reason, beside the engine's; supervisors list where and why the two differ."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ...common import present
from ...common.labels import LEVELS, TRAFFICKING_VIEWS, label
from ...common.routes import staff
from .. import selectors, services
from ..access import Action
from ..forms import ProfessionalDeterminationForm
from ..models import Case
from ..routes import case
from .cases import detail_context


@case(Action.CHANGE)
def professional_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = ProfessionalDeterminationForm(request.POST)
    if form.is_valid():
        services.professional_determination_record(
            user=request.user, case=found, **form.cleaned_data
        )
        messages.success(request, _("Your determination was recorded beside the engine's."))
        return redirect("casework:detail", case_id=found.pk)
    context = detail_context(request, found)
    context["professional_form"] = form
    return render(request, "casework/case_detail.html", context, status=400)


@staff(Action.REVIEW)
def disagreement_list(request: HttpRequest) -> HttpResponse:
    found = selectors.disagreement_list(user=request.user)
    context = {
        "items": found.items,
        "by_rule": [_rule_row(key, count) for key, count in found.by_rule],
        "by_finding": [
            {"label": present.code_label(code), "count": count} for code, count in found.by_finding
        ],
    }
    return render(request, "casework/disagreements.html", context)


def _rule_row(key: tuple[str, str, str], count: int) -> dict[str, Any]:
    what, engine, worker = key
    table = LEVELS if what == "level" else TRAFFICKING_VIEWS
    return {
        "what": _("Level") if what == "level" else _("Trafficking"),
        "engine": label(table, engine),
        "worker": label(table, worker),
        "count": count,
    }
