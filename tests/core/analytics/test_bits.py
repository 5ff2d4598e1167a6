"""A multi-valued column counted from its bit mask gives what unnesting its lists gives: the
cells, the rows, the empty lists ("none") and the rare values folded into "other"."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.analytics.bits import SUFFIX, WIDTH, values_of, with_bits
from safepassage.core.analytics.engine import Engine, Request, arrow_table
from safepassage.core.analytics.facts import FactRow

from .test_engine import _row

K = 3
CODES = ("a", "b", "c", "d")


@st.composite
def facts(draw: st.DrawFn) -> list[FactRow]:
    n = draw(st.integers(0, 40))
    codes = st.sets(st.sampled_from(CODES))
    return [
        _row(
            f"c{draw(st.integers(0, n))}",  # some cases with two jobs
            job=i,
            country=draw(st.sampled_from(("TH", "KH"))),
            sector=draw(st.sampled_from(("fishing", "garment", "unknown"))),
            level=draw(st.sampled_from(("decent_work", "forced_labour"))),
            indicators=tuple(sorted(draw(codes))),
            stages=tuple(sorted(draw(st.sets(st.sampled_from(("work", "transit")))))),
        )
        for i in range(n)
    ]


def _unmasked(table: pa.Table) -> pa.Table:
    kept = [name for name in table.column_names if not name.endswith(SUFFIX)]
    return table.select(kept).replace_schema_metadata({})


REQUESTS = [
    Request(("sector",), "indicators", len(CODES)),
    Request(("country", "sector"), "indicators", len(CODES)),
    Request(("country",), "stages", 2),
    Request(("sector",), "level"),
]


@settings(max_examples=80, deadline=None)
@given(facts(), st.sampled_from([None, {"country": "KH"}]))
def test_it_counts_from_the_masks_as_from_the_lists(rows: list[FactRow], where):
    table = arrow_table(rows)
    assert values_of(table.schema, "indicators") is not None
    masked = Engine(table)
    unnested = Engine(_unmasked(table))
    assert "indicators" in masked.bits
    assert unnested.bits == {}
    assert masked.count_many(REQUESTS, K, where) == unnested.count_many(REQUESTS, K, where)


def test_it_folds_each_case_once_into_other_through_the_mask():
    """Two rare values in one case count it once in "other"; so does a rare empty list."""
    rows = [_row(f"c{i}", indicators=("a",)) for i in range(5)]
    rows += [_row("r1", indicators=("b", "c")), _row("r2")]
    found = Engine(arrow_table(rows)).count(["sector"], "indicators", K, cap=3)
    assert found.cells == {("fishing", "a"): 5, ("fishing", "other"): 2}
    assert found.folded["c"] == ["b", "c", "none"]


def test_it_keeps_no_mask_for_more_values_than_a_mask_holds():
    codes = [f"v{i:02d}" for i in range(WIDTH + 1)]
    rows = [_row(f"c{i}", indicators=(code,)) for i, code in enumerate(codes)]
    rows.append(_row("small", stages=("work",)))
    table = arrow_table(rows)
    assert values_of(table.schema, "indicators") is None
    assert f"indicators{SUFFIX}" not in table.column_names
    assert values_of(table.schema, "stages") == ["work"]
    found = Engine(table).count(["sector"], "indicators", 0, cap=1)
    assert found.cells == {**{("fishing", c): 1 for c in codes}, ("fishing", "none"): 1}


def test_it_makes_masks_of_an_empty_table():
    table = with_bits(arrow_table([]), ["indicators"])  # made again: replaced, not doubled
    assert table.num_rows == 0
    assert table.column_names.count(f"indicators{SUFFIX}") == 1
    assert values_of(table.schema, "indicators") == []
    found = Engine(table).count(["sector"], "indicators", K, cap=len(CODES))
    assert (found.cells, found.total) == ({}, 0)
