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
from .comparisons import _settings
from .estimate import own_u, prior

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
    distinct = {text: names.read(text) for text in {s.text for s in spellings}}
    read = [distinct[s.text] for s in spellings]
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
