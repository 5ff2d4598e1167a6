"""Small-cell suppression: no published count comes from fewer than k cases, no suppressed
count can be worked out from the published ones, and what is published is true."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.analytics.suppression import Table, suppress

from .solver import Term, fixed

K = 11
ROWS = ("fishing", "garment", "domestic", "construction")
COLS = ("TH", "KH", "VN")


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[tuple[str, str], int], list[str], list[str]]:
    rows = list(ROWS[: draw(st.integers(1, len(ROWS)))])
    cols = list(COLS[: draw(st.integers(1, len(COLS)))])
    small_or_big = st.one_of(st.integers(0, 12), st.integers(0, 200))
    counts = {(r, c): draw(small_or_big) for r, c in product(rows, cols)}
    return counts, rows, cols


def _lines(table: Table) -> list[list[Term]]:
    """The table's sums (each line minus its total is zero), written apart from the module."""
    lines: list[list[Term]] = []
    for r in table.rows:
        lines.append([(f"c{r}{c}", table.cells[(r, c)], 1) for c in table.cols]
                     + [(f"r{r}", table.row_totals[r], -1)])  # fmt: skip
    for c in table.cols:
        lines.append([(f"c{r}{c}", table.cells[(r, c)], 1) for r in table.rows]
                     + [(f"k{c}", table.col_totals[c], -1)])  # fmt: skip
    lines.append([(f"r{r}", table.row_totals[r], 1) for r in table.rows] + [("t", table.total, -1)])
    lines.append([(f"k{c}", table.col_totals[c], 1) for c in table.cols] + [("t", table.total, -1)])
    return lines


def _fixed(table: Table) -> list[str]:
    """The suppressed counts whose value the published ones determine."""
    return fixed(_lines(table))


@settings(max_examples=300, deadline=None)
@given(tables())
def test_it_publishes_no_count_under_k(
    data: tuple[dict[tuple[str, str], int], list[str], list[str]],
):
    table = suppress(*data, k=K)
    assert all(value >= K for value in table.published())


@settings(max_examples=300, deadline=None)
@given(tables())
def test_it_leaves_no_suppressed_count_recoverable_from_the_totals(
    data: tuple[dict[tuple[str, str], int], list[str], list[str]],
):
    assert _fixed(suppress(*data, k=K)) == []


@settings(max_examples=300, deadline=None)
@given(tables())
def test_it_leaves_at_least_k_behind_the_suppressed_counts_of_a_line(
    data: tuple[dict[tuple[str, str], int], list[str], list[str]],
):
    """Counts are never negative: a published total leaving 0 for its suppressed cells gives
    each away as 0, and one leaving less than k says they are all small."""
    table = suppress(*data, k=K)
    lines = [(table.row_totals[r], [table.cells[(r, c)] for c in table.cols]) for r in table.rows]
    lines += [(table.col_totals[c], [table.cells[(r, c)] for r in table.rows]) for c in table.cols]
    lines.append((table.total, list(table.row_totals.values())))
    lines.append((table.total, list(table.col_totals.values())))
    for total, parts in lines:
        if total is not None and None in parts:
            assert total - sum(p for p in parts if p is not None) >= K


@settings(max_examples=200, deadline=None)
@given(tables())
def test_it_publishes_true_counts(data: tuple[dict[tuple[str, str], int], list[str], list[str]]):
    counts, rows, cols = data
    table = suppress(counts, rows, cols, k=K)
    for (r, c), value in table.cells.items():
        assert value in (None, counts[(r, c)])
    for r, value in table.row_totals.items():
        assert value in (None, sum(counts[(r, c)] for c in cols))
    for c, value in table.col_totals.items():
        assert value in (None, sum(counts[(r, c)] for r in rows))
    assert table.total in (None, sum(counts.values()))


def test_it_hides_a_second_cell_beside_a_lone_small_one():
    counts = {("fishing", "TH"): 40, ("fishing", "KH"): 3, ("garment", "TH"): 50,
              ("garment", "KH"): 60}  # fmt: skip
    table = suppress(counts, ["fishing", "garment"], ["TH", "KH"], k=K)
    # 43 - 40 would give the 3 away, then each column's total the next cell: in a 2 x 2 table
    # with its totals shown, one small cell hides all four, and every total stays.
    assert set(table.cells.values()) == {None}
    assert (table.row_totals["fishing"], table.col_totals["KH"], table.total) == (43, 63, 153)


def test_it_keeps_a_table_of_large_counts_whole():
    counts = {(r, c): 20 + i for i, (r, c) in enumerate(product(ROWS, COLS))}
    table = suppress(counts, ROWS, COLS, k=K)
    assert None not in table.cells.values()
    assert table.total == sum(counts.values())


def test_it_keeps_most_large_cells_when_a_few_are_small():
    counts = {(r, c): 30 + 7 * i for i, (r, c) in enumerate(product(ROWS, COLS))}
    counts[("domestic", "KH")] = 4
    counts[("fishing", "VN")] = 2
    table = suppress(counts, ROWS, COLS, k=K)
    large = [key for key, value in counts.items() if value >= K]
    shown = [key for key in large if table.cells[key] is not None]
    assert len(shown) >= len(large) / 2
    assert table.cells[("domestic", "KH")] is None
    assert table.cells[("fishing", "VN")] is None
