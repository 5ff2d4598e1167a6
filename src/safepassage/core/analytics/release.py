"""Tables for a release: cases counted by two columns of the fact table, each case once per
cell (a case with two jobs in one sector counts once there), then suppressed (see
`suppression`). A column holding several codes (the indicators found) puts the case in each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .facts import FactRow
from .suppression import Place, Table, suppress

UNKNOWN = frozenset({"", "unknown"})


def crosstab(facts: Iterable[FactRow], by: str, across: str, k: int) -> Table:
    """Cases by `by` (rows) and `across` (columns), with threshold k. Unknown values are a
    category of their own ("unknown"), so the share of unknowns behind a figure can be shown."""
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in facts:
        for r in _values(row, by):
            for c in _values(row, across):
                cells[(r, c)].add(row.case)
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    totals: dict[Place, int] = {("all",): len(set().union(*cells.values())) if cells else 0}
    for r in rows:
        totals[("row", r)] = len(set().union(*(cells[(r, c)] for c in cols)))
    for c in cols:
        totals[("col", c)] = len(set().union(*(cells[(r, c)] for r in rows)))
    counts = {key: len(cases) for key, cases in cells.items()}
    return suppress(counts, rows, cols, k, totals)


def _values(row: FactRow, column: str) -> tuple[str, ...]:
    value = getattr(row, column)
    if isinstance(value, tuple):
        return value or ("none",)
    if isinstance(value, bool):
        return ("yes" if value else "no",)
    return ("unknown",) if value in UNKNOWN else (str(value),)
