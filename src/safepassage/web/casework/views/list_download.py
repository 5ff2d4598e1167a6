"""The case list as a download (CSV or XLSX): the list page's cases, filters and columns."""

from __future__ import annotations

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.utils import timezone

from ...common.routes import staff
from .. import list_export, services
from ..access import Action, can, require
from .cases import listed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff(Action.EXPORT)
def case_list_download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The cases the list's filters select, every one of them, as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    found = listed(request)
    if found.refused:
        return HttpResponse(found.refused, status=403, content_type="text/plain; charset=utf-8")
    member = require(request.user, Action.EXPORT)
    count = found.cases.count()
    services.audit_list_export(
        user=request.user, organisation_id=member.organisation_id, fmt=fmt,
        filters=found.filters, count=count,
    )  # fmt: skip
    personal = can(request.user, Action.VIEW_PERSONAL)
    name = f"safepassage-cases-{timezone.localdate().isoformat()}.{fmt}"
    response: HttpResponseBase
    if fmt == "csv":
        lines = list_export.csv_lines(found.cases, personal)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    else:
        workbook = list_export.xlsx_file(found.cases, personal)
        response = FileResponse(workbook, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
