"""The audit log: who viewed, changed or exported which case (supervisors and administrators)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ...common.routes import staff
from .. import selectors
from ..access import Action


@staff(Action.AUDIT)
def audit_list(request: HttpRequest) -> HttpResponse:
    events = selectors.audit_list(user=request.user)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return render(request, "casework/audit.html", {"page": page})
