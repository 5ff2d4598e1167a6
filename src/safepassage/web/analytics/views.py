"""The analysts' and supervisors' pages: releases only, never a case. Thin: selectors read,
services write, `present` turns a release into what people read."""

from __future__ import annotations

from typing import Any, NamedTuple
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ...core.analytics.dashboard import SPECS
from ..common.roles import Action, can, membership
from ..common.routes import staff
from . import selectors, services
from .charts import chart_svg
from .downloads import as_csv, as_xlsx
from .forms import FilterForm, PolicyForm
from .models import Release
from .present import Shown, comparison, official_figures, shown
from .published import summary


@staff(Action.ANALYSE)
def dashboard(request: HttpRequest) -> HttpResponse:
    release = selectors.release_get(user=request.user, release_id=_number(request, "release"))
    context: dict[str, Any] = {"release": release, "can_release": can(request.user, Action.RELEASE)}
    context["releases"] = selectors.release_list(user=request.user)
    organisation = membership(request.user).organisation
    context["spent"] = services.budget_spent(organisation)
    context["policy"] = services.policy_of(organisation)
    if release is None:
        return render(request, "analytics/dashboard.html", context)
    data = selectors.release_data(release)
    form = FilterForm(request.GET, data)
    status = 200
    country = sector = ""
    if form.is_valid():
        country, sector = form.cleaned_data["country"], form.cleaned_data["sector"]
    else:
        status = 400
    context.update(
        form=form,
        data=data,
        query=_query(country, sector),
        tables=[shown(t, data.k, country, sector) for t in data.tables],
        official=official_figures(data, country),
    )
    services.audit_analytics(
        user=request.user, organisation=release.organisation, action="view",
        what=f"release {release.pk} viewed",
    )  # fmt: skip
    return render(request, "analytics/dashboard.html", context, status=status)


def _number(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):  # "²" is a digit to Python, not to int()
        raise Http404
    return int(value)


def _query(country: str, sector: str) -> str:
    return urlencode({k: v for k, v in (("country", country), ("sector", sector)) if v})


class Picked(NamedTuple):
    release: Release
    table: Shown
    country: str
    sector: str


def _table(request: HttpRequest, release_id: int, table_id: str) -> Picked:
    release = selectors.release_get(user=request.user, release_id=release_id)
    assert release is not None  # release_get raises 404 for an id it does not find
    data = selectors.release_data(release)
    if table_id not in SPECS or table_id not in {t.id for t in data.tables}:
        raise Http404
    form = FilterForm(request.GET, data)
    if not form.is_valid():
        raise Http404
    country, sector = form.cleaned_data["country"], form.cleaned_data["sector"]
    return Picked(release, shown(data.table(table_id), data.k, country, sector), country, sector)


@staff(Action.ANALYSE)
def chart(request: HttpRequest, release_id: int, table_id: str) -> HttpResponse:
    picked = _table(request, release_id, table_id)
    svg = chart_svg(picked.release.pk, picked.table, picked.country, picked.sector)
    response = HttpResponse(svg, "image/svg+xml")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@staff(Action.ANALYSE)
def download(request: HttpRequest, release_id: int, table_id: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    release, table = _table(request, release_id, table_id)[:2]
    if fmt == "csv":
        response = HttpResponse(as_csv(table, release.k), "text/csv; charset=utf-8")
    else:
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(as_xlsx(table, release.k), kind)
    name = f"safepassage-release-{release.pk}-{table_id}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    services.audit_analytics(
        user=request.user, organisation=release.organisation, action="export",
        what=f"release {release.pk} downloaded",
    )  # fmt: skip
    return response


@staff(Action.RELEASE)
@require_POST
def release_new(request: HttpRequest) -> HttpResponse:
    organisation = membership(request.user).organisation
    try:
        release = services.release_make(organisation=organisation, user=request.user)
    except services.BudgetSpent as spent:
        messages.error(
            request,
            _(
                "No new release: this quarter's privacy budget is %(limit)s and %(spent)s of it "
                "is spent, while a release needs %(needed)s. Wait for the next quarter, or ask "
                "whoever sets the privacy policy to change it."
            )
            % {"limit": spent.limit, "spent": round(spent.spent, 2), "needed": spent.needed},
        )
        return redirect("analytics:dashboard")
    messages.success(request, _("A new release was made from the cases as they stand now."))
    return redirect(f"{reverse('analytics:dashboard')}?release={release.pk}")


@staff(Action.RELEASE)
def policy(request: HttpRequest) -> HttpResponse:
    current = services.policy_of(membership(request.user).organisation)
    if request.method == "POST":
        form = PolicyForm(request.POST)
        if form.is_valid():
            services.policy_update(user=request.user, **form.cleaned_data)
            messages.success(request, _("The privacy policy was saved for the next releases."))
            return redirect("analytics:dashboard")
        return render(request, "analytics/policy.html", {"form": form}, status=400)
    initial = {
        "k": current.k,
        "noise": current.noise,
        "budget_per_release": current.budget_per_release,
        "budget_per_quarter": current.budget_per_quarter,
    }
    return render(request, "analytics/policy.html", {"form": PolicyForm(initial=initial)})


@staff(Action.ANALYSE)
def methods(request: HttpRequest) -> HttpResponse:
    return render(request, "analytics/methods.html")


@staff(Action.ANALYSE)
def compare(request: HttpRequest) -> HttpResponse:
    """The organisation's cases beside CTDC's for the same nationalities."""
    release = selectors.release_get(user=request.user, release_id=_number(request, "release"))
    data = selectors.release_data(release) if release is not None else None
    context = {"release": release, "rows": comparison(data), "ctdc": summary("ctdc_global")}
    services.audit_analytics(
        user=request.user, organisation=membership(request.user).organisation, action="view",
        what="comparison with published data viewed",
    )  # fmt: skip
    return render(request, "analytics/compare.html", context)
