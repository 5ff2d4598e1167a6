from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ...core.analytics.dashboard import ReleaseData
from ...core.analytics.engine import SEP
from .labels import value_label


class FilterForm(forms.Form):
    """Which rows of the release to show: a country of work, a sector (values the release
    holds, so a filter never asks the data a new question)."""

    country = forms.ChoiceField(label=_("Country of work"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, data: Any, release: ReleaseData) -> None:
        super().__init__(data)
        countries: set[str] = set()
        sectors: set[str] = set()
        for table in release.tables:
            for key in table.rows:
                parts = key.split(SEP)
                if "country" in table.by:  # not the nationality of forms_by_origin
                    countries.add(parts[table.by.index("country")])
                if "sector" in table.by:
                    sectors.add(parts[table.by.index("sector")])
        every = [("", _("All"))]
        self.fields["country"].choices = every + _choices("country", countries)
        self.fields["sector"].choices = every + _choices("sector", sectors)


def _choices(column: str, values: set[str]) -> list[tuple[str, str]]:
    return sorted(((v, value_label(column, v)) for v in values), key=lambda c: c[1])


class PolicyForm(forms.Form):
    k = forms.IntegerField(
        label=_("Smallest number of cases a published count may have"), min_value=5, max_value=100
    )
    noise = forms.BooleanField(label=_("Add noise to every count (recommended)"), required=False)
    budget_per_release = forms.FloatField(
        label=_("Privacy budget of one release (epsilon)"), min_value=0.1, max_value=100
    )
    budget_per_quarter = forms.FloatField(
        label=_("Privacy budget of a quarter (epsilon)"), min_value=0.1, max_value=1000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        per, quarter = data.get("budget_per_release"), data.get("budget_per_quarter")
        if per is not None and quarter is not None and quarter < per:
            self.add_error(
                "budget_per_quarter",
                _("A quarter's budget must allow at least one release: make it %(per)s or more.")
                % {"per": per},
            )
        return data
