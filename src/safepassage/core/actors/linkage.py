"""Which spellings are one actor: candidate pairs scored by Splink (Fellegi-Sunter, DuckDB in
process) over what `names` and `phones` read of each spelling, then offered to a case worker
who confirms or rejects them (the web edge keeps the decisions; a rejected pair is never
offered again).

Each spelling becomes a row: its romanisation (`latin`), its consonant skeleton and merged
skeleton, its `sound` (the skeleton with vowel classes) and `rough` sound (the nasals Thai
confuses merged), the rough sound once a typing slip is read (`typos`), its script, its first
and last words and its words' skeletons sorted ("Sen Hun" and "Hun Sen"), for blocking, and its
phone numbers as E.164. The name is one comparison of ordered levels (the same letters, the same
sound in two scripts, ..., similar merged consonants), a shared phone another. Pairs are only
formed within blocks (the same merged skeleton, first word, last word, sorted words, read slip
or phone number), so a million names are not a million squared comparisons.

The m probabilities (how often one actor's spellings agree at each level) come from pairs a case
worker confirmed, and until there are any, from the public names' confirmed pairs (data/
model.json, written by bench/linkage.py --save): expectation maximisation on unlabelled names
that rarely share a phone has nothing to learn the agreement of true pairs from. The u
probabilities (how often strangers agree) come from the population itself less its own true
pairs (`own_u`: the closest levels counted over all pairs, the rest over random pairs), weighed
with the strangers' u shipped in data/model.json, which rule a small organisation's few dozen
names (15 pairs say nothing of how often strangers' names agree). The chance that two spellings
are one actor is estimated from the pairs that agree on a nearly certain rule.
The Spark backend runs the same settings for a network that outgrows one machine
(docs/actors-linkage.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import duckdb
import pyarrow as pa

from . import names, phones, typos

# A pair at least this likely is offered to a case worker, who confirms or rejects it. The name
# is one comparison (its levels are not independent evidence) and the u of its closest levels
# is counted, not guessed, so the probabilities are near what they say: on the benchmark (20,000
# and 100,000 names) 0.8 offered 1 wrong pair in 880 and 0.5 the same recall with 1 in 700,
# while 0.9 left out a typo's pairs (0.85 to 0.9 likely). bench/linkage.py --threshold.
THRESHOLD = 0.8


@dataclass(frozen=True)
class Spelling:
    """One way an actor was written, on one case (the web edge's alias)."""

    id: str
    text: str
    phones: tuple[str, ...] = ()
    country: str | None = None  # the case's, for reading national phone numbers


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    probability: float


@dataclass
class Model:
    """The settings and trained parameters of one linkage run."""

    threshold: float = THRESHOLD
    sample: int = 2_000_000  # random pairs for the u probabilities
    seed: int = 7
    m: dict[str, list[float]] | None = field(default_factory=lambda: default_m())
    # the strangers' u the population's own is weighed with (`own_u`), and the u last used
    reference: dict[str, list[float]] | None = field(default_factory=lambda: saved("u"))
    u: dict[str, list[float]] | None = None


def rows(spellings: Iterable[Spelling]) -> pa.Table:
    """The spellings as Splink reads them."""
    spellings = list(spellings)
    read = [names.read(s.text) for s in spellings]
    slips = typos.slips(r.latin for r in read)
    found = [_row(s, r, slips) for s, r in zip(spellings, read, strict=True)]
    schema = _schema()
    return pa.table({c: [row[c] for row in found] for c in schema.names}, schema=schema)


def _row(spelling: Spelling, read: names.Name, slips: Mapping[str, str]) -> dict[str, Any]:
    numbers = sorted({n for p in spelling.phones if (n := phones.normalise(p, spelling.country))})
    words = read.latin.split()
    latin = "".join(words)
    fixed = slips.get(read.latin)
    rough = names.rough(read.sound)
    return {
        "unique_id": spelling.id,
        "latin": latin or None,
        "skeleton": read.skeleton or None,
        "coarse": names.coarse(read.skeleton) or None,
        "sound": read.sound or None,
        "rough": rough or None,
        # a name with a typing slip read as the name it is one slip from (`typos`)
        "fixed": names.rough(names.sound(fixed)) if fixed else rough or None,
        "slipped": fixed is not None,
        "script": names.script_of("".join(read.words)),
        # a typo changes one word: the pair still agrees on another (blocking only)
        "first": words[0] if words else None,
        "last": words[-1] if words else None,
        "sorted": "".join(sorted(names.skeleton(w) for w in words)) or None,
        "phones": numbers or None,  # none: no evidence either way (null level)
        "phone": numbers[0] if numbers else None,
        "firm": read.firm,
    }


def _schema() -> pa.Schema:
    text = pa.string()
    columns = ["unique_id", "latin", "skeleton", "coarse", "sound", "rough", "fixed",
               "slipped", "script", "first", "last", "sorted", "phones", "phone",
               "firm"]  # fmt: skip
    kinds = {"slipped": pa.bool_(), "firm": pa.bool_(), "phones": pa.list_(text)}
    return pa.schema([(c, kinds.get(c, text)) for c in columns])


def _similar(column: str, at_least: float) -> str:
    """SQL: the two values' Levenshtein similarity (1 - distance / the longer's length) is at
    least `at_least`. Normalised, so one edit in "MN" is not as close as one in "TMKST"."""
    left, right = f'"{column}_l"', f'"{column}_r"'
    longer = f"greatest(length({left}), length({right}))"
    return f"1 - levenshtein({left}, {right}) / {longer} >= {at_least}"


def _exact(column: str) -> str:
    return f'"{column}_l" = "{column}_r"'


def _other(column: str) -> str:
    return f'"{column}_l" <> "{column}_r"'


def _alike() -> list[tuple[str, str]]:
    """The name's closest levels, each an SQL condition and a label: all of them imply the
    same `rough` sound, so `own_u` can count the pairs at each over the whole population."""
    return [
        (_exact("latin"), "same letters"),
        (f"{_exact('sound')} AND {_other('script')}", "one sound, two scripts"),
        (f'{_exact("sound")} AND length("sound_l") >= 6', "same long sound"),
        (_exact("sound"), "same sound"),
        (f"{_exact('rough')} AND {_other('script')}", "one rough sound, two scripts"),
        (_exact("rough"), "same rough sound"),
    ]


# The same (rough) sound once a typing slip in one of the two is read as the word it is one
# slip from (`typos`): the level after `_alike`, so its pairs have different rough sounds.
_SLIP = f'{_exact("fixed")} AND ("slipped_l" OR "slipped_r")'


def _levels() -> list[tuple[str, str]]:
    """The name comparison's levels below its null level and above its else level."""
    return [
        *_alike(),
        (_SLIP, "one sound once a slip is read"),
        (f"{_similar('sound', 0.85)} AND {_similar('skeleton', 0.8)}", "nearly one sound"),
        (_exact("skeleton"), "same consonants, other vowels"),
        (_similar("sound", 0.7), "similar sound"),
        (_similar("coarse", 0.8), "similar merged skeleton"),
    ]


def _name_comparison() -> Any:
    """One comparison of the name, levels from the closest: the same letters; the same sound
    (in two scripts, long, or any); the same once the nasals Thai confuses are merged (in two
    scripts or one); nearly the same sound (a typo); the same consonants with other vowels; a
    similar sound; similar merged consonants. One comparison, not several, since the levels
    are not independent evidence: a pair with the same consonants but other vowels is most
    often two names (Thein and Htun, Kyi and Kyaw), which two comparisons would count as half
    a match. Two spellings alike in sound but not in letters are most often one name in two
    scripts, or two names in one (Latin "Pha Kee" and "Phaa Ki"): the script tells them apart."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("sound"),
            *(cll.CustomLevel(sql, label) for sql, label in _levels()),
            cll.ElseLevel(),
        ],
    )


SHARED_PHONE = 1e-4  # two unrelated people with one number: family phones, a SIM passed on


def _phone_comparison() -> Any:
    """A phone number in common. Its u is fixed, not sampled: pairs of spellings that both
    have a phone are too few on most caseloads for a random sample to say how often unrelated
    ones share (on a test's two it said always)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="phones",
        comparison_levels=[
            cll.NullLevel("phones"),
            cll.ArrayIntersectLevel("phones", 1).configure(
                u_probability=SHARED_PHONE, fix_u_probability=True
            ),
            cll.ElseLevel().configure(u_probability=1 - SHARED_PHONE, fix_u_probability=True),
        ],
    )


Probabilities = Mapping[str, Sequence[float]]


def _settings(
    m: Probabilities | None = None, u: Probabilities | None = None, chance: float = 0.0005
) -> Any:
    from splink import SettingsCreator, block_on

    comparisons = {
        "name": _name_comparison(),
        "phones": _phone_comparison(),
    }
    for column, values in (m or {}).items():
        comparisons[column] = comparisons[column].configure(m_probabilities=list(values))
    for column, values in (u or {}).items():
        if column != "phones":  # its u is fixed in the comparison itself
            comparisons[column] = comparisons[column].configure(u_probabilities=list(values))
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=list(comparisons.values()),
        blocking_rules_to_generate_predictions=[
            block_on("coarse"),
            block_on("first"),
            block_on("last"),
            block_on("sorted"),
            block_on("fixed"),
            block_on("phone"),
        ],
        probability_two_random_records_match=chance,
        retain_matching_columns=False,
    )


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


UNSEEN = 0.05  # the m of a level no confirmed pair reached (one actor, two phone numbers)


def learned(
    linker: Any, kind: str = "m", unseen: float = UNSEEN, name_unseen: float | None = None
) -> dict[str, list[float]]:
    """Each comparison's m (or u) probabilities, level by level (the null level left out); a
    level no pair reached gets the `unseen` share rather than none (the name's own, if given),
    then they add up to 1."""
    found = {}
    for comparison in linker.misc.save_model_to_json()["comparisons"]:
        column = comparison["output_column_name"]
        share = name_unseen if column == "name" and name_unseen is not None else unseen
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        values = [float(lv.get(f"{kind}_probability") or share) for lv in levels]
        found[column] = [v / sum(values) for v in values]
    return found


def saved(kind: str) -> dict[str, list[float]] | None:
    """The m or u probabilities bench/linkage.py --save wrote: m learnt from the public names'
    confirmed pairs, u from random pairs of 20,000 names; for an organisation with no decisions
    of its own yet (m) or too few names to sample strangers' agreement from (u)."""
    path = resources.files("safepassage.core.actors").joinpath("data/model.json")
    if not path.is_file():
        return None
    data: dict[str, list[float]] | None = json.loads(path.read_text()).get(kind)
    return data


def default_m() -> dict[str, list[float]] | None:
    return saved("m")


def score(
    spellings: Sequence[Spelling],
    model: Model | None = None,
    confirmed: Iterable[tuple[str, str]] = (),
) -> list[Pair]:
    """Every candidate pair at least `model.threshold` likely, most likely first. The m
    probabilities come from `confirmed` pairs (ids of `spellings` a case worker said are one
    actor) where there are any, else from `model.m`; the u probabilities from the spellings
    themselves and the strangers' u shipped with the model (`own_u`)."""
    model = model or Model()
    table = rows(spellings)
    if table.num_rows < 2:
        return []
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    try:
        chance = prior(con, table)
        _learn_m(con, table, confirmed, model, chance)
        model.u = own_u(con, table, model, chance)
        linker, _ = _linker(con, table, model, chance)
        found = linker.inference.predict(threshold_match_probability=model.threshold)
        records = found.as_pyarrow_table().to_pylist()
    finally:
        con.close()
    pairs = [
        Pair(str(r["unique_id_l"]), str(r["unique_id_r"]), float(r["match_probability"]))
        for r in records
    ]
    return sorted(pairs, key=lambda p: -p.probability)


def _linker(
    con: duckdb.DuckDBPyConnection, table: pa.Table, model: Model, chance: float
) -> tuple[Any, Any]:
    from splink import Linker
    from splink.backends.duckdb import DuckDBAPI

    api = DuckDBAPI(con)
    settings = _settings(model.m, model.u, chance)
    return Linker(api.register(table), settings, log_level=40), api


def _learn_m(
    con: duckdb.DuckDBPyConnection,
    table: pa.Table,
    confirmed: Iterable[tuple[str, str]],
    model: Model,
    chance: float,
) -> None:
    """The m probabilities from the pairs a case worker confirmed, if there are any."""
    pairs = list(confirmed)
    if not pairs:
        return
    linker, api = _linker(con, table, Model(m=model.m, u=None), chance)
    linker.training.estimate_m_from_pairwise_labels(api.register(_labels(pairs)))
    # a name level no confirmed pair reached: half a pair of them, not the phones' 5%
    model.m = learned(linker, "m", name_unseen=0.5 / len(pairs))


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


def _labels(pairs: Sequence[tuple[str, str]]) -> pa.Table:
    return pa.table(
        {"unique_id_l": [a for a, _ in pairs], "unique_id_r": [b for _, b in pairs]},
        schema=pa.schema([("unique_id_l", pa.string()), ("unique_id_r", pa.string())]),
    )


def strangers(spellings: Sequence[Spelling], sample: int = 10_000_000) -> dict[str, list[float]]:
    """The name's u probabilities on a population of strangers (no two spellings one actor):
    the prior for a population's own (`own_u`); bench/linkage.py --save measures them on
    made-up names of the languages of the cases and ships them in data/model.json."""
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    try:
        return own_u(con, rows(spellings), Model(m=None, reference=None, sample=sample), 0.0)
    finally:
        con.close()
