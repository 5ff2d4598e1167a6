"""A release exposes nobody: no count under k, nothing recoverable from the totals (of one
table, or of two sharing a total), and with noise on, one case more or less changes the
counts within the privacy budget the release records."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.account_file import read_account
from safepassage.core.analytics import noise
from safepassage.core.analytics.dashboard import (
    TABLES,
    ReleasedTable,
    TableSpec,
    release_build,
)
from safepassage.core.analytics.engine import Engine, arrow_table
from safepassage.core.analytics.facts import FactRow, ReferralFact, fact_rows
from safepassage.core.analytics.synthetic import demo_accounts, demo_referrals
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

from .solver import Term, fixed
from .test_release import BASE

K = 5
SPECS = (
    TableSpec("a", ("country", "sector"), "level"),
    TableSpec("b", ("country", "sector"), "indicators", cap=3),
    TableSpec("c", ("country", "channel"), "level"),
)
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "accounts"


@st.composite
def facts(draw: st.DrawFn, most: int = 60) -> list[FactRow]:
    n = draw(st.integers(0, most))
    pick = st.sampled_from
    return [
        FactRow(
            case=f"c{i}",
            job=0,
            **{
                **BASE,
                "country": draw(pick(("TH", "TH", "KH", ""))),
                "sector": draw(pick(("fishing", "garment", "construction"))),
                "channel": draw(pick(("broker", "mou", "relative"))),
                "level": draw(pick(("forced_labour", "labour_exploitation", "decent_work"))),
                "indicators": tuple(sorted(draw(st.sets(pick(("d", "e", "f")))))),
            },
        )
        for i in range(n)
    ]


def _lines(table: ReleasedTable, t: str = "") -> list[list[Term]]:
    """The sums that hold in the table, over its suppressed counts (written apart from the
    module): columns sum to their totals, row totals to the grand total, and in a one-valued
    table rows to their totals. Names start with `t`, so tables can share an equation."""
    lines: list[list[Term]] = []
    rows = range(len(table.rows))
    for j, c in enumerate(table.cols):
        lines.append([(f"{t}c{i},{c}", table.cells[i][j], 1) for i in rows]
                     + [(f"col {table.across} {c}", table.col_totals[j], -1)])  # fmt: skip
    if table.rows:  # an empty table holds no equation
        lines.append(
            [(f"{t}r{i}", table.row_totals[i], 1) for i in rows] + [("all", table.total, -1)]
        )
    if not table.multi:
        for i in rows:
            cells = [(f"{t}c{i},{c}", table.cells[i][j], 1) for j, c in enumerate(table.cols)]
            lines.append([*cells, (f"{t}r{i}", table.row_totals[i], -1)])
    return lines


def _fixed(table: ReleasedTable) -> list[str]:
    return fixed(_lines(table))


@settings(max_examples=40, deadline=None)
@given(facts(), st.sampled_from([None, 2.0]))
def test_it_publishes_no_count_under_k(rows: list[FactRow], budget: float | None):
    release = release_build(rows, k=K, budget=budget, specs=SPECS)
    assert all(v >= K for table in release.tables for v in table.published())


@settings(max_examples=40, deadline=None)
@given(facts())
def test_it_leaves_nothing_recoverable_from_the_totals(rows: list[FactRow]):
    release = release_build(rows, k=K, budget=None, specs=SPECS)
    assert [_fixed(table) for table in release.tables] == [[], [], []]


@settings(max_examples=40, deadline=None)
@given(facts())
def test_it_hides_a_shared_total_in_every_table_that_holds_it(rows: list[FactRow]):
    a, b, c = release_build(rows, k=K, budget=None, specs=SPECS).tables
    assert dict(zip(a.rows, a.row_totals, strict=True)) == dict(
        zip(b.rows, b.row_totals, strict=True)
    )
    assert dict(zip(a.cols, a.col_totals, strict=True)) == dict(
        zip(c.cols, c.col_totals, strict=True)
    )
    assert a.total == b.total == c.total


@settings(max_examples=25, deadline=None)
@given(facts(), st.data())
def test_it_stays_within_the_recorded_budget_when_one_case_changes(
    rows: list[FactRow], data: st.DataObject
):
    extra = data.draw(facts(most=1).filter(bool))[0].model_copy(update={"case": "extra"})
    release = release_build(rows, k=K, budget=2.0, specs=SPECS)
    assert release.epsilon <= 2.0 + 1e-9
    for spec, table in zip(SPECS, release.tables, strict=True):
        # The privacy loss OpenDP maps for the table's sensitivity is what it records ...
        assert table.epsilon == noise.epsilon(spec.sensitivity, release.scale)
        # ... and one case more changes its noisy counts by no more than that sensitivity.
        before = Engine(arrow_table(rows)).count(spec.by, spec.across, K, spec.cap)
        after = Engine(arrow_table([*rows, extra])).count(
            spec.by, spec.across, K, spec.cap, folded=before.folded
        )
        assert _distance(before, after, spec) <= spec.sensitivity


def _distance(before, after, spec: TableSpec) -> int:
    keys = before.cells.keys() | after.cells.keys()
    moved = sum(abs(before.cells.get(key, 0) - after.cells.get(key, 0)) for key in keys)
    if spec.multi:
        rows = before.row_totals.keys() | after.row_totals.keys()
        moved += sum(abs(before.row_totals.get(r, 0) - after.row_totals.get(r, 0)) for r in rows)
    return moved


def _demo() -> list[FactRow]:
    screener = Screener(load_knowledge(env={}))
    templates = [(p.stem, read_account(p)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    rnd, found = random.Random(7), []
    for i, made in enumerate(demo_accounts(templates, 2000, until=date(2026, 11, 30))):
        result = screener.screen(made.account)
        sent = [
            ReferralFact(
                kind=r.kind, sent=True, outcome=r.outcome, days_to_outcome=r.days_to_outcome
            )
            for r in demo_referrals(result.level.code, rnd)
        ]
        found += fact_rows(f"d{i}", made.account, result, sent)
    return found


def test_it_keeps_most_of_the_demo_visible():
    rows = _demo()
    release = release_build(rows, budget=None, specs=TABLES)  # exact, to see what is hidden
    engine = Engine(arrow_table(rows))
    large = visible = 0
    for spec, table in zip(TABLES, release.tables, strict=True):
        counts = engine.count(spec.by, spec.across, release.k, spec.cap)
        for (r, c), n in counts.cells.items():
            if n >= release.k:
                large += 1
                visible += table.cells[table.rows.index(r)][table.cols.index(c)] is not None
    assert large > 300
    assert visible / large >= 0.5


def _linked_fixed(tables: list[ReleasedTable]) -> list[str]:
    """Suppressed counts recoverable from the tables together: each table's own sums, over
    names the tables share (each column's total, all cases), and the sums two tables with rows
    under the same countries share: each country's cases, and its cases by each column."""
    lines: list[list[Term]] = []
    for t, table in enumerate(tables):
        lines += _lines(table, f"{t}")
        for country in {r.split("|")[0] for r in table.rows}:
            members = [i for i, r in enumerate(table.rows) if r.split("|")[0] == country]
            lines.append([(f"{t}r{i}", table.row_totals[i], 1) for i in members]
                         + [(f"country {country}", None, -1)])  # fmt: skip
            for j, c in enumerate(table.cols):
                lines.append([(f"{t}c{i},{c}", table.cells[i][j], 1) for i in members]
                             + [(f"country {country} {table.across} {c}", None, -1)])  # fmt: skip
    return [name for name in fixed(lines) if not name.startswith("country")]  # never published


@settings(max_examples=30, deadline=None)
@given(st.integers(60, 300), st.integers(0, 10_000))
def test_it_leaves_nothing_recoverable_across_the_tables_of_an_exact_release(n: int, seed: int):
    rnd = random.Random(seed)
    rows = [
        FactRow(
            case=f"c{i}", job=0,
            **{**BASE, "country": rnd.choice(("TH", "TH", "KH")),
               "sector": rnd.choice(("fishing", "garment", "construction", "agriculture")),
               "channel": rnd.choice(("broker", "mou", "relative")),
               "fees": rnd.choice(("paid", "none")), "month": rnd.choice(("2025-01", "2025-05")),
               "level": rnd.choice(("forced_labour", "labour_exploitation", "decent_work")),
               "indicators": tuple(sorted(rnd.sample(("d", "e", "f"), rnd.randint(0, 2)))),
               "violations": tuple(sorted(rnd.sample(("v", "w"), rnd.randint(0, 2))))},
        )
        for i in range(n)
    ]  # fmt: skip
    release = release_build(rows, budget=None)  # the default tables, without noise
    assert {t.id for t in release.tables} <= {s.id for s in TABLES}
    assert _linked_fixed(list(release.tables)) == []


def test_it_makes_only_the_tables_that_cannot_be_combined_without_noise():
    rows = _demo()[:3000]
    exact = {t.id for t in release_build(rows, budget=None).tables}
    noisy = {t.id for t in release_build(rows).tables}
    assert exact == {"level_by_place", "stages_by_place", "indicators_by_sector",
                     "violations_by_sector"}  # fmt: skip
    assert noisy == {s.id for s in TABLES}
