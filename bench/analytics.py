"""The analysts' dashboard over a large fact table, and the CTDC imports.

Run: `.venv/bin/python bench/analytics.py [--rows N] [--quick]`. Prints:
1. the dashboard's release (`dashboard.TABLES`: counts, suppression, noise) over generated fact
   rows (`analytics_data.py`, default 1,000,000; goal: under 1 s on one core), step by step,
   median and max of 3 runs; the counts step against the same rows read as the 823c3ea engine
   read them (plain text, lists unnested), interleaved, with the ratio; then each table's
   share of the counting and suppression;
2. the plain-Python reference (`release.crosstab`) against the DuckDB engine on the first
   100,000 rows for one table (sector × level), and their ratio, measured in the same run;
3. the CTDC imports (the 2020 Global Dataset extract and the victim–perpetrator synthetic
   data) with an aggregate each (goal: under 10 s).
`--quick` uses 100,000 rows. No timing fails the run; the goals are printed beside the numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pyarrow as pa
import pyarrow.compute as pc

from safepassage.core.analytics import ctdc, dashboard
from safepassage.core.analytics.bits import SUFFIX, with_bits
from safepassage.core.analytics.dashboard import DEFAULT_BUDGET, DEFAULT_K, TABLES, ReleaseData
from safepassage.core.analytics.engine import LIST_COLUMNS, Engine, arrow_table
from safepassage.core.analytics.noise import scale_for
from safepassage.core.analytics.release import crosstab
from safepassage.core.analytics.sources import shared_data
from safepassage.core.analytics.suppression import suppress

sys.path.insert(0, str(Path(__file__).parent))
from analytics_data import fact_rows, fact_table, schema

DATA = shared_data() or Path("shared/data")
RUNS = 3
BASELINE_ROWS = 100_000
SAMPLE = 5_000  # rows checked against arrow_table and release_build
STEPS = ("engine", "counts", "suppression", "noise+assembly")
SOUTHEAST = ("MMR", "KHM", "LAO", "VNM")


def release(table: pa.Table, budget: float | None, threads: int) -> tuple[ReleaseData, dict]:
    """`dashboard.release_build` from an Arrow table, each step timed (its code, step by step:
    the library's only entry takes FactRows, which a million of would dwarf the rest)."""
    laps, began = {}, time.perf_counter()

    def lap(step: str) -> None:
        nonlocal began
        laps[step], began = time.perf_counter() - began, time.perf_counter()

    engine = _engine(table, threads)
    lap("engine")
    counts = dashboard.count_specs(engine, TABLES, DEFAULT_K)
    engine.close()
    lap("counts")
    tables = dashboard.suppress_together(TABLES, counts, DEFAULT_K)
    lap("suppression")
    scale = scale_for([s.sensitivity for s in TABLES], budget) if budget else None
    data = dashboard.assemble(TABLES, counts, tables, DEFAULT_K, scale)
    lap("noise+assembly")
    return data, laps


def _engine(table: pa.Table, threads: int) -> Engine:
    """The dashboard's engine on `threads` (the goal is for one core), without DuckDB's
    progress bar, which long counts draw on the terminal."""
    engine = Engine(table)
    engine.con.execute(f"SET threads = {threads}")
    engine.con.execute("SET enable_progress_bar = false")
    return engine


def check(table: pa.Table) -> None:
    """The generated table is what `arrow_table` makes of the same rows as FactRows, and the
    timed steps give what `release_build` gives (without noise, which differs run to run)."""
    keys = table["case_key"]
    size = SAMPLE + (keys[SAMPLE].as_py() == keys[SAMPLE - 1].as_py())  # a case's jobs whole
    sample = table.slice(0, size)
    rows = fact_rows(sample)
    expected = arrow_table(rows)
    assert expected.schema == table.schema == schema(), "the columns differ from arrow_table's"
    # The masks' bits follow each table's own values (the sample may lack a rare one), so
    # the rows are compared without them; the release built below compares what they count.
    plain = [name for name in table.column_names if not name.endswith(SUFFIX)]
    assert expected.select(plain).equals(sample.select(plain)), "a row differs from its FactRow's"
    built, _ = release(sample, budget=None, threads=1)
    built_here = dashboard.release_build(rows, budget=None, specs=TABLES)
    assert built == built_here, "the steps differ from the build"
    print(f"checked: schema and {SAMPLE:,} rows equal arrow_table's; steps equal release_build")


def dashboard_runs(table: pa.Table, threads: int) -> None:
    runs = [release(table, DEFAULT_BUDGET, threads)[1] for _ in range(RUNS)]
    rows = table.num_rows
    print(
        f"dashboard: {len(TABLES)} tables, k={DEFAULT_K}, epsilon {DEFAULT_BUDGET:g}, "
        f"{rows:,} rows, DuckDB threads {threads}, {RUNS} runs"
    )
    for step in (*STEPS, "total"):
        values = [sum(run.values()) if step == "total" else run[step] for run in runs]
        print(f"  {step:16} median {statistics.median(values):7.3f} s   max {max(values):7.3f} s")
    total = statistics.median(sum(run.values()) for run in runs)
    print(f"  {rows / total:,.0f} rows/s (goal: 1,000,000 rows in under 1 s)")


def plain_counts(table: pa.Table, threads: int) -> None:
    """The counts step on the same rows as the engine of 823c3ea read them (text columns
    plain, lists unnested: no masks, no dictionaries), against today's, in the same run."""
    plain = table.select([n for n in table.column_names if not n.endswith(SUFFIX)])
    plain = plain.cast(pa.schema([_plain_field(f) for f in plain.schema]))
    plain = plain.replace_schema_metadata({})
    laps: dict[str, list[float]] = {"plain": [], "today": []}
    for _ in range(RUNS):
        for name, source in (("plain", plain), ("today", table)):
            engine = _engine(source, threads)
            began = time.perf_counter()
            dashboard.count_specs(engine, TABLES, DEFAULT_K)
            laps[name].append(time.perf_counter() - began)
            engine.close()
    old, new = (statistics.median(laps[name]) for name in ("plain", "today"))
    print(f"counts, {RUNS} runs interleaved: plain text and unnested lists (823c3ea) {old:.3f} s,")
    print(f"  masks and dictionaries {new:.3f} s: ratio {new / old:.2f} ({old / new:.1f}× as fast)")


def _plain_field(field: pa.Field) -> pa.Field:
    return field.with_type(pa.string()) if pa.types.is_dictionary(field.type) else field


def per_table(table: pa.Table, threads: int) -> None:
    """Each table's counting and suppression time, hidden counts and suppression rounds: which
    table the exact (Fraction) elimination spends its time on."""
    engine = _engine(table, threads)
    counts, counted = {}, {}
    for spec in TABLES:
        began = time.perf_counter()
        counts[spec.id] = engine.count(spec.by, spec.across, DEFAULT_K, spec.cap)
        counted[spec.id] = time.perf_counter() - began
    engine.close()
    spent: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    owner = {id(counts[spec.id].cells): spec.id for spec in TABLES}

    def timed(cells: Any, *args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return suppress(cells, *args, **kwargs)
        finally:
            spent[owner[id(cells)]] += time.perf_counter() - began
            calls[owner[id(cells)]] += 1

    with mock.patch.object(dashboard, "suppress", timed):  # suppress_together looks it up there
        tables = dashboard.suppress_together(TABLES, counts, DEFAULT_K)
    _print_tables(counts, tables, counted, spent, calls)


def _print_tables(
    counts: dict, tables: dict, counted: dict, spent: Counter, calls: Counter
) -> None:
    print(
        f"  {'table':24} {'rows×cols':>9} {'count s':>8} {'suppress s':>10} {'rounds':>6}  "
        "hidden cells / totals"
    )
    for spec in sorted(TABLES, key=lambda s: -(counted[s.id] + spent[s.id])):
        found, table = counts[spec.id], tables[spec.id]
        cells = sum(v is None for v in table.cells.values())
        totals = [*table.row_totals.values(), *table.col_totals.values(), table.total]
        shape = f"{len(found.rows)}×{len(found.cols)}"
        print(
            f"  {spec.id:24} {shape:>9} {counted[spec.id]:8.3f} {spent[spec.id]:10.3f} "
            f"{calls[spec.id]:6}  {cells}/{len(table.cells)} / {sum(v is None for v in totals)}"
            f"/{len(totals)}"
        )
    print(f"  {'all':24} {'':>9} {sum(counted.values()):8.3f} {sum(spent.values()):10.3f}")


def baseline(table: pa.Table) -> None:
    """One table by the plain-Python reference and by the engine, on the same rows. They differ
    in what they count (the reference counts a case in every job's cell, the engine through its
    worst job), not in the work: both count distinct cases per cell, fold and suppress."""
    rows = fact_rows(table)
    began = time.perf_counter()
    crosstab(rows, "sector", "level", DEFAULT_K)
    python = time.perf_counter() - began
    began = time.perf_counter()
    engine = _engine(table, 1)
    found = engine.count(("sector",), "level", DEFAULT_K)
    engine.close()
    suppress(found.cells, found.rows, found.cols, DEFAULT_K, dashboard.totals_of(found))
    duck = time.perf_counter() - began
    n = table.num_rows
    print(f"baseline: sector × level over {n:,} rows, counted and suppressed, one core")
    print(f"  release.crosstab (plain Python)   {python:7.3f} s  {n / python:11,.0f} rows/s")
    print(f"  Engine.count + suppress (DuckDB)  {duck:7.3f} s  {n / duck:11,.0f} rows/s")
    print(f"  ratio engine / reference: {duck / python:.2f} ({python / duck:.1f}× as fast)")


def ctdc_imports() -> None:
    """Each CTDC file read and aggregated (goal: under 10 s each)."""
    folder = DATA / "ctdc"
    print(f"CTDC ({folder}):")
    _import(
        "global 2020 subset",
        ctdc.read_global,
        folder / "ctdc_global_2020_subset.csv",
        _by_citizenship,
    )
    _import(
        "VP synthetic",
        ctdc.read_vp_synthetic,
        folder / "CTDC_VPsynthetic_condensed.csv",
        _by_region,
    )


def _import(name: str, read: Callable, path: Path, aggregate: Callable) -> None:
    began = time.perf_counter()
    report = read(path)
    read_s = time.perf_counter() - began
    began = time.perf_counter()
    found = aggregate(report.records)
    aggregate_s = time.perf_counter() - began
    total = read_s + aggregate_s
    print(
        f"  {name:20} {report.rows:7,} rows ({len(report.refused):,} refused): "
        f"read {read_s:.2f} s, aggregate {aggregate_s:.3f} s, total {total:.2f} s, "
        f"{report.rows / total:,.0f} rows/s (goal: under 10 s)"
    )
    for key, n in sorted(found.items(), key=str):
        print(f"    {' / '.join(map(str, key)):40} {n:7,}")


def _by_citizenship(records: Any) -> Counter:
    """Victims by citizenship (the four countries of origin this project serves) and form of
    exploitation: forced labour, sexual exploitation (None: not recorded)."""
    return Counter(
        (r.citizenship, f"forced labour {r.forced_labour}", f"sexual {r.sexual_exploitation}")
        for r in records
        if r.citizenship in SOUTHEAST
    )


def _by_region(records: Any) -> Counter:
    """The same for the synthetic data, which gives only the UN region of citizenship."""
    return Counter(
        (
            r.citizenship_region,
            f"forced labour {r.forced_labour}",
            f"sexual {r.sexual_exploitation}",
        )
        for r in records
        if r.citizenship_region == "Asia"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="fact rows to generate")
    parser.add_argument("--quick", action="store_true", help=f"{BASELINE_ROWS:,} rows")
    parser.add_argument("--threads", type=int, default=1, help="DuckDB threads (goal: 1)")
    args = parser.parse_args()
    rows = BASELINE_ROWS if args.quick else args.rows
    began = time.perf_counter()
    table = fact_table(rows)
    cases = pc.count_distinct(table.column("case_key")).as_py()
    print(f"generated {rows:,} fact rows ({cases:,} cases) in {time.perf_counter() - began:.2f} s")
    began = time.perf_counter()
    table = with_bits(table, sorted(LIST_COLUMNS))  # made again, to time them
    masks = time.perf_counter() - began
    print(
        f"  the lists' masks, made again to time them: {masks:.2f} s (a part of building "
        "the table, not of a release)"
    )
    check(table)
    dashboard_runs(table, args.threads)
    plain_counts(table, args.threads)
    per_table(table, args.threads)
    baseline(table.slice(0, BASELINE_ROWS))
    ctdc_imports()


if __name__ == "__main__":
    main()
