"""Tables for a release: cases counted by two columns of the fact table, each case once per
cell (a case with two jobs in one sector counts once there), then suppressed (see
`suppression`). A column holding several codes (the indicators found) puts the case in each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .facts import FactRow
from .suppression import Place, Table, suppress

UNKNOWN = frozenset({"", "unknown"})
OTHER = "other"


def crosstab(facts: Iterable[FactRow], by: str, across: str, k: int) -> Table:
    """Cases by `by` (rows) and `across` (columns), with threshold k. Unknown values are a
    category of their own ("unknown"), so the share of unknowns behind a figure can be shown;
    values of fewer than k cases are counted together as "other"."""
    facts = list(facts)
    rare_rows, rare_cols = _rare(facts, by, k), _rare(facts, across, k)
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in facts:
        for r in _values(row, by):
            for c in _values(row, across):
                cells[(OTHER if r in rare_rows else r, OTHER if c in rare_cols else c)].add(
                    row.case
                )
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    totals: dict[Place, int] = {("all",): len(set().union(*cells.values()))}
    for r in rows:
        totals[("row", r)] = len(set().union(*(cells[(r, c)] for c in cols)))
    for c in cols:
        totals[("col", c)] = len(set().union(*(cells[(r, c)] for r in rows)))
    counts = {key: len(cases) for key, cases in cells.items()}
    return suppress(counts, rows, cols, k, totals)


def _rare(facts: list[FactRow], column: str, k: int) -> set[str]:
    """The values of fewer than k cases: their very name would say that someone is there (a
    province typed once), so they are counted together as "other"."""
    cases: dict[str, set[str]] = defaultdict(set)
    for row in facts:
        for value in _values(row, column):
            cases[value].add(row.case)
    return {value for value, found in cases.items() if len(found) < k}


def _values(row: FactRow, column: str) -> tuple[str, ...]:
    value = getattr(row, column)
    if isinstance(value, tuple):
        return value or ("none",)
    if isinstance(value, bool):
        return ("yes" if value else "no",)
    return ("unknown",) if value in UNKNOWN else (str(value),)
