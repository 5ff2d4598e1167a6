"""Public pages. Thin: they ask the core and render."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ...core.knowledge import default_knowledge
from ...core.knowledge.contracts import COUNTRIES
from ..common.roles import Action, can
from ..common.routes import public


@public
def home(request: HttpRequest) -> HttpResponse:
    knowledge = default_knowledge()
    context = {
        "countries": COUNTRIES,
        "value_count": sum(1 for _ in knowledge.values()),
        "source_count": len(knowledge.sources()),
    }
    return render(request, "pages/home.html", context)


@public
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and `make run` smoke checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


@public
def start(request: HttpRequest) -> HttpResponse:
    """Where a login lands: the case list for those who work on cases, the statistics for an
    analyst (who may open no case), the login page for anyone else."""
    if can(request.user, Action.VIEW):
        return redirect("casework:list")
    if can(request.user, Action.ANALYSE):
        return redirect("analytics:dashboard")
    if request.user.is_authenticated:  # no role in any organisation: nothing to open
        raise PermissionDenied
    return redirect_to_login(reverse("start"))
