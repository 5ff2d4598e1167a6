"""Words for what a release holds: its tables' titles, and every row and column value, so
that no code of the fact table reaches a page, a chart or a download."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..casework.models import Outcome
from ..common.labels import (
    COUNTRIES,
    INDICATORS,
    LEVELS,
    OPTIONS,
    RESPONSE_KINDS,
    STAGES,
    VIOLATIONS,
    label,
)

TITLES: dict[str, Promise] = {
    "level_by_place": gettext_lazy("The spectrum of exploitation by country and sector of work"),
    "stages_by_place": gettext_lazy("Where along the migration cycle things went wrong"),
    "indicators_by_sector": gettext_lazy("ILO forced-labour indicators by sector"),
    "violations_by_sector": gettext_lazy("Labour-law violations by sector"),
    "indicators_by_province": gettext_lazy("ILO forced-labour indicators by province"),
    "violations_by_province": gettext_lazy("Labour-law violations by province"),
    "channel_by_level": gettext_lazy("Recruitment channel and the level of exploitation"),
    "fees_by_level": gettext_lazy("Recruitment fees paid and the level of exploitation"),
    "channel_by_outcome": gettext_lazy("Recruitment channel and what the responses obtained"),
    "repeat_recruiter_by_level": gettext_lazy(
        "Recruiters named in several cases and the level of exploitation"
    ),
    "level_over_time": gettext_lazy("The spectrum of exploitation over time"),
    "funnel": gettext_lazy("The identification funnel: from first contact to a remedy"),
    "forms_by_origin": gettext_lazy("Forms of exploitation by nationality"),
}
HEADINGS: dict[str, Promise] = {
    "country": gettext_lazy("Country of work"),
    "sector": gettext_lazy("Sector"),
    "province": gettext_lazy("Province"),
    "channel": gettext_lazy("Recruitment channel"),
    "fees": gettext_lazy("Recruitment fees"),
    "quarter": gettext_lazy("Quarter of the report"),
    "year": gettext_lazy("Year of the report"),
    "origin": gettext_lazy("Nationality"),
    "repeat_recruiter": gettext_lazy("Recruiter"),
}
CHANNELS: dict[str, Promise] = {
    "mou": gettext_lazy("MOU (the official channel)"),
    "agency": gettext_lazy("Recruitment agency"),
    "broker": gettext_lazy("Broker or online contact"),
    "relative": gettext_lazy("Relative, friend or neighbour"),
    "direct": gettext_lazy("Employer or government office directly"),
    "irregular": gettext_lazy("Irregular, on their own"),
}
FEES: dict[str, Promise] = {
    "paid": gettext_lazy("Fees paid"),
    "none": gettext_lazy("No fees paid"),
}
FUNNEL: dict[str, Promise] = {
    "contacted": gettext_lazy("Contacted the organisation"),
    "screened": gettext_lazy("Screened with enough information"),
    "rights_violated": gettext_lazy("Labour rights violated (or worse)"),
    "exploited": gettext_lazy("Labour exploitation (or worse)"),
    "forced_labour": gettext_lazy("Forced labour"),
    "trafficking_indicated": gettext_lazy("Trafficking indicated"),
    "referred": gettext_lazy("Referred to a service"),
    "referred_labour": gettext_lazy("Referred to a labour remedy"),
    "referred_protection": gettext_lazy("Referred to protection or support"),
    "criminal_justice": gettext_lazy("A criminal-justice step taken"),
    "remedy_obtained": gettext_lazy("A remedy obtained"),
    "wages_recovered": gettext_lazy("Wages recovered"),
    "documents_returned": gettext_lazy("Documents returned"),
    "repatriated": gettext_lazy("Returned home safely"),
}
REPEAT_RECRUITER: dict[str, Promise] = {
    "yes": gettext_lazy("A recruiter named in 3 or more cases"),
    "no": gettext_lazy("Recruiters named in fewer cases"),
}
FORMS: dict[str, Promise] = {
    "forced_labour": gettext_lazy("Forced labour"),
    "sexual_exploitation": gettext_lazy("Sexual exploitation"),
    "labour_exploitation": gettext_lazy("Labour exploitation short of forced labour"),
}
OUTCOMES: dict[str, Promise] = {str(k): v for k, v in Outcome.choices if k}
BY_COLUMN: dict[str, dict[str, Promise]] = {
    "country": COUNTRIES,
    "sector": OPTIONS,
    "channel": CHANNELS,
    "fees": FEES,
    "level": LEVELS,
    "stages": STAGES,
    "indicators": INDICATORS,
    "violations": VIOLATIONS,
    "outcomes": OUTCOMES,
    "referrals": RESPONSE_KINDS,
    "funnel": FUNNEL,
    "forms": FORMS,
    "origin": COUNTRIES,
    "repeat_recruiter": REPEAT_RECRUITER,
}
NONE: dict[str, Promise] = {
    "stages": gettext_lazy("No finding at any stage"),
    "indicators": gettext_lazy("No indicator found"),
    "violations": gettext_lazy("No violation found"),
    "outcomes": gettext_lazy("No outcome yet"),
    "forms": gettext_lazy("None of these forms"),
}


def value_label(column: str, value: str) -> str:
    """A row or column value in words. Provinces are as typed (a place name); values of fewer
    than k cases were counted together as "other"."""
    if value == "other":
        return _("Other (each fewer than the threshold)")
    if value == "unknown":
        return _("Not known")
    if value == "none":
        return str(NONE.get(column, gettext_lazy("None")))
    if column == "quarter":
        year, quarter = value.split("-Q")
        return _("%(year)s, quarter %(quarter)s") % {"year": year, "quarter": quarter}
    table = BY_COLUMN.get(column)
    return label(table, value) if table is not None else value
