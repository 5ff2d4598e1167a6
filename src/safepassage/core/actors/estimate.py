"""How likely two spellings are one actor before their names are compared (`prior`), and how
often strangers' names agree at each level of the name comparison (`own_u`), both from the
population itself: its pairs counted where they are rare, sampled where they are not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from .comparisons import _alike, _levels

if TYPE_CHECKING:
    from .linkage import Model


def prior(con: duckdb.DuckDBPyConnection, table: pa.Table) -> float:
    """The chance that two spellings are one actor (`estimated`), at most even."""
    return float(min(0.5, estimated(con, table)))


def estimated(con: duckdb.DuckDBPyConnection, table: pa.Table) -> float:
    """The chance that two spellings are one actor, from the pairs that agree on a rule that
    is nearly always right (the same romanisation and skeleton, or a phone number) over the
    share of true pairs that rule finds (`RULE_RECALL`), as Splink's own estimate does; it
    depends on the population, from a new organisation's handful of names to a network's
    million. Never below one pair in all, so a population with no such pair still scores."""
    con.register("spellings", table)
    sql = """
        SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (
            SELECT count(*) AS n FROM spellings WHERE latin IS NOT NULL GROUP BY latin, skeleton
            UNION ALL
            SELECT count(*) AS n FROM spellings WHERE phone IS NOT NULL GROUP BY phone)
    """
    agree = float(con.execute(sql).fetchall()[0][0])
    con.unregister("spellings")
    pairs = table.num_rows * (table.num_rows - 1) / 2
    return float(max(1.0, agree / RULE_RECALL) / pairs)


RULE_RECALL = 0.4  # of an actor's spelling pairs, those written alike or sharing a phone


# The strangers' u shipped in data/model.json counts as this many pairs of the population's own
# (about 450 names' worth): a new organisation's few dozen names are ruled by it, since so few
# say little (two of its pairs at a rare level would read as strangers' if its own counted), a
# network's thousands by their own, which may hold more near namesakes than strangers usually do.
REFERENCE_PAIRS = 100_000
# A level no stranger pair reached has the u of half a pair among this many pairs at least (the
# strangers' u were measured on ten million pairs and more), or among the pairs counted.
RESOLUTION = 10_000_000


def own_u(
    con: duckdb.DuckDBPyConnection, table: pa.Table, model: Model, chance: float
) -> dict[str, list[float]]:
    """The name's u probabilities from the population itself, less its own true pairs (a
    random pair is one actor with the prior's chance, and those pairs agree at each level as
    m says: uncorrected, the closest levels' u would be about the prior itself, so no pair
    could be more than even odds), with the strangers' u (`model.reference`) as a prior worth
    `REFERENCE_PAIRS` pairs. The closest levels are counted over all pairs (`_alike_shares`),
    the rest over `model.sample` random pairs, or all pairs if there are fewer."""
    total = table.num_rows * (table.num_rows - 1) / 2
    counted = _alike_shares(con, table)
    sampled, seen = _shares(con, table, model)
    shares = [*counted, *sampled[len(counted) :]]
    sizes = [total] * len(counted) + [seen] * (len(shares) - len(counted))
    m = (model.m or {}).get("name") or [0.0] * len(shares)
    reference = (model.reference or {}).get("name") or []
    weight = REFERENCE_PAIRS if len(reference) == len(shares) else 0
    found = []
    for i, (share, n, mv) in enumerate(zip(shares, sizes, m, strict=True)):
        strangers = max(0.0, n * (share - chance * mv) / (1 - chance))
        prior_pairs = weight * reference[i] if weight else 0.0
        found.append(max((strangers + prior_pairs) / (n + weight), 0.5 / max(n, RESOLUTION)))
    return {"name": [u / sum(found) for u in found]}


def _alike_shares(con: duckdb.DuckDBPyConnection, table: pa.Table) -> list[float]:
    """The share of all pairs at each of the name's closest levels (`_alike`, then a slip's),
    counted: they are too rare for a sample of pairs to see (one in a hundred million), and
    every pair at them has one rough or one fixed sound, so two joins find them all."""
    levels = _levels()[: len(_alike()) + 1]  # the alike levels and a slip's
    used = ("latin", "sound", "rough", "script", "fixed", "slipped")
    sides = ", ".join(f'a."{c}" AS "{c}_l", b."{c}" AS "{c}_r"' for c in used)
    case = " ".join(f"WHEN {sql} THEN {i}" for i, (sql, _) in enumerate(levels))
    con.register("alike_rows", table)
    counts = dict(con.execute(f"""
        SELECT level, count(*) FROM (
            SELECT CASE {case} END AS level FROM (
                SELECT {sides} FROM alike_rows a JOIN alike_rows b
                ON a.rough = b.rough AND a.unique_id < b.unique_id
                UNION ALL
                SELECT {sides} FROM alike_rows a JOIN alike_rows b
                ON a.fixed = b.fixed AND a.unique_id < b.unique_id
                AND a.rough IS DISTINCT FROM b.rough AND (a.slipped OR b.slipped)))
        WHERE level IS NOT NULL GROUP BY level""").fetchall())  # fmt: skip
    con.unregister("alike_rows")
    pairs = table.num_rows * (table.num_rows - 1) / 2
    return [counts.get(i, 0) / pairs for i in range(len(levels))]


def _shares(
    con: duckdb.DuckDBPyConnection, table: pa.Table, model: Model
) -> tuple[list[float], float]:
    """How pairs fall into the name's levels: `model.sample` pairs drawn uniformly at random,
    or every pair if there are fewer; with the number of pairs. Drawn here, not by Splink's
    estimate_u_using_random_sampling: that samples records and pairs them all, so one actor's
    many spellings drawn together make a rare level look ten times commoner. Counted in one
    query, so the pairs are never held in memory."""
    levels = _levels()
    case = " ".join(f"WHEN {sql} THEN {i}" for i, (sql, _) in enumerate(levels))
    used = ("latin", "skeleton", "coarse", "sound", "rough", "fixed", "slipped", "script")
    sides = ", ".join(f'l."{c}" AS "{c}_l", r."{c}" AS "{c}_r"' for c in used)
    n = table.num_rows
    every = n * (n - 1) // 2 <= model.sample
    # drawn by a hash of the draw's number, so a run draws the same pairs on any thread count
    draws = (
        "SELECT a.i AS a, b.i AS b FROM ids a JOIN ids b ON a.i < b.i" if every else
        f"SELECT hash(range, {model.seed}) % {n} AS a, hash(range, {model.seed + 1}) % {n} AS b"
        f" FROM range({model.sample})"
    )  # fmt: skip
    con.register("sample_rows", table)
    counts = dict(con.execute(f"""
        WITH ids AS (SELECT *, row_number() OVER () - 1 AS i FROM sample_rows),
        draws AS ({draws}),
        pairs AS (SELECT {sides} FROM draws JOIN ids l ON l.i = draws.a
                  JOIN ids r ON r.i = draws.b WHERE draws.a <> draws.b)
        SELECT CASE {case} ELSE {len(levels)} END AS level, count(*) FROM pairs
        WHERE "sound_l" IS NOT NULL AND "sound_r" IS NOT NULL
        GROUP BY level""").fetchall())  # fmt: skip
    con.unregister("sample_rows")
    seen = sum(counts.values()) or 1
    return [counts.get(i, 0) / seen for i in range(len(levels) + 1)], float(seen)
