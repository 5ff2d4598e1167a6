"""DuckDB counts a release's tables as the plain-Python reference does: distinct cases per
cell, each case through one job, rare values as "other"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.analytics.engine import Engine, Request, arrow_table, funnel
from safepassage.core.analytics.facts import FactRow

from .test_release import BASE

K = 3
COUNTRIES = ("TH", "KH", "")
SECTORS = ("fishing", "garment", "unknown")
CODES = ("a", "b", "c")


def _row(case: str, job: int = 0, **values: object) -> FactRow:
    data = {**BASE, "country": "TH", "sector": "fishing", "indicators": (), **values}
    return FactRow(case=case, job=job, **data)


@st.composite
def facts(draw: st.DrawFn) -> list[FactRow]:
    n = draw(st.integers(0, 40))
    return [
        _row(
            f"c{i}",
            country=draw(st.sampled_from(COUNTRIES)),
            sector=draw(st.sampled_from(SECTORS)),
            indicators=tuple(sorted(draw(st.sets(st.sampled_from(CODES))))),
        )
        for i in range(n)
    ]


@settings(max_examples=60, deadline=None)
@given(facts(), st.sampled_from(["country", "indicators", "level"]))
def test_it_counts_as_the_reference_does(rows: list[FactRow], across: str):
    found = Engine(arrow_table(rows)).count(["sector"], across, K, cap=len(CODES))
    cells, totals = _reference(rows, across)
    assert found.cells == cells
    assert found.row_totals == totals["row"]
    assert found.col_totals == totals["col"]
    assert found.total == len({r.case for r in rows})


def _values(row: FactRow, column: str) -> list[str]:
    value = getattr(row, column)
    if isinstance(value, tuple):
        return list(value) or ["none"]
    return [value if value not in ("", "unknown") else "unknown"]


def _reference(rows: list[FactRow], across: str) -> tuple[dict, dict]:
    """Distinct cases per cell and total, rare values (under K cases) as "other", written
    plainly (one job per case here, so no job to choose)."""

    def rare(column: str) -> set[str]:
        seen: dict[str, set[str]] = {}
        for row in rows:
            for v in _values(row, column):
                seen.setdefault(v, set()).add(row.case)
        return {v for v, cases in seen.items() if len(cases) < K}

    rare_rows, rare_cols = rare("sector"), rare(across)
    cells: dict[tuple[str, str], set[str]] = {}
    totals: dict[str, dict[str, set[str]]] = {"row": {}, "col": {}}
    for row in rows:
        r = "other" if _values(row, "sector")[0] in rare_rows else _values(row, "sector")[0]
        for v in _values(row, across):
            c = "other" if v in rare_cols else v
            cells.setdefault((r, c), set()).add(row.case)
            totals["row"].setdefault(r, set()).add(row.case)
            totals["col"].setdefault(c, set()).add(row.case)
    counted = {key: len(cases) for key, cases in cells.items()}
    return counted, {side: {v: len(c) for v, c in t.items()} for side, t in totals.items()}


def test_it_counts_each_case_through_its_worst_job():
    rows = [
        _row("c1", 0, sector="garment", level="labour_rights_violation"),
        _row("c1", 1, sector="fishing", level="forced_labour"),
    ]
    found = Engine(arrow_table(rows)).count(["sector"], "level", 0)
    assert found.cells == {("fishing", "forced_labour"): 1}


def test_it_folds_a_rare_value_into_its_country_other():
    rows = [_row(f"t{i}", sector="fishing") for i in range(5)]
    rows += [_row(f"g{i}", sector="garment") for i in range(2)]
    rows += [_row(f"k{i}", country="KH") for i in range(2)]
    found = Engine(arrow_table(rows)).count(["country", "sector"], "level", K)
    assert found.row_totals == {"TH|fishing": 5, "TH|other": 2, "other|other": 2}
    assert found.folded["p0"] == ["KH"]


def test_it_counts_only_the_rows_asked_for():
    rows = [_row(f"t{i}") for i in range(4)] + [_row(f"k{i}", country="KH") for i in range(6)]
    found = Engine(arrow_table(rows)).count(["sector"], "level", 0, where={"country": "KH"})
    assert found.total == 6


def test_it_puts_each_case_at_every_funnel_step_it_reached():
    row = _row(
        "c1",
        level="forced_labour",
        trafficking="yes",
        referrals=("victim_identification", "wage_or_compensation_claim"),
        outcomes=("wages_recovered",),
        criminal_justice=True,
    )
    steps = funnel(row)
    assert steps[:6] == (
        "contacted", "screened", "rights_violated", "exploited", "forced_labour",
        "trafficking_indicated",
    )  # fmt: skip
    assert "referred_labour" in steps
    assert "referred_protection" not in steps  # identification is a criminal-justice step
    assert {"criminal_justice", "remedy_obtained", "wages_recovered"} <= set(steps)
    assert "repatriated" not in steps


@settings(max_examples=40, deadline=None)
@given(facts(), st.sampled_from(["indicators", "level"]))
def test_it_counts_only_the_rows_asked_for_in_every_column(rows: list[FactRow], across: str):
    kept = [r for r in rows if r.country == "KH"]
    found = Engine(arrow_table(rows)).count(
        ["sector"], across, K, cap=len(CODES), where={"country": "KH"}
    )
    cells, totals = _reference(kept, across)
    assert (found.cells, found.row_totals, found.total) == (
        cells,
        totals["row"],
        len({r.case for r in kept}),
    )


@settings(max_examples=40, deadline=None)
@given(facts())
def test_it_counts_many_tables_at_once_as_each_alone(rows: list[FactRow]):
    """`count_many` shares scans between tables (rows added up from a one-valued column's
    cells, lists counted from cases grouped first): each table as `count` makes it alone."""
    requests = [
        Request(("sector",), "level"),
        Request(("sector",), "indicators", len(CODES)),
        Request(("country",), "indicators", 1),
        Request(("country", "sector"), "level"),
        Request(("country",), "sector"),
    ]
    engine = Engine(arrow_table(rows))
    together = engine.count_many(requests, K)
    alone = [engine.count(list(r.by), r.across, K, cap=r.cap) for r in requests]
    assert together == alone
    for request, counts in zip(requests[:2], together[:2], strict=True):
        cells, totals = _reference(rows, request.across)
        assert (counts.cells, counts.row_totals) == (cells, totals["row"])
