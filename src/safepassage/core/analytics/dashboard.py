"""A release: the tables the analysts' pages, exports and the CLI show, computed once from the
fact table, suppressed and (unless the organisation turned it off) with noise.

Privacy, in order:
1. counts are of cases, each through one job (see `engine`);
2. values of fewer than k cases are counted as "other";
3. every count of fewer than k cases is suppressed, with complementary suppression; a total
   two tables share (the same row, column or grand total) is hidden in both if one hides it,
   so that neither table's equations recover what the other hides;
4. noise: each table's independent counts get OpenDP's discrete Laplace noise, one scale for
   the whole release, calibrated to what one case can change (`sensitivity`); the other
   totals are sums of noisy counts. Published numbers are at least k (a noisy count under k
   is shown as k: a choice made on noisy numbers only, which costs no privacy).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from .engine import FUNNEL, LIST_COLUMNS, Counts, Engine, Request, arrow_table
from .facts import FactRow
from .noise import epsilon, noisy, scale_for
from .suppression import Place, Table, suppress

DEFAULT_K = 11
DEFAULT_BUDGET = 10.0  # epsilon per release; see docs/analytics-privacy.md for the choice


@dataclass(frozen=True)
class TableSpec:
    id: str
    by: tuple[str, ...]
    across: str
    cap: int = 1  # the values one case may have in a multi-valued `across`

    @property
    def multi(self) -> bool:
        return self.across in LIST_COLUMNS

    @property
    def sensitivity(self) -> int:
        """How much one case can change the noisy counts in all (L1): one cell of its row in
        a one-valued table (the totals are sums); up to `cap` cells and its row's total in a
        multi-valued one (there a total is of cases, not the sum of its cells)."""
        return self.cap + 1 if self.multi else 1


# A multi-valued column keeps every value a case can have: a case is never cut short (cutting
# dropped the worst cases' indicators). A web test checks these against the codes' labels.
INDICATORS = 11  # the ILO indicators of forced labour
VIOLATIONS = 12  # the labour-law violations screening can find
OUTCOMES = 8  # the outcomes a referral can record
TABLES = (
    TableSpec("level_by_place", ("country", "sector"), "level"),
    TableSpec("stages_by_place", ("country", "sector"), "stages", cap=4),
    TableSpec("indicators_by_sector", ("country", "sector"), "indicators", cap=INDICATORS),
    TableSpec("violations_by_sector", ("country", "sector"), "violations", cap=VIOLATIONS),
    TableSpec("indicators_by_province", ("country", "province"), "indicators", cap=INDICATORS),
    TableSpec("violations_by_province", ("country", "province"), "violations", cap=VIOLATIONS),
    TableSpec("channel_by_level", ("country", "channel"), "level"),
    TableSpec("fees_by_level", ("country", "fees"), "level"),
    TableSpec("channel_by_outcome", ("country", "channel"), "outcomes", cap=OUTCOMES),
    # The systemic drivers: exploitation where the recruiter recurs across cases (issue 16).
    TableSpec("repeat_recruiter_by_level", ("country", "repeat_recruiter"), "level"),
    TableSpec("level_over_time", ("country", "quarter"), "level"),
    TableSpec("funnel", ("country", "year"), "funnel", cap=len(FUNNEL)),
    # Beside CTDC's: the forms of exploitation by the nationality of the people counted.
    TableSpec("forms_by_origin", ("origin",), "forms", cap=2),
)
SPECS = {spec.id: spec for spec in TABLES}
# Without noise, only tables that cannot be combined to work out a hidden count: the same rows
# (their shared totals hidden together), different columns. Tables with other rows under the
# same countries would share each country's subtotals (a country's fishing cases by level,
# summed one way in one table and another way in the next) and give hidden counts away.
EXACT = tuple(s for s in TABLES if s.by == ("country", "sector"))


class ReleasedTable(BaseModel):
    """One table as published: None where a count is suppressed."""

    model_config = ConfigDict(frozen=True)

    id: str
    by: tuple[str, ...]
    across: str
    rows: tuple[str, ...]  # row keys, their parts joined by "|"
    cols: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    col_totals: tuple[int | None, ...]
    total: int | None
    multi: bool  # a case may count in several columns: a total is not the sum of its cells
    sensitivity: int
    epsilon: float

    def published(self) -> list[int]:
        values = [v for row in self.cells for v in row]
        values += [*self.row_totals, *self.col_totals, self.total]
        return [v for v in values if v is not None]


class NoisyTable(BaseModel):
    """A table's noisy counts, every one, the suppressed included: what a network instance
    merges with other organisations' (see `network`). Never shown: the noise alone protects
    these, which is why a release without noise has none."""

    model_config = ConfigDict(frozen=True)

    id: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]  # noisy of their own in a multi-valued table, else sums


class ReleaseData(BaseModel):
    model_config = ConfigDict(frozen=True)

    k: int
    noise: bool
    scale: float | None
    epsilon: float  # the privacy loss of the whole release (0 without noise)
    tables: tuple[ReleasedTable, ...]
    network: tuple[NoisyTable, ...] = ()  # with noise only; for the network, never shown

    def table(self, table_id: str) -> ReleasedTable:
        return next(t for t in self.tables if t.id == table_id)

    def find(self, table_id: str) -> ReleasedTable | None:
        """The table, or None in a release made before it existed."""
        return next((t for t in self.tables if t.id == table_id), None)


def release_build(
    facts: Iterable[FactRow],
    *,
    k: int = DEFAULT_K,
    budget: float | None = DEFAULT_BUDGET,
    specs: Sequence[TableSpec] | None = None,
) -> ReleaseData:
    """The release of `facts`: with noise spending `budget` (epsilon) in all, or none. The
    tables are `TABLES` with noise, and without it only those that cannot be combined to work
    out a hidden count (`EXACT`), unless `specs` names others (tests measure them so)."""
    if specs is None:
        specs = TABLES if budget else EXACT
    engine = Engine(arrow_table(facts))
    try:
        counts = count_specs(engine, specs, k)
    finally:
        engine.close()
    tables = suppress_together(specs, counts, k)
    scale = scale_for([s.sensitivity for s in specs], budget) if budget else None
    return assemble(specs, counts, tables, k, scale)


def assemble(
    specs: Sequence[TableSpec],
    counts: dict[str, Counts],
    tables: dict[str, Table],
    k: int,
    scale: float | None,
) -> ReleaseData:
    """The release from the tables' true counts and their suppression, with noise of `scale`
    (None: exact counts, and nothing for the network)."""
    noisy_counts = {s.id: _noisy(s, counts[s.id], scale) for s in specs} if scale else {}
    released = [
        _released(spec, noisy_counts.get(spec.id, counts[spec.id]), tables[spec.id], k, scale)
        for spec in specs
    ]
    return ReleaseData(
        k=k,
        noise=scale is not None,
        scale=scale,
        epsilon=sum(t.epsilon for t in released),
        tables=released,
        network=[_for_network(s.id, noisy_counts[s.id]) for s in specs if s.id in noisy_counts],
    )


def count_specs(engine: Engine, specs: Sequence[TableSpec], k: int) -> dict[str, Counts]:
    """Every table's counts, from the few scans `Engine.count_many` shares between them."""
    requests = [Request(spec.by, spec.across, spec.cap) for spec in specs]
    found = engine.count_many(requests, k)
    return {spec.id: counts for spec, counts in zip(specs, found, strict=True)}


def totals_of(counts: Counts) -> dict[Place, int]:
    found: dict[Place, int] = {("all",): counts.total}
    found.update({("row", r): n for r, n in counts.row_totals.items()})
    found.update({("col", c): n for c, n in counts.col_totals.items()})
    return found


def suppress_together(
    specs: Sequence[TableSpec], counts: dict[str, Counts], k: int
) -> dict[str, Table]:
    """Each table suppressed, with the totals tables share hidden in all that hold them once
    one hides them (repeated until no table hides a shared total another publishes)."""
    shared: set[tuple[str, ...]] = set()
    while True:
        tables = {
            spec.id: suppress(
                counts[spec.id].cells,
                counts[spec.id].rows,
                counts[spec.id].cols,
                k,
                totals_of(counts[spec.id]),
                hidden=[_local(key, spec) for key in shared if _local(key, spec)],
                multi=spec.multi,
            )
            for spec in specs
        }
        found = {key for spec in specs for key in _hidden_totals(spec, tables[spec.id])}
        if found <= shared:
            return tables
        shared |= found


def _hidden_totals(spec: TableSpec, table: Table) -> set[tuple[str, ...]]:
    """The table's hidden totals, named as every table with the same rows or columns names
    them: ("row", by..., key), ("col", across, value), ("all",)."""
    found: set[tuple[str, ...]] = set()
    found |= {("row", *spec.by, r) for r, v in table.row_totals.items() if v is None}
    found |= {("col", spec.across, c) for c, v in table.col_totals.items() if v is None}
    return found | ({("all",)} if table.total is None else set())


def _local(key: tuple[str, ...], spec: TableSpec) -> Place:
    """A shared total's place in this table, or () if the table has no such total."""
    if key == ("all",):
        return key
    if key[0] == "row" and tuple(key[1:-1]) == spec.by:
        return ("row", key[-1])
    if key[0] == "col" and key[1] == spec.across:
        return ("col", key[2])
    return ()


def _noisy(spec: TableSpec, counts: Counts, scale: float) -> Counts:
    """The table's counts with noise: every cell (zeros and the suppressed too), the row
    totals of a multi-valued table; the other totals are sums of noisy counts."""
    rows, cols = counts.rows, counts.cols
    keys = [(r, c) for r in rows for c in cols]
    values = noisy([counts.cells.get(key, 0) for key in keys], scale)
    cells = dict(zip(keys, values, strict=True))
    if spec.multi:
        row_totals = dict(
            zip(rows, noisy([counts.row_totals[r] for r in rows], scale), strict=True)
        )
    else:
        row_totals = {r: sum(cells[(r, c)] for c in cols) for r in rows}
    col_totals = {c: sum(cells[(r, c)] for r in rows) for c in cols}
    return Counts(rows, cols, cells, row_totals, col_totals, sum(row_totals.values()))


def _for_network(table_id: str, counts: Counts) -> NoisyTable:
    return NoisyTable(
        id=table_id,
        rows=tuple(counts.rows),
        cols=tuple(counts.cols),
        cells=tuple(tuple(counts.cells[(r, c)] for c in counts.cols) for r in counts.rows),
        row_totals=tuple(counts.row_totals[r] for r in counts.rows),
    )


def released_table(spec: TableSpec, shown: Counts, table: Table, k: int) -> ReleasedTable:
    """`shown`'s counts where `table` (the suppression) publishes one, at least k."""
    return _released(spec, shown, table, k, None)


def _released(
    spec: TableSpec, shown: Counts, table: Table, k: int, scale: float | None
) -> ReleasedTable:
    """The published table: `shown` (true counts, or noisy ones) where the suppression of the
    true counts (`table`) publishes a count, raised to k where noise took it below."""
    rows, cols = shown.rows, shown.cols
    cells = {(r, c): shown.cells.get((r, c), 0) for r in rows for c in cols}

    def published(value: int, allowed: int | None) -> int | None:
        return None if allowed is None else max(k, value)

    return ReleasedTable(
        id=spec.id,
        by=spec.by,
        across=spec.across,
        rows=tuple(rows),
        cols=tuple(cols),
        cells=tuple(
            tuple(published(cells[(r, c)], table.cells[(r, c)]) for c in cols) for r in rows
        ),
        row_totals=tuple(published(shown.row_totals[r], table.row_totals[r]) for r in rows),
        col_totals=tuple(published(shown.col_totals[c], table.col_totals[c]) for c in cols),
        total=published(shown.total, table.total),
        multi=spec.multi,
        sensitivity=spec.sensitivity,
        epsilon=epsilon(spec.sensitivity, scale) if scale is not None else 0.0,
    )
