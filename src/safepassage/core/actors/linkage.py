"""Which spellings are one actor: candidate pairs scored by Splink (Fellegi-Sunter, DuckDB in
process) over what `names` and `phones` read of each spelling, then offered to a case worker
who confirms or rejects them (the web edge keeps the decisions; a rejected pair is never
offered again).

Each spelling becomes a row: its romanisation (`latin`), its consonant skeleton, its `sound`
(the skeleton with vowel classes: the romanisation compared on its letters' classes), the skeleton's
first three classes (`prefix`, for blocking), its words' skeletons sorted (`sorted`: "Sen Hun"
and "Hun Sen"), its phone numbers as E.164 and whether it names a firm. Pairs are only formed
within blocks (the same skeleton, prefix, sorted words or a phone number), so a million names
are not a million squared comparisons. The u probabilities (how often unrelated spellings agree
at each level) are estimated from the spellings themselves by random sampling; the m
probabilities (how often one actor's spellings agree) from pairs a case worker confirmed, and
until there are any, from the public names' confirmed pairs (data/model.json, written by
bench/linkage.py --save): expectation maximisation on unlabelled names that rarely share a
phone has nothing to learn the agreement of true pairs from.
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

from . import names, phones

# A pair at least this likely is offered to a case worker. The model is overconfident (its
# comparisons are not independent evidence), so the bar is high: on the benchmark 0.9 offered
# seven wrong pairs for each right one, 0.99 two, 0.999 one for two but no longer a short name
# written alike in two scripts (Aung Kyaw: 0.997 among 300 names). bench/linkage.py --threshold.
THRESHOLD = 0.99


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


def rows(spellings: Iterable[Spelling]) -> pa.Table:
    """The spellings as Splink reads them."""
    columns: dict[str, list[Any]] = {
        k: []
        for k in (
            "unique_id",
            "latin",
            "skeleton",
            "coarse",
            "sound",
            "prefix",
            "sorted",
            "phones",
            "phone",
        )
    }
    columns["firm"] = []
    for spelling in spellings:
        read = names.read(spelling.text)
        numbers = sorted(
            {n for p in spelling.phones if (n := phones.normalise(p, spelling.country))}
        )
        words = sorted(names.skeleton(w) for w in read.latin.split())
        columns["unique_id"].append(spelling.id)
        columns["latin"].append(read.latin.replace(" ", "") or None)
        columns["skeleton"].append(read.skeleton or None)
        columns["coarse"].append(names.coarse(read.skeleton) or None)
        columns["sound"].append(read.sound or None)
        columns["prefix"].append(names.coarse(read.skeleton)[:3] or None)
        columns["sorted"].append("".join(words) or None)
        columns["phones"].append(numbers or None)  # none: no evidence either way (null level)
        columns["phone"].append(numbers[0] if numbers else None)
        columns["firm"].append(read.firm)
    return pa.table(columns, schema=_schema())


def _schema() -> pa.Schema:
    text = pa.string()
    return pa.schema(
        [("unique_id", text), ("latin", text), ("skeleton", text), ("coarse", text),
         ("sound", text), ("prefix", text),
         ("sorted", text), ("phones", pa.list_(text)), ("phone", text), ("firm", pa.bool_())]
    )  # fmt: skip


def _similar(column: str, at_least: float) -> str:
    """SQL: the two values' Levenshtein similarity (1 - distance / the longer's length) is at
    least `at_least`. Normalised, so one edit in "MN" is not as close as one in "TMKST"."""
    left, right = f'"{column}_l"', f'"{column}_r"'
    longer = f"greatest(length({left}), length({right}))"
    return f"1 - levenshtein({left}, {right}) / {longer} >= {at_least}"


def _exact(column: str) -> str:
    return f'"{column}_l" = "{column}_r"'


def _sound_comparison() -> Any:
    """The romanisation: the same letters, else the same or similar sound (the skeleton with
    its vowels' classes: what tells "Sokha" from "Sok")."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="sound",
        comparison_levels=[
            cll.NullLevel("sound"),
            cll.ExactMatchLevel("latin"),
            cll.ExactMatchLevel("sound"),
            cll.CustomLevel(_similar("sound", 0.85), "similar sound"),
            cll.CustomLevel(_similar("sound", 0.7), "somewhat similar sound"),
            cll.ElseLevel(),
        ],
    )


def _name_comparison() -> Any:
    """One comparison of the name, levels from the closest: the same skeleton; the same once
    the confused classes are merged; similar skeletons; similar merged ones. One comparison,
    not two, since the levels are not independent evidence."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("skeleton"),
            cll.CustomLevel(f'{_exact("skeleton")} AND length("skeleton_l") >= 5', "same long"),
            cll.ExactMatchLevel("skeleton"),
            cll.CustomLevel(f'{_exact("coarse")} AND length("coarse_l") >= 4', "same long merged"),
            cll.ExactMatchLevel("coarse"),
            cll.CustomLevel(_similar("skeleton", 0.8), "similar skeleton"),
            cll.CustomLevel(_similar("coarse", 0.8), "similar merged skeleton"),
            cll.CustomLevel(_similar("coarse", 0.65), "somewhat similar merged skeleton"),
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


def _settings(m: Mapping[str, Sequence[float]] | None = None, chance: float = 0.0005) -> Any:
    from splink import SettingsCreator, block_on

    comparisons = {
        "name": _name_comparison(),
        "sound": _sound_comparison(),
        "phones": _phone_comparison(),
    }
    for column, values in (m or {}).items():
        comparisons[column] = comparisons[column].configure(m_probabilities=list(values))
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=list(comparisons.values()),
        blocking_rules_to_generate_predictions=[
            block_on("coarse"),
            block_on("prefix"),
            block_on("sorted"),
            block_on("phone"),
        ],
        probability_two_random_records_match=chance,
        retain_matching_columns=False,
    )


def prior(con: duckdb.DuckDBPyConnection, table: pa.Table) -> float:
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
    return float(min(0.5, max(1.0, agree / RULE_RECALL) / pairs))


RULE_RECALL = 0.4  # of an actor's spelling pairs, those written alike or sharing a phone


UNSEEN = 0.05  # the m of a level no confirmed pair reached (one actor, two phone numbers)


def learned_m(linker: Any) -> dict[str, list[float]]:
    """Each comparison's m probabilities, level by level (the null level left out); a level no
    confirmed pair reached gets a small share rather than none, then they add up to 1."""
    found = {}
    for comparison in linker.misc.save_model_to_json()["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        values = [float(lv.get("m_probability") or UNSEEN) for lv in levels]
        found[comparison["output_column_name"]] = [v / sum(values) for v in values]
    return found


def default_m() -> dict[str, list[float]] | None:
    """The m probabilities learnt from the public names' confirmed pairs (bench/linkage.py
    --save writes them), for an organisation with no decisions of its own yet."""
    path = resources.files("safepassage.core.actors").joinpath("data/model.json")
    if not path.is_file():
        return None
    data: dict[str, list[float]] = json.loads(path.read_text())["m"]
    return data


def score(
    spellings: Sequence[Spelling],
    model: Model | None = None,
    confirmed: Iterable[tuple[str, str]] = (),
) -> list[Pair]:
    """Every candidate pair at least `model.threshold` likely, most likely first. The m
    probabilities come from `confirmed` pairs (ids of `spellings` a case worker said are one
    actor) where there are any, else from `model.m`."""
    model = model or Model()
    table = rows(spellings)
    if table.num_rows < 2:
        return []
    from splink import Linker
    from splink.backends.duckdb import DuckDBAPI

    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    api = DuckDBAPI(con)
    settings = _settings(model.m, prior(con, table))
    linker: Any = Linker(api.register(table), settings, log_level=40)
    linker.training.estimate_u_using_random_sampling(max_pairs=model.sample, seed=model.seed)
    labels = pa.table(
        {"unique_id_l": [a for a, _ in confirmed], "unique_id_r": [b for _, b in confirmed]},
        schema=pa.schema([("unique_id_l", pa.string()), ("unique_id_r", pa.string())]),
    )
    if labels.num_rows:
        linker.training.estimate_m_from_pairwise_labels(api.register(labels))
        model.m = learned_m(linker)
    found = linker.inference.predict(threshold_match_probability=model.threshold)
    records = found.as_pyarrow_table().to_pylist()
    pairs = [
        Pair(str(r["unique_id_l"]), str(r["unique_id_r"]), float(r["match_probability"]))
        for r in records
    ]
    con.close()
    return sorted(pairs, key=lambda p: -p.probability)
