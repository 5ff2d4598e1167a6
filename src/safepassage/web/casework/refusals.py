"""Refused attempts in the audit log (issue 17): a member of staff sent a 403 or a 404 by a
case-work or API route (another organisation's case, a page their role does not open) leaves
an event naming the route and the ids asked for, nothing else."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .access import membership
from .models import AuditEvent


class AuditRefusals:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if not isinstance(exception, PermissionDenied | Http404):
            return None
        member = membership(getattr(request, "user", None))
        match = request.resolver_match
        if member is None or match is None:
            return None
        ids = ", ".join(f"{k}={v}" for k, v in sorted(match.kwargs.items()))
        code = 403 if isinstance(exception, PermissionDenied) else 404
        AuditEvent.objects.create(
            organisation_id=member.organisation_id, user=request.user,
            username=request.user.get_username(), action="refused",
            what=f"{code} {request.method} {match.view_name} {ids}".strip()[:200],
        )  # fmt: skip
        return None  # Django answers as it would have
