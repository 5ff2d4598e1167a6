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


def evaluate(condition: Condition, lookup: Lookup) -> tuple[Answer, list[Hit], list[Hit]]:
    """Tri-state value of a condition, the facts that support it, and the unknown facts."""
    parts = []
    if condition.any:
        parts.append(_any(condition.any, lookup))
    if condition.all:
        parts.append(_all(condition.all, lookup))
    answers = [answer for answer, _, _ in parts]
    if Answer.NO in answers:
        answer = Answer.NO
    elif answers and all(a is Answer.YES for a in answers):
        answer = Answer.YES
    else:
        answer = Answer.UNKNOWN
    support = [hit for _, hits, _ in parts for hit in hits] if answer is Answer.YES else []
    unknown = [hit for _, _, gaps in parts for hit in gaps] if answer is Answer.UNKNOWN else []
    return answer, support, unknown


def _read(ref: FactRef, lookup: Lookup) -> Answer:
    negate = ref.startswith("not:")
    answer, _ = lookup(ref.removeprefix("not:"))
    if negate and answer is not Answer.UNKNOWN:
        return Answer.NO if answer is Answer.YES else Answer.YES
    return answer


def _any(refs: list[FactRef], lookup: Lookup) -> tuple[Answer, list[Hit], list[Hit]]:
    read = [(ref, _read(ref, lookup)) for ref in refs]
    yes = [Hit(ref, a) for ref, a in read if a is Answer.YES]
    gaps = [Hit(ref, a) for ref, a in read if a is Answer.UNKNOWN]
    if yes:
        return Answer.YES, yes, []
    return (Answer.UNKNOWN, [], gaps) if gaps else (Answer.NO, [], [])


def _all(refs: list[FactRef], lookup: Lookup) -> tuple[Answer, list[Hit], list[Hit]]:
    read = [(ref, _read(ref, lookup)) for ref in refs]
    if any(a is Answer.NO for _, a in read):
        return Answer.NO, [], []
    gaps = [Hit(ref, a) for ref, a in read if a is Answer.UNKNOWN]
    if gaps:
        return Answer.UNKNOWN, [], gaps
    return Answer.YES, [Hit(ref, a) for ref, a in read], []


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
