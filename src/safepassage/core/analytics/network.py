"""Beyond one organisation: organisations in a network send their releases' noisy counts
(never rows, never a case) to a network instance, which adds them up and publishes the sums
through the same privacy gate, so that a pattern too small to show in any one organisation's
cases can show across them.

Why noisy counts, the suppressed ones included: each organisation's noise protects every one
of its counts (see `noise`), so what it sends is safe to send; the local suppression is a
second guard for what its own pages show. Summed, five organisations' six fishing-boat cases
each become thirty, above k, and the network's release can show them. Whatever the network does
with noisy counts is post-processing: it spends no more of any organisation's budget. If each
organisation's cases were its own people, the merged release would protect each of them as
their organisation's release did (parallel composition: the largest epsilon). But a migrant
may be a client of two organisations, so the merged release records the sum of the
organisations' epsilons, the bound that holds whoever the people are. One package per
organisation: two of the same organisation would count its people twice.

What the sums cannot know: a value an organisation counted as "other" (fewer than k of its
cases) stays in its "other"; the network's row for that value holds the others' cases only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from .dashboard import SPECS, NoisyTable, ReleaseData, released_table, suppress_together
from .engine import Counts


class NoNoise(ValueError):
    """A release without noise has nothing that may leave the organisation."""


class NetworkPackage(BaseModel):
    """What one organisation sends: its release's noisy counts, and what they cost."""

    model_config = ConfigDict(frozen=True)

    organisation: str  # a name the network knows it by, not a case's
    release: str  # which of its releases ("12 of 2026-11-30"), so a merge can be traced
    k: int
    epsilon: float
    tables: tuple[NoisyTable, ...]


class SamePackages(ValueError):
    """Two packages of one organisation: its people would be counted twice."""


def network_package(data: ReleaseData, organisation: str, release: str = "") -> NetworkPackage:
    if not data.noise or not data.network:
        raise NoNoise(organisation)
    return NetworkPackage(
        organisation=organisation, release=release, k=data.k, epsilon=data.epsilon,
        tables=data.network,
    )  # fmt: skip


def network_merge(packages: Sequence[NetworkPackage], k: int) -> ReleaseData:
    """The network's release: each table that every package holds, its counts summed, then
    suppressed as any release is (primary and complementary, totals shared between tables)."""
    if not packages:
        raise ValueError("no package to merge")
    names = [p.organisation for p in packages]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise SamePackages(", ".join(twice))
    common = set.intersection(*({t.id for t in p.tables} for p in packages))
    specs = [SPECS[table_id] for table_id in SPECS if table_id in common]
    counts = {spec.id: _summed([_of(p, spec.id) for p in packages]) for spec in specs}
    tables = suppress_together(specs, counts, k)
    released = [released_table(spec, counts[spec.id], tables[spec.id], k) for spec in specs]
    spent = sum(p.epsilon for p in packages)
    return ReleaseData(k=k, noise=True, scale=None, epsilon=spent, tables=released)


def _of(package: NetworkPackage, table_id: str) -> NoisyTable:
    return next(t for t in package.tables if t.id == table_id)


def _summed(tables: Sequence[NoisyTable]) -> Counts:
    """The tables' cells and row totals added (a row or column one organisation lacks is 0
    there), negatives from noise taken as 0: a count is never negative."""
    cells: Counter[tuple[str, str]] = Counter()
    rows: Counter[str] = Counter()
    for table in tables:
        for i, r in enumerate(table.rows):
            rows[r] += table.row_totals[i]
            for j, c in enumerate(table.cols):
                cells[(r, c)] += table.cells[i][j]
    row_keys = sorted(rows)
    col_keys = sorted({c for _, c in cells})
    found = {key: max(0, n) for key, n in cells.items()}
    row_totals = {r: max(0, rows[r]) for r in row_keys}
    col_totals = {c: sum(found.get((r, c), 0) for r in row_keys) for c in col_keys}
    return Counts(row_keys, col_keys, found, row_totals, col_totals, sum(row_totals.values()))
