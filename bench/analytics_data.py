"""A generated fact table for `analytics.py`, built as Arrow columns by DuckDB in one query.

A million pydantic FactRows take far longer to build than the release they feed, and this
machine has no numpy, so the rows are drawn in SQL: every random choice is a hash of the case,
the job and a salt, so a run gives the same table whatever DuckDB's threads do. The columns are
`engine.arrow_table`'s (names, types, order), derived ones included (year, quarter, funnel,
rank); `analytics.py` checks a sample against `arrow_table` of the same rows as FactRows.

Distributions are invented but shaped like the data: five countries of work weighted to
Thailand, provinces and sectors with a long tail (some fold into "other"), levels with a mix of
indicators and violations that grows with them, referrals by level (`synthetic.REFERRALS`),
36 months of reports, and about 3% of cases with a second job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, get_args

import duckdb
import pyarrow as pa

from safepassage.core.account import LegalStatus, Sector
from safepassage.core.analytics.bits import SUFFIX, with_bits, without_bits
from safepassage.core.analytics.engine import (
    FUNNEL,
    LABOUR_REMEDIES,
    LIST_COLUMNS,
    RANK,
    REMEDIES,
    arrow_table,
)
from safepassage.core.analytics.facts import CRIMINAL_JUSTICE, FactRow
from safepassage.core.analytics.synthetic import NATIONALITIES, REFERRALS
from safepassage.web.common.labels import INDICATORS, VIOLATIONS  # the codes screening emits

TWO_JOBS = 0.03  # share of cases with a second job
COUNTRIES = {"TH": 0.62, "KH": 0.14, "MM": 0.09, "VN": 0.08, "LA": 0.07}
PROVINCES = {
    "TH": ("Bangkok", "Samut Sakhon", "Chonburi", "Rayong", "Tak", "Chiang Mai", "Songkhla",
           "Ranong", "Surat Thani", "Samut Prakan", "Pathum Thani", "Nonthaburi", "Phuket",
           "Chanthaburi", "Trat", "Pattani", "Nakhon Si Thammarat", "Kanchanaburi"),
    "KH": ("Phnom Penh", "Preah Sihanouk", "Koh Kong", "Battambang", "Banteay Meanchey",
           "Siem Reap", "Kampot", "Svay Rieng"),
    "MM": ("Yangon", "Myawaddy", "Shan", "Mandalay", "Tachileik"),
    "VN": ("Region I", "Bac Ninh", "Binh Duong", "Dong Nai", "Hai Phong", "Long An"),
    "LA": ("Vientiane", "Bokeo", "Savannakhet", "Champasak"),
}  # fmt: skip
UNKNOWN_PROVINCE = 0.03
LEVELS = {
    "insufficient_information": 0.08,
    "decent_work": 0.20,
    "labour_rights_violation": 0.34,
    "labour_exploitation": 0.26,
    "forced_labour": 0.12,
}
# The chance of each indicator, violation and stage given the job's level (0 where absent).
INDICATOR_RATE = {
    "forced_labour": 0.35,
    "labour_exploitation": 0.12,
    "labour_rights_violation": 0.02,
}
VIOLATION_RATE = {"forced_labour": 0.3, "labour_exploitation": 0.3, "labour_rights_violation": 0.25}
STAGE_RATE = {"recruitment": 0.4, "return": 0.05, "transit": 0.1, "work": 0.9}
TRAFFICKING = {
    "forced_labour": {"yes": 0.4, "no": 0.2, "unknown": 0.4},
    "": {"yes": 0.02, "no": 0.7, "unknown": 0.28},
}
CHANNELS = {"mou": 0.15, "agency": 0.15, "broker": 0.25, "relative": 0.2, "direct": 0.1,
            "irregular": 0.1, "unknown": 0.05}  # fmt: skip
FEES = {"paid": 0.55, "none": 0.25, "unknown": 0.2}
SEXES = {"female": 0.45, "male": 0.45, "other": 0.01, "unknown": 0.09}
AGE_BANDS = {"under_18": 0.05, "18_24": 0.25, "25_34": 0.35, "35_49": 0.22, "50_plus": 0.05,
             "unknown": 0.08}  # fmt: skip
TIME_BANDS = {"under_30_days": 0.3, "30_89_days": 0.35, "90_179_days": 0.2, "180_days_plus": 0.15}
MONTHS = {f"{y}-{m:02d}": 0.99 / 36 for y in (2023, 2024, 2025) for m in range(1, 13)} | {"": 0.01}
DONE = 0.6  # share of sent referrals with an outcome
SEXUAL = 0.02  # share of jobs outside the sex industry with sexual exploitation found
BUCKETS = 1000  # the resolution of a weighted choice (see `_pick`)


def fact_table(rows: int) -> pa.Table:
    """`rows` generated fact rows, as `engine.arrow_table` would give them."""
    extra = round(rows * TWO_JOBS / (1 + TWO_JOBS))  # second jobs: rows = cases + extra
    cases = rows - extra
    stride = cases // extra if extra else 1
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    try:
        found = con.sql(_query(cases, stride, extra)).to_arrow_table()
        return with_bits(found.cast(without_bits(schema())), sorted(LIST_COLUMNS))
    finally:
        con.close()


def schema() -> pa.Schema:
    """`arrow_table`'s schema, from one FactRow with every list column filled (an all-empty
    list column would come out as a list of nulls)."""
    full = {name: ("x",) for name in FactRow.model_fields if name in LIST_COLUMNS}
    row = FactRow(case="c", job=0, month="2025-01", origin="MM", country="TH", province="",
                  sector="fishing", level="forced_labour", trafficking="yes", forced_labour=True,
                  channel="broker", fees="paid", legal_status="irregular", sex="female",
                  age_band="25_34", criminal_justice=True, time_to_outcome="", **full)  # fmt: skip
    return arrow_table([row]).schema


def fact_rows(table: pa.Table) -> list[FactRow]:
    """The table's rows as FactRows (validated), without the columns `arrow_table` derives."""
    derived = ("year", "quarter", "funnel", "rank", "main")
    return [
        FactRow(
            case=row.pop("case_key"),
            **{k: v for k, v in row.items() if k not in derived and not k.endswith(SUFFIX)},
        )
        for row in table.to_pylist()
    ]


def _query(cases: int, stride: int, extra: int) -> str:
    """Row i is a job of case c; in the first `extra` blocks of stride + 1 rows the block's
    first case has its two jobs side by side, so any slice of rows holds two-job cases."""
    block = stride + 1
    jobs = (
        f"SELECT CASE WHEN i < {extra * block} THEN i // {block} * {stride} + "
        f"greatest(i % {block} - 1, 0) ELSE i - {extra} END AS c, "
        f"CASE WHEN i < {extra * block} AND i % {block} = 1 THEN 1 ELSE 0 END AS job "
        f"FROM range({cases + extra}) t(i)"
    )
    return (
        f"SELECT {_final()} FROM (SELECT *, {_shaped()} FROM (SELECT *, {_drawn()} FROM ({jobs}))) "
        "ORDER BY c, job"  # the window of `main` reorders rows: keep a case's jobs together
    )


def _drawn() -> str:
    """The columns drawn straight from a distribution. A case's columns hash the case alone
    (job 0), so both jobs of a case share them; `case_level` is its first job's level."""
    case = {"country": COUNTRIES, "month": MONTHS, "channel": CHANNELS, "fees": FEES,
            "legal_status": _weights(get_args(LegalStatus)), "sex": SEXES,
            "age_band": AGE_BANDS, "case_level": LEVELS}  # fmt: skip
    drawn = [f"{_pick(name, dist, case=True)} AS {name}" for name, dist in case.items()]
    drawn.append(f"{_pick('case_level', LEVELS)} AS level")
    drawn.append(f"{_pick('sector', _long_tail(get_args(Sector)))} AS sector")
    return ", ".join(drawn)


def _shaped() -> str:
    """The columns that depend on a drawn one: where, who, what was found, what was done."""
    province = {c: _province(c) for c in PROVINCES}
    origin = {c: _pick("origin", _weights(NATIONALITIES.get(c, (c,))), True) for c in COUNTRIES}
    trafficking = {lvl: _pick("trafficking", d, case=True) for lvl, d in TRAFFICKING.items()}
    referrals, outcomes = _referrals()
    shaped = {
        "province": _when("country", province, "''"),
        "origin": _when("country", origin, "''"),
        "trafficking": _when("case_level", trafficking, trafficking[""]),
        "indicators": _found(sorted(INDICATORS), INDICATOR_RATE, "indicator"),
        "violations": _found(sorted(VIOLATIONS), VIOLATION_RATE, "violation"),
        "referrals": referrals,
        "outcomes": outcomes,
        "rank": _when("level", {lvl: str(n) for lvl, n in RANK.items()}, "0") + "::BIGINT",
    }
    return ", ".join(f"{sql} AS {name}" for name, sql in shaped.items())


def _final() -> str:
    """The table's columns in `arrow_table`'s order (a column the layers above drew keeps its
    name), with what it derives. A FactRow column added since fails here, by name."""
    stages = (
        "CASE WHEN len(indicators) + len(violations) = 0 THEN []::VARCHAR[] "
        f"ELSE {_subset(STAGE_RATE, 'stage')} END"
    )
    derived = {
        "case_key": "'case-' || c::VARCHAR",
        "stages": stages,
        "forced_labour": "level = 'forced_labour'",
        "criminal_justice": f"list_has_any(referrals, {_list(CRIMINAL_JUSTICE)})",
        "time_to_outcome": f"CASE WHEN len(outcomes) > 0 THEN {_pick('days', TIME_BANDS, True)} "
        "ELSE '' END",
        "forms": _forms(),
        "year": "substr(month, 1, 4)",
        "quarter": "CASE WHEN month = '' THEN '' ELSE substr(month, 1, 4) || '-Q' || "
        "((substr(month, 6, 2)::INT - 1) // 3 + 1) END",
        "funnel": _funnel(),
        # The job a case is counted through: its worst, then its latest (as arrow_table marks).
        "main": "row_number() OVER (PARTITION BY c ORDER BY rank DESC, job DESC) = 1",
    }
    return ", ".join(
        f"{_stored(name, derived.get(name, name))} AS {name}"
        for name in without_bits(schema()).names
    )


FLAGS = ("forced_labour", "criminal_justice")
TEXTS = ("month", "origin", "country", "province", "sector", "level", "trafficking",
         "channel", "fees", "legal_status", "sex", "age_band", "time_to_outcome", "year",
         "quarter")  # fmt: skip


def _stored(name: str, sql: str) -> str:
    """A column as `engine.arrow_table` stores it: flags as "yes"/"no", an empty text as
    "unknown" (the engine groups by the stored values, without a CASE per row)."""
    if name in FLAGS:
        return f"CASE WHEN {sql} THEN 'yes' ELSE 'no' END"
    if name in TEXTS:
        return f"CASE WHEN ({sql}) = '' THEN 'unknown' ELSE ({sql}) END"
    return sql


def _forms() -> str:
    """The forms of exploitation, as `facts` derives them: from the job's level, and sexual
    exploitation in the sex industry or where found (a share SEXUAL of the other jobs)."""
    found = {
        "forced_labour": "level = 'forced_labour'",
        "labour_exploitation": "level = 'labour_exploitation'",
        "sexual_exploitation": f"sector = 'sex_industry' OR {_u('sexual')} < {SEXUAL}",
    }
    items = ", ".join(f"CASE WHEN {found[form]} THEN '{form}' END" for form in sorted(found))
    return f"list_filter([{items}], lambda x: x IS NOT NULL)"


def _referrals() -> tuple[str, str]:
    """The case's referrals (by its first job's level) and their outcomes, each sorted."""
    kinds, outcomes = [], []
    for level, sent_kinds in REFERRALS.items():
        for kind, outcome, share in sent_kinds:
            sent = f"case_level = '{level}' AND {_u(kind, True)} < {share}"
            kinds.append(f"CASE WHEN {sent} THEN {_lit(kind)} END")
            if outcome:
                done = f"{sent} AND {_u(kind + ':done', True)} < {DONE}"
                outcomes.append(f"CASE WHEN {done} THEN {_lit(outcome)} END")

    def sorted_set(items: list[str]) -> str:  # list_distinct drops the NULLs
        return f"list_sort(list_distinct([{', '.join(items)}]::VARCHAR[]))"

    return sorted_set(kinds), sorted_set(outcomes)


RANKED = {"contacted": 0, "screened": 1, "rights_violated": 2, "exploited": 3, "forced_labour": 4}


def _funnel() -> str:
    """`engine.funnel` in SQL: the steps reached, in FUNNEL's order. Most cases are neither
    referred nor trafficking cases: their steps follow from the level alone."""
    not_protection = f"NOT list_contains({_list(LABOUR_REMEDIES | CRIMINAL_JUSTICE)}, x)"
    reached = {step: f"rank >= {n}" for step, n in RANKED.items()} | {
        "trafficking_indicated": "trafficking = 'yes'",
        "referred": "len(referrals) > 0",
        "referred_labour": f"list_has_any(referrals, {_list(LABOUR_REMEDIES)})",
        "referred_protection": f"len(list_filter(referrals, lambda x: {not_protection})) > 0",
        "criminal_justice": f"list_has_any(referrals, {_list(CRIMINAL_JUSTICE)})",
        "remedy_obtained": f"list_has_any(outcomes, {_list({*REMEDIES, 'repatriated'})})",
        "wages_recovered": "list_contains(outcomes, 'wages_recovered')",
        "documents_returned": "list_contains(outcomes, 'documents_returned')",
        "repatriated": "list_contains(outcomes, 'repatriated')",
    }  # fmt: skip
    steps = ", ".join(f"CASE WHEN {reached[step]} THEN '{step}' END" for step in FUNNEL)
    by_level = {
        level: _list([s for s, n in RANKED.items() if rank >= n], keep=True)
        for level, rank in RANK.items()
    }
    plain = "trafficking <> 'yes' AND len(referrals) = 0"
    return (
        f"CASE WHEN {plain} THEN {_when('level', by_level, '[]')} "
        f"ELSE list_filter([{steps}], lambda x: x IS NOT NULL) END"
    )


def _province(country: str) -> str:
    """A province of `country`, or none given (""), the first ones the most common."""
    weights = _long_tail(PROVINCES[country])
    dist = {p: w * (1 - UNKNOWN_PROVINCE) for p, w in weights.items()} | {"": UNKNOWN_PROVINCE}
    return _pick("province", dist)


def _u(salt: str, case: bool = False, code: str = "") -> str:
    """A uniform draw in [0, 1) for the row (or the case, which both its jobs share)."""
    keys = ", ".join(["c", "0" if case else "job", _lit(salt + code)])
    return f"(hash({keys}) % 1000003 / 1000003.0)"


def _pick(salt: str, dist: Mapping[str, float], case: bool = False) -> str:
    """One value of `dist` (value: weight), drawn with one hash: the values fill BUCKETS slots
    in proportion to their weights (a CASE over cumulative weights would hash once a branch)."""
    total = sum(dist.values())
    counts = {value: max(1, round(weight / total * BUCKETS)) for value, weight in dist.items()}
    slots = [value for value, n in counts.items() for _ in range(n)]  # a rare value stays in
    keys = ", ".join(["c", "0" if case else "job", _lit(salt)])
    return f"({_list(slots, keep=True)})[1 + (hash({keys}) % {len(slots)})::BIGINT]"


def _found(codes: Sequence[str], rates: Mapping[str, float], salt: str) -> str:
    """The codes a job of each level has, each with the level's chance (none for the others:
    building a list costs, so only the levels that have codes build one)."""
    branches = {level: _subset(dict.fromkeys(codes, rate), salt) for level, rate in rates.items()}
    return _when("level", branches, "[]::VARCHAR[]")


def _subset(rates: Mapping[str, float], salt: str) -> str:
    """Each code with its chance, in sorted order (as `fact_rows` sorts them)."""
    items = ", ".join(
        f"CASE WHEN {_u(salt, code=code)} < {rate} THEN {_lit(code)} END"
        for code, rate in sorted(rates.items())
    )
    return f"list_filter([{items}], lambda x: x IS NOT NULL)"


def _when(column: str, values: Mapping[str, Any], default: str) -> str:
    branches = " ".join(f"WHEN {_lit(key)} THEN {value}" for key, value in values.items())
    return f"CASE {column} {branches} ELSE {default} END"


def _weights(values: Sequence[str]) -> dict[str, float]:
    """Each value as often as it is listed (NATIONALITIES repeats the common ones)."""
    return {value: float(values.count(value)) for value in dict.fromkeys(values)}


def _long_tail(values: Sequence[str]) -> dict[str, float]:
    """Zipf-like weights: the first value the most common, the last rare."""
    return {value: 1 / (rank + 1) for rank, value in enumerate(values)}


def _list(values: Iterable[str], keep: bool = False) -> str:
    """A VARCHAR[] literal of `values`, sorted unless `keep`."""
    ordered = list(values) if keep else sorted(values)
    return f"[{', '.join(map(_lit, ordered))}]::VARCHAR[]"


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
