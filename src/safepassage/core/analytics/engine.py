"""The engine that counts releases: DuckDB, in-process, over the fact table handed to it as
Arrow columns (no extension, no download, the same on SQLite and PostgreSQL deployments; see
docs/analytics-engine.md for why DuckDB and not a dataframe library).

A release counts each case once, through the job its determination rests on: the worst (then
the latest) of its jobs, marked `main` when the table is built. One row per case keeps what
one case can change in a table small and known in advance, which is what the noise is
calibrated to (see `noise`); the fact table keeps every job.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..screening.determination import Level
from .facts import CRIMINAL_JUSTICE, FactRow

SEP = "|"  # between the parts of a row's key ("TH|fishing")
OTHER = "other"
LIST_COLUMNS = frozenset(
    {"stages", "indicators", "violations", "referrals", "outcomes", "funnel", "forms"}
)
BOOL_COLUMNS = frozenset({"forced_labour", "criminal_justice"})
RANK = {level.code: int(level) for level in Level}
LABOUR_REMEDIES = frozenset(
    {
        "wage_or_compensation_claim",
        "labour_court",
        "labour_inspection_complaint",
        "mediation",
        "recruitment_agency_complaint",
        "recruitment_fee_reimbursement",
        "supply_chain_grievance",
        "union_or_migrant_network",
    }
)
REMEDIES = ("wages_recovered", "compensation", "fees_reimbursed", "documents_returned")
FUNNEL = (
    "contacted",
    "screened",
    "rights_violated",
    "exploited",
    "forced_labour",
    "trafficking_indicated",
    "referred",
    "referred_labour",
    "referred_protection",
    "criminal_justice",
    "remedy_obtained",
    "wages_recovered",
    "documents_returned",
    "repatriated",
)


def funnel(row: FactRow) -> tuple[str, ...]:
    """The steps of the identification funnel the case reached (each counts the case once)."""
    rank = RANK.get(row.level, 0)
    remedies = set(row.outcomes) & set(REMEDIES)
    reached = {
        "contacted": True,
        "screened": rank > 0,
        "rights_violated": rank >= Level.LABOUR_RIGHTS_VIOLATION,
        "exploited": rank >= Level.LABOUR_EXPLOITATION,
        "forced_labour": rank >= Level.FORCED_LABOUR,
        "trafficking_indicated": row.trafficking == "yes",
        "referred": bool(row.referrals),
        "referred_labour": bool(set(row.referrals) & LABOUR_REMEDIES),
        "referred_protection": bool(set(row.referrals) - LABOUR_REMEDIES - CRIMINAL_JUSTICE),
        "criminal_justice": row.criminal_justice,
        "remedy_obtained": bool(remedies) or "repatriated" in row.outcomes,
        "wages_recovered": "wages_recovered" in row.outcomes,
        "documents_returned": "documents_returned" in row.outcomes,
        "repatriated": "repatriated" in row.outcomes,
    }
    return tuple(step for step in FUNNEL if reached[step])


def _period(month: str) -> tuple[str, str]:
    if not month:
        return "", ""
    year, number = month.split("-")
    return year, f"{year}-Q{(int(number) - 1) // 3 + 1}"


def arrow_table(facts: Iterable[FactRow]) -> pa.Table:
    """The facts as Arrow columns, with what the release derives from them: the year and
    quarter of the report, the funnel steps, the level's rank, and `main`: whether the row is
    the job its case is counted through (the worst, then the latest)."""
    columns: dict[str, list[Any]] = defaultdict(list)
    names = [name for name in FactRow.model_fields if name != "case"]
    best: dict[str, tuple[int, int, int]] = {}  # case: (rank, job, row index)
    for index, row in enumerate(facts):
        columns["case_key"].append(row.case)
        for name in names:
            value = getattr(row, name)
            columns[name].append(list(value) if isinstance(value, tuple) else value)
        year, quarter = _period(row.month)
        columns["year"].append(year)
        columns["quarter"].append(quarter)
        columns["funnel"].append(list(funnel(row)))
        rank = RANK.get(row.level, 0)
        columns["rank"].append(rank)
        if row.case not in best or (rank, row.job) > best[row.case][:2]:
            best[row.case] = (rank, row.job, index)
    if not columns:
        return _empty()
    chosen = {index for _, _, index in best.values()}
    columns["main"] = [i in chosen for i in range(len(columns["case_key"]))]
    return pa.table(dict(columns))


def _empty() -> pa.Table:
    fields = [("case_key", pa.string())]
    for name, info in FactRow.model_fields.items():
        if name == "case":
            continue
        kind = (
            pa.list_(pa.string())
            if name in LIST_COLUMNS
            else pa.int64()
            if name == "job"
            else pa.bool_()
            if info.annotation in (bool, "bool")
            else pa.string()
        )
        fields.append((name, kind))
    fields += [("year", pa.string()), ("quarter", pa.string()), ("funnel", pa.list_(pa.string()))]
    fields += [("rank", pa.int64()), ("main", pa.bool_())]
    return pa.schema(fields).empty_table()


@dataclass
class Counts:
    """Cases per cell and per total of a two-way table, before suppression."""

    rows: list[str]
    cols: list[str]
    cells: dict[tuple[str, str], int]
    row_totals: dict[str, int]
    col_totals: dict[str, int]
    total: int
    folded: dict[str, list[str]] = field(default_factory=dict)  # what was counted as "other"


Raw = dict[tuple[str, ...], int]


class Engine:
    """One DuckDB connection over one fact table; `count` runs a release's queries on it.

    Each case is one row (its `main` job), so counts add up: a table is two GROUP BYs (cases
    by row values; by row values and column value), folded into "other" in Python from those
    small results, plus, for a multi-valued column with rare values, the cases with any."""

    def __init__(self, table: pa.Table) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET enable_progress_bar = false")
        self.con.register("facts", table)

    def close(self) -> None:
        self.con.close()

    def count(
        self,
        by: Sequence[str],
        across: str,
        k: int,
        cap: int = 1,
        where: Mapping[str, str] | None = None,
        folded: Mapping[str, Sequence[str]] | None = None,
    ) -> Counts:
        """Cases by the parts of `by` (joined into one row key) and `across`. Values of fewer
        than k cases are counted as "other", part by part (a rare sector of a country becomes
        that country's "other"); `folded` imposes the folding of an earlier count instead. A
        multi-valued `across` keeps at most `cap` values per case (in sorted order)."""
        parts = ", ".join(f"{_scalar(name)} AS p{i}" for i, name in enumerate(by))
        conditions = " AND ".join(["main", *(f"{_scalar(name)} = ?" for name in where or {})])
        params = list((where or {}).values())
        rows = self._raw(
            f"SELECT {parts}, count(*) FROM facts WHERE {conditions} GROUP BY ALL", params
        )
        values = _values_sql(across, cap)
        plain = ", ".join(f"p{i}" for i in range(len(by)))
        cells = self._raw(
            f"SELECT {plain}, c, count(*) FROM (SELECT {parts}, unnest({values}) AS c "
            f"FROM facts WHERE {conditions}) GROUP BY ALL"
            if across in LIST_COLUMNS
            else f"SELECT {parts}, {values} AS c, count(*) FROM facts WHERE {conditions} "
            "GROUP BY ALL",
            params,
        )
        fold = (
            _fold(rows, cells, len(by), k)
            if folded is None
            else {key: list(found) for key, found in folded.items()}
        )
        rare = fold.get("c", [])
        any_rare: Raw = {}
        if across in LIST_COLUMNS and rare:
            any_rare = self._raw(
                f"SELECT {parts}, count(*) FROM facts WHERE {conditions} "
                f"AND list_has_any({values}, ?) GROUP BY ALL",
                [*params, rare],
            )
        return _assemble(rows, cells, any_rare, fold, across in LIST_COLUMNS)

    def _raw(self, sql: str, params: list[Any]) -> Raw:
        return {tuple(r[:-1]): int(r[-1]) for r in self.con.execute(sql, params).fetchall()}


def _values_sql(across: str, cap: int) -> str:
    if across in LIST_COLUMNS:
        return (
            f"(CASE WHEN len({across}) = 0 THEN ['none'] "
            f"ELSE list_slice(list_sort({across}), 1, {int(cap)}) END)"
        )
    return _scalar(across)


def _fold(rows: Raw, cells: Raw, width: int, k: int) -> dict[str, list[str]]:
    """The row key prefixes (part by part, each part after the earlier ones are folded) and
    the column values of fewer than k cases. Counts add up: one row per case."""
    fold: dict[str, list[str]] = {}
    keys = {raw: list(raw) for raw in rows}
    for i in range(width):
        prefixes: Counter[tuple[str, ...]] = Counter()
        for raw, n in rows.items():
            prefixes[tuple(keys[raw][: i + 1])] += n
        rare = {prefix for prefix, n in prefixes.items() if n < k}
        fold[f"p{i}"] = sorted(SEP.join(prefix) for prefix in rare)
        for key in keys.values():
            if tuple(key[: i + 1]) in rare:
                key[i] = OTHER
    columns: Counter[str] = Counter()
    for raw, n in cells.items():
        columns[raw[-1]] += n
    fold["c"] = sorted(c for c, n in columns.items() if n < k)
    return fold


def _row_key(raw: tuple[str, ...], fold: Mapping[str, Sequence[str]]) -> str:
    key = list(raw)
    for i in range(len(key)):
        if SEP.join(key[: i + 1]) in fold.get(f"p{i}", ()):
            key[i] = OTHER
    return SEP.join(key)


def _assemble(
    rows: Raw, cells: Raw, any_rare: Raw, fold: dict[str, list[str]], multi: bool
) -> Counts:
    rare = set(fold.get("c", []))
    keyed = {raw: _row_key(raw, fold) for raw in rows}
    found: Counter[tuple[str, str]] = Counter()
    for raw, n in cells.items():
        column = raw[-1]
        if column in rare and multi:
            continue  # counted once per case below, not once per rare value
        found[(keyed[raw[:-1]], OTHER if column in rare else column)] += n
    for raw, n in any_rare.items():
        found[(keyed[raw], OTHER)] += n
    row_totals: Counter[str] = Counter()
    for raw, n in rows.items():
        row_totals[keyed[raw]] += n
    col_totals: Counter[str] = Counter()
    for (_, column), n in found.items():
        col_totals[column] += n
    return Counts(
        rows=sorted(row_totals), cols=sorted(col_totals), cells=dict(found),
        row_totals=dict(row_totals), col_totals=dict(col_totals),
        total=sum(rows.values()), folded=fold,
    )  # fmt: skip


def _scalar(name: str) -> str:
    if name in BOOL_COLUMNS:
        return f"(CASE WHEN {name} THEN 'yes' ELSE 'no' END)"
    return f"(CASE WHEN {name} IS NULL OR {name} IN ('', 'unknown') THEN 'unknown' ELSE {name} END)"


def _counts(found: list[tuple[Any, ...]], fold: dict[str, list[str]]) -> Counts:
    cells: dict[tuple[str, str], int] = {}
    rows: dict[str, int] = {}
    cols: dict[str, int] = {}
    total = 0
    for r, c, n in found:
        if r is not None and c is not None:
            cells[(r, c)] = int(n)
        elif r is not None:
            rows[r] = int(n)
        elif c is not None:
            cols[c] = int(n)
        else:
            total = int(n)
    return Counts(sorted(rows), sorted(cols), cells, rows, cols, total, fold)
