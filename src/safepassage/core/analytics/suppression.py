"""Small-cell suppression of a two-way table of case counts, with its row, column and grand
totals, so that what is published exposes nobody.

Two rules:
- *primary*: a count (cell or total) from fewer than `k` cases is not published (zeros too: a
  release states counts of at least `k` cases, nothing else; CTDC uses k = 11);
- *complementary*: no suppressed count may be recoverable from the published ones. The table
  is a set of linear equations (each row of cells sums to its row total, each column to its
  column total, the totals to the grand total); a suppressed count is recoverable exactly when
  the equations, with every published count filled in, fix its value. While one is, another
  count on one of its lines is suppressed (see `_complement` for which);
- *remainders*: counts are never negative, so a line's published total must leave at least k
  for its suppressed counts (a remainder of 0 would give each away as 0).

Exact recovery is what is prevented; bounds (a suppressed pair summing to 12 says each is at
most 12) remain, as in every cell-suppression scheme; the noise of a release addresses those.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

Key = tuple[str, str]
# A count's place in the table: a cell (row, column), a row total ("row", r), a column total
# ("col", c), or the grand total ("all",).
Place = tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """What may be published: `None` where a count is suppressed."""

    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: dict[Key, int | None]
    row_totals: dict[str, int | None]
    col_totals: dict[str, int | None]
    total: int | None

    def published(self) -> list[int]:
        """Every count the table shows, cells and totals."""
        found = [*self.cells.values(), *self.row_totals.values(), *self.col_totals.values()]
        return [v for v in [*found, self.total] if v is not None]


def suppress(
    counts: Mapping[Key, int],
    rows: Sequence[str],
    cols: Sequence[str],
    k: int,
    totals: Mapping[Place, int] | None = None,
    hidden: Iterable[Place] = (),
    multi: bool = False,
) -> Table:
    """The table of `counts` (missing cells are zero) as it may be published with threshold k.
    `totals` replaces the sums where a case counts in several cells but once in a total
    (places ("row", r), ("col", c), ("all",)); the equations then assume the sums, which is
    the attacker's best guess, and the primary rule applies to the true totals. `hidden` are
    counts to suppress whatever their size: a total another table of the same release hides
    must not be published beside it (see `dashboard`). `multi`: a case may count in several
    cells of its row (one row per case, several columns: the indicators found), so a row's
    cells do not sum to its total; the equations are then only those that hold, each column
    summing to its total and the row totals to the grand total."""
    values = {**_values(counts, rows, cols), **(totals or {})}
    hidden = {place for place, value in values.items() if value < k} | (set(hidden) & values.keys())
    lines = _lines(rows, cols, multi)
    while not hidden >= values.keys():
        thin = _thin(values, hidden, lines, k)
        if thin is not None:
            hidden.add(thin)
            continue
        exposed = _recoverable(values, hidden, lines)
        if not exposed:
            break
        hidden.add(_complement(exposed, values, hidden, lines))
    shown = {p: (None if p in hidden else v) for p, v in values.items()}
    return Table(
        rows=tuple(rows),
        cols=tuple(cols),
        cells={(r, c): shown[("cell", r, c)] for r in rows for c in cols},
        row_totals={r: shown[("row", r)] for r in rows},
        col_totals={c: shown[("col", c)] for c in cols},
        total=shown[("all",)],
    )


def _values(
    counts: Mapping[Key, int], rows: Sequence[str], cols: Sequence[str]
) -> dict[Place, int]:
    values: dict[Place, int] = {}
    for r in rows:
        for c in cols:
            values[("cell", r, c)] = int(counts.get((r, c), 0))
    for r in rows:
        values[("row", r)] = sum(values[("cell", r, c)] for c in cols)
    for c in cols:
        values[("col", c)] = sum(values[("cell", r, c)] for r in rows)
    values[("all",)] = sum(values[("row", r)] for r in rows)
    return values


def _lines(
    rows: Sequence[str], cols: Sequence[str], multi: bool = False
) -> list[tuple[Place, list[Place]]]:
    """Each equation as (its total, the counts that sum to it)."""
    lines: list[tuple[Place, list[Place]]] = []
    if not multi:
        lines += [(("row", r), [("cell", r, c) for c in cols]) for r in rows]
    lines += [(("col", c), [("cell", r, c) for r in rows]) for c in cols]
    lines.append((("all",), [("row", r) for r in rows]))
    if not multi:
        lines.append((("all",), [("col", c) for c in cols]))
    return lines


def _thin(
    values: dict[Place, int], hidden: set[Place], lines: list[tuple[Place, list[Place]]], k: int
) -> Place | None:
    """A count to hide on a line whose published total leaves less than k for its suppressed
    counts (counts are never negative: a remainder of 0 would give each of them away as 0, a
    small one would say they are small): the line's smallest published cell, else its total."""
    for total, parts in lines:
        concealed = [p for p in parts if p in hidden]
        if total in hidden or not concealed:
            continue
        left = values[total] - sum(values[p] for p in parts if p not in hidden)
        if left < k:
            shown = [p for p in parts if p not in hidden]
            return min(shown, key=lambda p: (values[p], p)) if shown else total
    return None


def _recoverable(
    values: dict[Place, int], hidden: set[Place], lines: list[tuple[Place, list[Place]]]
) -> list[Place]:
    """The suppressed counts the published ones fix (none: the table is safe). Gaussian
    elimination over the unknowns: an unknown is fixed when a reduced equation holds it alone."""
    unknowns = sorted(hidden)
    if not unknowns:
        return []
    index = {place: i for i, place in enumerate(unknowns)}
    matrix = []
    for total, parts in lines:
        if not parts:  # an empty table: its zero total is no equation
            continue
        row = [Fraction(0)] * len(unknowns)
        for place, sign in [(total, -1), *((p, 1) for p in parts)]:
            if place in index:
                row[index[place]] += sign
        if any(row):
            matrix.append(row)
    fixed = []
    for row in _reduced(matrix):
        nonzero = [i for i, value in enumerate(row) if value]
        if len(nonzero) == 1:
            fixed.append(unknowns[nonzero[0]])
    return fixed


def _reduced(matrix: list[list[Fraction]]) -> list[list[Fraction]]:
    """The reduced row echelon form of `matrix` (exact, in fractions)."""
    rows = [list(r) for r in matrix]
    width = len(rows[0]) if rows else 0
    pivot_row = 0
    for col in range(width):
        pivot = next((i for i in range(pivot_row, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for i, row in enumerate(rows):
            if i != pivot_row and row[col]:
                factor = row[col]
                rows[i] = [a - factor * b for a, b in zip(row, rows[pivot_row], strict=True)]
        pivot_row += 1
    return rows[:pivot_row]


def _complement(
    exposed: list[Place],
    values: dict[Place, int],
    hidden: set[Place],
    lines: list[tuple[Place, list[Place]]],
) -> Place:
    """The published count to suppress beside the `exposed` ones, on one of their lines: a cell
    before a total; then the one on most lines that already hide a count (it closes a cycle of
    suppressed cells, which is what makes them unrecoverable, so fewer are needed); then the
    smallest, so the least is lost. All exposed counts are looked at, since the first found may
    be fixed only through another."""
    members = [[total, *parts] for total, parts in lines]

    def links(place: Place) -> int:
        return sum(1 for line in members if place in line and any(p in hidden for p in line))

    near = {p for line in members if any(e in line for e in exposed) for p in line}
    candidates = [p for p in near if p not in hidden]
    if not candidates:  # fixed through a chain of lines: widen to the whole table
        candidates = [p for p in values if p not in hidden]
    return min(candidates, key=lambda p: (p[0] != "cell", -links(p), values[p], p))
