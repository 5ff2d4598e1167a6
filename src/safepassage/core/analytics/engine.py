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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ..screening.determination import Level
from .bits import SUFFIX, values_of, with_bits
from .facts import CRIMINAL_JUSTICE, FactRow

SEP = "|"  # between the parts of a row's key ("TH|fishing")
OTHER = "other"
LIST_COLUMNS = frozenset(
    {"stages", "indicators", "violations", "referrals", "outcomes", "funnel", "forms"}
)
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
    if month in ("", "unknown"):
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
            columns[name].append(_stored(getattr(row, name)))
        year, quarter = _period(row.month)
        columns["year"].append(_stored(year))
        columns["quarter"].append(_stored(quarter))
        columns["funnel"].append(list(funnel(row)))
        rank = RANK.get(row.level, 0)
        columns["rank"].append(rank)
        if row.case not in best or (rank, row.job) > best[row.case][:2]:
            best[row.case] = (rank, row.job, index)
    if not columns:
        return _empty()
    chosen = {index for _, _, index in best.values()}
    columns["main"] = [i in chosen for i in range(len(columns["case_key"]))]
    return with_bits(_encoded(pa.table(dict(columns))), sorted(LIST_COLUMNS))


def _stored(value: Any) -> Any:
    """A value as the table holds it: a list for a tuple, "yes"/"no" for a flag, "unknown"
    for an empty text (so that grouping needs no CASE per row)."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and not value:
        return "unknown"
    return value


def _empty() -> pa.Table:
    fields = [("case_key", pa.string())]
    for name in FactRow.model_fields:
        if name == "case":
            continue
        kind = (
            pa.list_(pa.string())
            if name in LIST_COLUMNS
            else pa.int64()
            if name == "job"
            else pa.string()
        )
        fields.append((name, kind))
    fields += [("year", pa.string()), ("quarter", pa.string()), ("funnel", pa.list_(pa.string()))]
    fields += [("rank", pa.int64()), ("main", pa.bool_())]
    return with_bits(_encoded(pa.schema(fields).empty_table()), sorted(LIST_COLUMNS))


def _encoded(table: pa.Table) -> pa.Table:
    """Each one-valued text column dictionary-encoded (a case's key excepted): a few dozen
    values over a million rows, which DuckDB groups about 15% faster than plain text."""
    for i, name in enumerate(table.column_names):
        column = table.column(i)
        if name != "case_key" and pa.types.is_string(column.type):
            table = table.set_column(i, name, pc.dictionary_encode(column))
    return table


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
Empty = dict[tuple[tuple[str, ...], str], Raw]  # (by, list column): cases with an empty list


class Engine:
    """One DuckDB connection over one fact table; `count` runs a release's queries on it.

    Each case is one row (its `main` job), so counts add up: a table is two GROUP BYs (cases
    by row values; by row values and column value), folded into "other" in Python from those
    small results, plus, for a multi-valued column with rare values, the cases with any. A
    multi-valued column with a mask (`bits`) is counted in one GROUP BY that sums its bits."""

    def __init__(self, table: pa.Table) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET enable_progress_bar = false")
        self.con.register("facts", table)
        self.bits = {
            name: values
            for name in sorted(LIST_COLUMNS)
            if (values := values_of(table.schema, name)) is not None
        }

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
        multi-valued `across` keeps at most `cap` values per case (its first, in order)."""
        request = Request(tuple(by), across, cap)
        return self.count_many([request], k, where, {request: folded} if folded else None)[0]

    def count_many(
        self,
        requests: Sequence[Request],
        k: int,
        where: Mapping[str, str] | None = None,
        folded: Mapping[Request, Mapping[str, Sequence[str]]] | None = None,
    ) -> list[Counts]:
        """`count` for many tables at once: one scan for the one-valued columns, one per
        multi-valued column (GROUPING SETS; summing its mask's bits where it has one, else
        unnested, with one more scan for those tables' rows), then each table folded and
        assembled from those small results."""
        scan = _Scan(self.con, where or {}, self.bits)
        rows, empty = scan.rows(requests)
        cells = scan.cells(requests, empty)
        scan.masked(requests, rows, cells)
        scan.add_rows(requests, rows, cells)
        found = []
        for request in requests:
            imposed = (folded or {}).get(request)
            fold = (
                {key: list(values) for key, values in imposed.items()}
                if imposed is not None
                else _fold(rows[request.by], cells[request], len(request.by), k)
            )
            multi = request.across in LIST_COLUMNS
            any_rare = scan.any_rare(request, fold["c"]) if multi and fold["c"] else {}
            found.append(_assemble(rows[request.by], cells[request], any_rare, fold, multi))
        return found


@dataclass(frozen=True)
class Request:
    by: tuple[str, ...]
    across: str
    cap: int = 1


class _Scan:
    """The queries of `count_many` over the cases (their main jobs) that `where` keeps."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        where: Mapping[str, str],
        bits: Mapping[str, list[str]],
    ) -> None:
        self.con = con
        self.where = " AND ".join(["main", *(f"{_scalar(n)} = ?" for n in where)])
        self.params = list(where.values())
        self.bits = bits

    def by_mask(self, request: Request) -> bool:
        """Whether the request's column is counted from its mask: it has one, and the count
        keeps every value a case can have (a case's list holds each value once)."""
        values = self.bits.get(request.across)
        return values is not None and request.cap >= len(values)

    def _grouped(
        self, sql_from: str, sets: Sequence[tuple[str, ...]], count: str = "count(*)"
    ) -> list[Any]:
        """Rows of `SELECT <every column of the sets>, <count>` grouped by each set, each
        row with the set it belongs to (a column outside the set reads NULL; no value is NULL:
        unknowns are "unknown")."""
        columns = list(dict.fromkeys(c for group in sets for c in group))
        grouping = ", ".join("(" + ", ".join(group) + ")" for group in sets)
        sql = (
            f"SELECT {', '.join(columns)}, {count} FROM {sql_from} "
            f"GROUP BY GROUPING SETS ({grouping})"
        )
        found = []
        for record in self.con.execute(sql, self.params).fetchall():
            present = frozenset(c for c, v in zip(columns, record, strict=False) if v is not None)
            found.append(
                (present, dict(zip(columns, record, strict=False)), record[len(columns) :])
            )
        return found

    def rows(self, requests: Sequence[Request]) -> tuple[dict[tuple[str, ...], Raw], Empty]:
        """Cases by the values of each `by` a multi-valued column without a mask is counted
        by, with the cases whose list is empty (counted as "none"). The other rows add up from
        a one-valued column's cells (`add_rows`) or come with a mask's counts (`masked`)."""
        listed = [r for r in requests if r.across in LIST_COLUMNS and not self.by_mask(r)]
        bys = list(dict.fromkeys(r.by for r in listed))
        lists = sorted({r.across for r in listed})
        found: dict[tuple[str, ...], Raw] = {by: {} for by in bys}
        empties: Empty = {}
        if not bys:
            return found, empties
        empty = "".join(f", count(*) FILTER (WHERE len({name}) = 0)" for name in lists)
        source = f"(SELECT * FROM facts WHERE {self.where})"
        for present, values, counts in self._grouped(source, bys, f"count(*){empty}"):
            by = next(b for b in bys if frozenset(b) == present)
            key = tuple(values[c] for c in by)
            found[by][key] = int(counts[0])
            for name, n in zip(lists, counts[1:], strict=True):
                if n:
                    empties.setdefault((by, name), {})[key] = int(n)
        return found, empties

    @staticmethod
    def add_rows(
        requests: Sequence[Request], rows: dict[tuple[str, ...], Raw], cells: dict[Request, Raw]
    ) -> None:
        """The rows of each `by` a one-valued column is counted by, not scanned: its cells add
        up to them (every case has exactly one value, unknown being "unknown")."""
        for request in requests:
            if request.across not in LIST_COLUMNS and request.by not in rows:
                summed: Counter[tuple[str, ...]] = Counter()
                for key, n in cells[request].items():
                    summed[key[:-1]] += n
                rows[request.by] = dict(summed)

    def cells(self, requests: Sequence[Request], empties: Empty) -> dict[Request, Raw]:
        found: dict[Request, Raw] = {r: {} for r in requests}
        scalar = [r for r in requests if r.across not in LIST_COLUMNS]
        if scalar:
            source = f"(SELECT * FROM facts WHERE {self.where})"
            self._fill(found, scalar, source, lambda r: r.across)
        unmasked = [r for r in requests if not self.by_mask(r)]
        for (name, cap), group in _by_list(unmasked).items():
            columns = ", ".join(dict.fromkeys(c for r in group for c in r.by))
            source = (
                f"(SELECT {columns}, unnest(list_slice({name}, 1, {int(cap)})) AS c "
                f"FROM facts WHERE {self.where})"
            )
            self._fill(found, group, source, lambda r: "c")
            for request in group:
                for key, n in empties.get((request.by, name), {}).items():
                    found[request][(*key, "none")] = n
        return found

    def _fill(self, found: dict[Request, Raw], group: Sequence[Request], source: str,
              column: Callable[[Request], str]) -> None:  # fmt: skip
        sets = {r: (*r.by, column(r)) for r in group}
        grouped = self._grouped(source, list(dict.fromkeys(sets.values())))
        for present, values, counts in grouped:
            for request, wanted in sets.items():
                if frozenset(wanted) == present:
                    key = tuple(values[c] for c in request.by)
                    found[request][(*key, values[column(request)])] = int(counts[0])

    def masked(
        self,
        requests: Sequence[Request],
        rows: dict[tuple[str, ...], Raw],
        cells: dict[Request, Raw],
    ) -> None:
        """Each masked column's cells, rows and empty lists, in one GROUP BY of its `by`s:
        a value's cases are the sum of its bit."""
        for name in sorted({r.across for r in requests if self.by_mask(r)}):
            group = [r for r in requests if r.across == name and self.by_mask(r)]
            values, mask = self.bits[name], f"{name}{SUFFIX}"
            sums = "".join(f", sum(({mask} >> {i}) & 1)::BIGINT" for i in range(len(values)))
            source = f"(SELECT * FROM facts WHERE {self.where})"
            count = f"count(*), count(*) FILTER (WHERE {mask} = 0){sums}"
            bys = list(dict.fromkeys(r.by for r in group))
            for by in bys:
                rows.setdefault(by, {})
            for present, found, counts in self._grouped(source, bys, count):
                by = next(b for b in bys if frozenset(b) == present)
                key = tuple(found[c] for c in by)
                rows[by][key] = int(counts[0])
                named = list(zip(["none", *values], counts[1:], strict=True))
                for request in (r for r in group if r.by == by):
                    cells[request].update({(*key, v): int(n) for v, n in named if n})

    def any_rare(self, request: Request, rare: Sequence[str]) -> Raw:
        """Cases of each row with any of the `rare` values (an empty list being "none"): each
        counts once in "other", however many rare values it has."""
        name, cap = request.across, int(request.cap)
        parts = ", ".join(request.by)
        if self.by_mask(request):
            return self._any_rare_masked(request, rare)
        none = f"(len({name}) = 0 AND list_contains(?, 'none')) OR " if "none" in rare else ""
        sql = (
            f"SELECT {parts}, count(*) FROM facts WHERE {self.where} AND "
            f"({none}list_has_any(list_slice({name}, 1, {cap}), ?)) GROUP BY ALL"
        )
        params = [*self.params, *([list(rare)] if none else []), list(rare)]
        return {tuple(r[:-1]): int(r[-1]) for r in self.con.execute(sql, params).fetchall()}

    def _any_rare_masked(self, request: Request, rare: Sequence[str]) -> Raw:
        values, mask = self.bits[request.across], f"{request.across}{SUFFIX}"
        bits = sum(1 << i for i, value in enumerate(values) if value in rare)
        none = f"{mask} = 0 OR " if "none" in rare else ""
        sql = (
            f"SELECT {', '.join(request.by)}, count(*) FROM facts WHERE {self.where} AND "
            f"({none}({mask} & {bits}::UBIGINT) != 0) GROUP BY ALL"
        )
        found = self.con.execute(sql, self.params).fetchall()
        return {tuple(r[:-1]): int(r[-1]) for r in found}


def _by_list(requests: Sequence[Request]) -> dict[tuple[str, int], list[Request]]:
    found: dict[tuple[str, int], list[Request]] = defaultdict(list)
    for request in requests:
        if request.across in LIST_COLUMNS:
            found[(request.across, request.cap)].append(request)
    return found


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
    """A column as queries read it: as stored, since `arrow_table` stores every unknown as
    "unknown" and yes/no as words (no CASE per row, which was most of a query's time)."""
    return name
