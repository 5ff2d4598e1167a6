"""A release's tables as people read them: words for every row and column, the rows a filter
keeps, and the share of unknowns behind the figures. Pages, charts and downloads all use
this, so a download holds exactly what the page shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...core.analytics.ctdc import iso3
from ...core.analytics.dashboard import ReleaseData, ReleasedTable
from ...core.analytics.engine import SEP
from .labels import BY_COLUMN, HEADINGS, TITLES, value_label
from .published import summary

LAST = ("none", "other", "unknown")  # after every value with a name of its own


def column_order(table: ReleasedTable) -> list[int]:
    """The columns in the order people read them: a spectrum from decent work to forced
    labour, a funnel from first contact to remedy, stages along the cycle; other values by
    their order in the labels; then none, other and unknown."""
    known = list(BY_COLUMN.get(table.across, {}))

    def rank(index: int) -> tuple[int, int, str]:
        value = table.cols[index]
        if value in LAST:
            return (2, LAST.index(value), value)
        return (0, known.index(value), value) if value in known else (1, 0, value)

    return sorted(range(len(table.cols)), key=rank)


@dataclass
class ShownRow:
    parts: list[str]
    cells: list[int | None]
    total: int | None


@dataclass
class Shown:
    id: str
    title: str
    row_headings: list[str]
    columns: list[str]
    rows: list[ShownRow]
    col_totals: list[int | None]
    total: int | None
    multi: bool
    by_sector: bool
    unknown: str = ""
    notes: list[str] = field(default_factory=list)


def keeps(table: ReleasedTable, key: str, country: str, sector: str) -> bool:
    """Whether the filter keeps the row (a filter on a column the table lacks keeps all)."""
    parts = dict(zip(table.by, key.split(SEP), strict=True))
    return all(
        not wanted or parts.get(column, wanted) == wanted
        for column, wanted in (("country", country), ("sector", sector))
    )


def shown(table: ReleasedTable, k: int, country: str = "", sector: str = "") -> Shown:
    order = column_order(table)
    rows = [
        ShownRow(
            parts=[
                value_label(col, part) for col, part in zip(table.by, key.split(SEP), strict=True)
            ],
            cells=[table.cells[i][j] for j in order],
            total=table.row_totals[i],
        )
        for i, key in enumerate(table.rows)
        if keeps(table, key, country, sector)
    ]
    result = Shown(
        id=table.id,
        title=str(TITLES.get(table.id, table.id)),
        row_headings=[str(HEADINGS.get(col, col)) for col in table.by],
        columns=[value_label(table.across, table.cols[j]) for j in order],
        rows=rows,
        col_totals=[table.col_totals[j] for j in order],
        total=table.total,
        multi=table.multi,
        by_sector="sector" in table.by,
        unknown=_unknown(table, k),
    )
    if table.multi:
        result.notes.append(
            _("A case can count in several columns, so a row's total can be less than its sum.")
        )
    if country or sector:
        result.notes.append(_("The totals at the foot are of every row, before the filter."))
    return result


def _unknown(table: ReleasedTable, k: int) -> str:
    """How many of the cases behind the table are not known in its columns."""
    if "unknown" not in table.cols:
        return _("Known for every case counted.")
    found = table.col_totals[table.cols.index("unknown")]
    if found is None or not table.total:
        return _("Not known for fewer than %(k)s cases, or a number hidden to protect them.") % {
            "k": k
        }
    share = round(100 * found / table.total)
    return _("Not known for %(count)s cases (%(share)s%% of those counted).") % {
        "count": found,
        "share": share,
    }


INDICATOR_WORDS = {
    "detected_victims": gettext_lazy("Victims detected"),
    "prosecuted": gettext_lazy("Persons prosecuted"),
    "convicted": gettext_lazy("Persons convicted"),
}


def official_figures(data: ReleaseData, country: str = "") -> list[dict[str, Any]]:
    """UNODC's latest official figures for the countries of work in the release's funnel, with
    the year each is from and the years without one (the data end in 2021)."""
    found = summary("glotip")
    if not found:
        return []
    funnel = data.find("funnel")
    countries = sorted({key.split(SEP)[0] for key in (funnel.rows if funnel else ())})
    figures = []
    for code in countries:
        series = found.get(iso3(code) or "", {}) if code not in ("other", "unknown") else {}
        if not series or (country and code != country):
            continue
        figures.append({"country": value_label("country", code), "figures": [
            {"what": str(words), **_figure(series.get(name, {}))}
            for name, words in INDICATOR_WORDS.items()
        ]})  # fmt: skip
    return figures


def _figure(official: dict[str, Any]) -> dict[str, Any]:
    gaps = official.get("gaps", [])
    return {
        "value": official.get("value"),
        "year": official.get("year"),
        "gaps": _("No figure for %(years)s.") % {"years": ", ".join(map(str, gaps))}
        if gaps
        else "",
    }


def comparison(data: ReleaseData | None) -> list[dict[str, Any]]:
    """For each nationality the region's corridors compare, the organisation's cases (forced
    labour, sexual exploitation, of all counted) beside CTDC's."""
    ctdc = (summary("ctdc_global") or {}).get("by_citizenship", {})
    table = data.find("forms_by_origin") if data is not None else None
    rows = []
    for code in ("MM", "KH", "LA", "VN"):
        ours: dict[str, int | None] = {"total": None, "forced_labour": None,
                                       "sexual_exploitation": None}  # fmt: skip
        if table is not None and code in table.rows:
            i = table.rows.index(code)
            ours["total"] = table.row_totals[i]
            for form in ("forced_labour", "sexual_exploitation"):
                if form in table.cols:
                    ours[form] = table.cells[i][table.cols.index(form)]
        rows.append({"nationality": value_label("origin", code), "ours": ours,
                     "ctdc": ctdc.get(iso3(code) or "", {})})  # fmt: skip
    return rows
