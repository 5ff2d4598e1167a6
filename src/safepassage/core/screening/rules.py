"""The screening rules: which facts support which indicator or element, read from rules.yaml.

Conditions are compiled once into small functions over a `Facts` view, so that screening an
account is a few hundred attribute reads (see bench/screening.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..account import Answer
from ..knowledge.problems import KnowledgeError
from ..knowledge.yamlsource import parse_yaml

RULES_FILE = Path(__file__).with_name("rules.yaml")
Stage = Literal["recruitment", "transit", "work", "return"]
STAGES: tuple[Stage, ...] = ("recruitment", "transit", "work", "return")
FactRef = str  # "work.locked_in", "not:work.free_to_leave", "derived.forced_labour"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    any: list[FactRef] = []
    all: list[FactRef] = []


class StageRule(Condition):
    stage: Stage


class Route(_Strict):
    """A way the Palermo act can be accomplished, with the means that can accomplish it."""

    act: dict[str, Condition]
    means: dict[str, Condition]


class Palermo(_Strict):
    routes: dict[str, Route] = Field(min_length=1)
    purpose: dict[str, Condition] = Field(min_length=1)


class RuleSet(_Strict):
    indicators: dict[str, list[StageRule]]
    icls: dict[Literal["involuntariness", "menace_of_penalty"], dict[str, Condition]]
    palermo: Palermo


@dataclass(frozen=True)
class Hit:
    """A fact that made a condition yes (or that would decide it, when unknown)."""

    ref: FactRef
    answer: Answer


Lookup = Callable[[str], tuple[Answer, str | None]]


Compiled = tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, str, bool], ...]]
# Keyed by identity, holding the condition itself so that its id cannot be reused by another.
_COMPILED: dict[int, tuple[Condition, Compiled]] = {}
_FLIP = {Answer.YES: Answer.NO, Answer.NO: Answer.YES, Answer.UNKNOWN: Answer.UNKNOWN}
_YES, _NO, _UNKNOWN = Answer.YES, Answer.NO, Answer.UNKNOWN


def _compile(condition: Condition) -> Compiled:
    # (ref as written, fact name, negated?) for each part; compiled once per rule object.
    found = _COMPILED.get(id(condition))
    if found is not None and found[0] is condition:
        return found[1]

    def parts(refs: list[str]) -> tuple[tuple[str, str, bool], ...]:
        return tuple((r, r.removeprefix("not:"), r.startswith("not:")) for r in refs)

    compiled = (parts(condition.any), parts(condition.all))
    _COMPILED[id(condition)] = (condition, compiled)
    return compiled


def evaluate(condition: Condition, lookup: Lookup) -> tuple[Answer, list[Hit], list[Hit]]:
    """Tri-state value of a condition, the facts that support it, and the unknown facts."""
    any_parts, all_parts = _compile(condition)
    support: list[Hit] = []
    gaps: list[Hit] = []
    if any_parts:
        any_gaps: list[Hit] = []
        for ref, name, negate in any_parts:
            answer = lookup(name)[0]
            if negate:
                answer = _FLIP[answer]
            if answer is _YES:
                support.append(Hit(ref, answer))
            elif answer is _UNKNOWN:
                any_gaps.append(Hit(ref, answer))
        if not support:
            if not any_gaps:
                return _NO, [], []
            gaps = any_gaps
    if all_parts:
        all_support: list[Hit] = []
        for ref, name, negate in all_parts:
            answer = lookup(name)[0]
            if negate:
                answer = _FLIP[answer]
            if answer is _NO:
                return _NO, [], []
            (all_support if answer is _YES else gaps).append(Hit(ref, answer))
        support += all_support
    if gaps:
        return _UNKNOWN, [], gaps
    return _YES, support, []


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The rule set, parsed strictly (duplicate keys are errors) and validated once."""
    doc = parse_yaml(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE))
    if doc.problems:
        raise KnowledgeError(doc.problems)
    return RuleSet.model_validate(doc.data)


def fact_refs(rule_set: RuleSet) -> set[str]:
    """Every fact the rules read (without `not:`), to check them against the account model."""
    conditions: list[Condition] = [r for rs in rule_set.indicators.values() for r in rs]
    groups = [*rule_set.icls.values(), rule_set.palermo.purpose]
    for route in rule_set.palermo.routes.values():
        groups += [route.act, route.means]
    for group in groups:
        conditions += list(group.values())
    return {ref.removeprefix("not:") for c in conditions for ref in (*c.any, *c.all)}
