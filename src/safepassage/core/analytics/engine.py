"""The engine that counts releases: DuckDB, in-process, over the fact table handed to it as
Arrow columns (no extension, no download, the same on SQLite and PostgreSQL deployments; see
docs/analytics-engine.md for why DuckDB and not a dataframe library).

A release counts each case once, through the job its determination rests on: the worst (then
the latest) of its jobs. One row per case keeps what one case can change in a table small and
known in advance, which is what the noise is calibrated to (see `noise`); the fact table keeps
every job.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..screening.determination import Level
from .facts import CRIMINAL_JUSTICE, FactRow

SEP = "|"  # between the parts of a row's key ("TH|fishing")
OTHER = "other"
LIST_COLUMNS = frozenset({"stages", "indicators", "violations", "referrals", "outcomes", "funnel"})
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
    quarter of the report, the funnel steps, and the level's rank (to pick each case's job)."""
    columns: dict[str, list[Any]] = defaultdict(list)
    names = [name for name in FactRow.model_fields if name != "case"]
    for row in facts:
        columns["case_key"].append(row.case)
        for name in names:
            value = getattr(row, name)
            columns[name].append(list(value) if isinstance(value, tuple) else value)
        year, quarter = _period(row.month)
        columns["year"].append(year)
        columns["quarter"].append(quarter)
        columns["funnel"].append(list(funnel(row)))
        columns["rank"].append(RANK.get(row.level, 0))
    if not columns:
        return _empty()
    return pa.table(dict(columns))


def _empty() -> pa.Table:
    fields = [("case_key", pa.string()), ("job", pa.int64()), ("rank", pa.int64())]
    for name, info in FactRow.model_fields.items():
        if name in ("case", "job"):
            continue
        kind = (
            pa.list_(pa.string())
            if name in LIST_COLUMNS
            else pa.bool_()
            if info.annotation in (bool, "bool")
            else pa.string()
        )
        fields.append((name, kind))
    fields += [("year", pa.string()), ("quarter", pa.string()), ("funnel", pa.list_(pa.string()))]
    return pa.schema(fields).empty_table()


@dataclass
class Counts:
    """Distinct cases per cell and per total of a two-way table, before suppression."""

    rows: list[str]
    cols: list[str]
    cells: dict[tuple[str, str], int]
    row_totals: dict[str, int]
    col_totals: dict[str, int]
    total: int
    folded: dict[str, list[str]] = field(default_factory=dict)  # what was counted as "other"


class Engine:
    """One DuckDB connection over one fact table; `count` runs a release's queries on it."""

    def __init__(self, table: pa.Table) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.register("facts_all", table)
        self.con.execute(
            "CREATE TEMP VIEW facts AS SELECT * FROM facts_all QUALIFY row_number() OVER "
            "(PARTITION BY case_key ORDER BY rank DESC, job DESC) = 1"
        )

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
        base, params = self._base(by, across, cap, where or {})
        width = len(by)
        fold = (
            {key: list(values) for key, values in folded.items()}
            if folded is not None
            else self._fold(base, params, width, k)
        )
        keys = ", ".join(f"p{i}" for i in range(width))
        keyed = (
            f"SELECT k, concat_ws('{SEP}', {keys}) AS r, "
            f"CASE WHEN list_contains(?, c) THEN '{OTHER}' ELSE c END AS c "
            f"FROM ({_folding(base, width)})"
        )
        sql = (
            f"SELECT r, c, count(DISTINCT k) FROM ({keyed}) "
            "GROUP BY GROUPING SETS ((r, c), (r), (c), ())"
        )
        values = [list(fold.get("c", [])), *_fold_params(fold, width), *params]
        return _counts(self.con.execute(sql, values).fetchall(), fold)

    def _base(
        self, by: Sequence[str], across: str, cap: int, where: Mapping[str, str]
    ) -> tuple[str, list[Any]]:
        parts = ", ".join(f"{_scalar(name)} AS p{i}" for i, name in enumerate(by))
        if across in LIST_COLUMNS:
            values = (
                f"CASE WHEN len({across}) = 0 THEN ['none'] "
                f"ELSE list_slice(list_sort({across}), 1, {int(cap)}) END"
            )
            column = f"unnest({values})"
        else:
            column = _scalar(across)
        conditions = " AND ".join(f"{_scalar(name)} = ?" for name in where) or "TRUE"
        sql = f"SELECT case_key AS k, {parts}, {column} AS c FROM facts WHERE {conditions}"
        return sql, list(where.values())

    def _fold(self, base: str, params: list[Any], width: int, k: int) -> dict[str, list[str]]:
        """The values (row key prefixes, part by part, and columns) of fewer than k cases."""
        fold: dict[str, list[str]] = {}
        for i in range(width):
            prefix = ", ".join(f"p{j}" for j in range(i + 1))
            sql = (
                f"SELECT concat_ws('{SEP}', {prefix}) AS key FROM ({_folding(base, i)}) "
                "GROUP BY key HAVING count(DISTINCT k) < ?"
            )
            values = [*_fold_params(fold, i), *params, k]
            fold[f"p{i}"] = sorted(r[0] for r in self.con.execute(sql, values).fetchall())
        sql = f"SELECT c FROM ({base}) GROUP BY c HAVING count(DISTINCT k) < ?"
        fold["c"] = sorted(r[0] for r in self.con.execute(sql, [*params, k]).fetchall())
        return fold


def _folding(base: str, width: int) -> str:
    """`base` with its parts 0 to width-1 folded in turn: part i becomes "other" where its
    prefix (the parts before it, folded already, and it) is rare."""
    sql = base
    for i in range(width):
        prefix = ", ".join(f"p{j}" for j in range(i + 1))
        sql = (
            f"SELECT * REPLACE (CASE WHEN list_contains(?, concat_ws('{SEP}', {prefix})) "
            f"THEN '{OTHER}' ELSE p{i} END AS p{i}) FROM ({sql})"
        )
    return sql


def _fold_params(fold: Mapping[str, Sequence[str]], width: int) -> list[Any]:
    """The parameters of `_folding(base, width)`: the outermost (last part) comes first."""
    return [list(fold.get(f"p{i}", [])) for i in reversed(range(width))]


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
