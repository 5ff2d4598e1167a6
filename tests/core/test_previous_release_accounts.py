"""Account files written for the previous release load with the same facts today.

`previous_release/` holds the example accounts as the session-3 release shipped them (commit
7f0e398) and `facts.json` what that release read from each. Every field it read must read the
same now; a field added since must read as its default (unknown, or empty), so an old file never
gains a fact nobody gave."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from safepassage.core.account import Account
from safepassage.core.account_file import read_account

HERE = Path(__file__).parent / "previous_release"
THEN: dict[str, Any] = json.loads((HERE / "facts.json").read_text(encoding="utf-8"))
DEFAULTS = Account(work=[{}]).model_dump(mode="json", by_alias=True)


def differences(then: Any, now: Any, default: Any, path: str = "") -> list[str]:
    """Paths where `now` differs from `then`, or, for a field `then` lacked, from its default."""
    if isinstance(now, dict):
        found = []
        for key, value in now.items():
            was = then.get(key) if isinstance(then, dict) else None
            base = default.get(key) if isinstance(default, dict) else None
            if isinstance(then, dict) and key not in then:
                found += [] if value == base else [f"{path}.{key} (new field, not its default)"]
            else:
                found += differences(was, value, base, f"{path}.{key}")
        return found
    if isinstance(now, list) and path.endswith(".work"):
        if len(now) != len(then):
            return [path]
        job = default[0] if default else {}
        return [
            d
            for i, (a, b) in enumerate(zip(then, now, strict=False))
            for d in differences(a, b, [job][0], f"{path}[{i}]")
        ]
    return [] if now == then else [path]


def test_it_holds_every_example_of_the_previous_release():
    assert len(THEN) == 13
    assert {p.stem for p in HERE.glob("*.yaml")} == set(THEN)


def moved_parties(then: dict[str, Any]) -> list[tuple[str, str, int | None, str]]:
    """The names the previous release kept as free text (the promised employer, each job's
    employer and buyer), as the parties they read as now: (kind, stage, job, name)."""
    promised = then.get("recruitment", {}).get("promised", {}).get("employer")
    found = [("employer", "recruitment", None, promised)] if promised else []
    for i, job in enumerate(then.get("work", [])):
        found += [(kind, "work", i, job[kind]) for kind in ("employer", "buyer") if job.get(kind)]
    return found


@pytest.mark.parametrize("name", sorted(THEN))
def test_it_reads_a_previous_release_file_with_the_same_facts(name: str):
    now = read_account(HERE / f"{name}.yaml").model_dump(mode="json", by_alias=True)
    parties = [(p["kind"], p["stage"], p["job"], p["name"]) for p in now.pop("parties")]
    assert parties == moved_parties(THEN[name])
    assert differences(THEN[name], now, DEFAULTS) == []


def test_it_reads_the_free_text_employer_and_buyer_as_parties():
    assert moved_parties(THEN["recruitment_fee_only"]) == [
        ("employer", "work", 0, "Example Auto Parts Co., Ltd."),
        ("buyer", "work", 0, "Example Motors (export buyer)"),
    ]


def test_it_would_see_a_changed_meaning_or_a_gained_fact():
    then = THEN["fishing_vessel_thailand"]
    assert "phone_taken" not in then["work"][0]  # a fact added after that release
    changed = json.loads(json.dumps(then))
    changed["work"][0]["locked_in"]["answer"] = "no"
    changed["work"][0]["phone_taken"] = {"answer": "yes", "note": None}
    assert differences(then, changed, DEFAULTS) == [
        ".work[0].locked_in.answer",
        ".work[0].phone_taken (new field, not its default)",
    ]
