"""A release's tables as people read them: words for every row and column, the rows a filter
keeps, and the share of unknowns behind the figures. Pages, charts and downloads all use
this, so a download holds exactly what the page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ...core.analytics.dashboard import ReleasedTable
from ...core.analytics.engine import SEP
from .labels import HEADINGS, TITLES, value_label


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
    parts = key.split(SEP)
    if country and parts[0] != country:
        return False
    return not (sector and "sector" in table.by and parts[table.by.index("sector")] != sector)


def shown(table: ReleasedTable, k: int, country: str = "", sector: str = "") -> Shown:
    rows = [
        ShownRow(
            parts=[
                value_label(col, part) for col, part in zip(table.by, key.split(SEP), strict=True)
            ],
            cells=list(table.cells[i]),
            total=table.row_totals[i],
        )
        for i, key in enumerate(table.rows)
        if keeps(table, key, country, sector)
    ]
    result = Shown(
        id=table.id,
        title=str(TITLES.get(table.id, table.id)),
        row_headings=[str(HEADINGS.get(col, col)) for col in table.by],
        columns=[value_label(table.across, c) for c in table.cols],
        rows=rows,
        col_totals=list(table.col_totals),
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


def cell_text(value: int | None) -> str:
    return "" if value is None else str(value)
