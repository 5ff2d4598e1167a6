"""The HTCDS download and upload pages, for supervisors: thin, the work is in `htcds`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from ..common.roles import Action, membership
from ..common.routes import staff
from . import htcds

# About 10,000 rows of CSV, some 20 seconds of screening: more is for the command line.
MAX_UPLOAD = 2 * 1024 * 1024
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("HTCDS file (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Import it with `safepassage import htcds`.")
            )
        return upload


@staff(Action.RELEASE)
@require_GET
def htcds_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in htcds.FORMATS:
        raise Http404
    content = htcds.htcds_export(user=request.user, fmt=fmt)
    response = HttpResponse(content, CONTENT_TYPES[fmt])
    slug = membership(request.user).organisation.slug
    name = f"safepassage-htcds-{slug}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # case-level data: no copy left in a cache
    return response


@staff(Action.RELEASE)
@require_http_methods(["GET", "POST"])
def htcds_import(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    organisation = membership(request.user).organisation
    try:
        result = htcds.htcds_import(
            user=request.user, organisation=organisation, file=form.cleaned_data["file"]
        )
    except (htcds.FormMissing, htcds.FileRefused) as exc:
        return _page(request, form, problems=[str(exc)], status=400)
    if result.refused:
        return _page(request, form, result=result, status=400)
    messages.success(
        request,
        ngettext(
            "%(count)s case was imported. An HTCDS row holds few facts: complete the "
            "interview before relying on the result.",
            "%(count)s cases were imported. An HTCDS row holds few facts: complete each "
            "interview before relying on its result.",
            result.imported,
        )
        % {"count": result.imported},
    )
    return redirect("casework:list")


def _page(
    request: HttpRequest,
    form: UploadForm,
    *,
    problems: list[str] | None = None,
    result: htcds.ImportResult | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "problems": problems or [str(r) for r in (result.refused if result else [])],
        "result": result,
    }
    return render(request, "analytics/htcds_import.html", context, status=status)
