"""The screening rules: which facts support which indicator or element, read from rules.yaml.

Conditions are compiled once per screener and evaluated over a plain dict of the job's answers,
so that screening an account is a few hundred dict reads (see bench/screening.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..account import Answer
from ..knowledge.problems import KnowledgeError
from ..knowledge.yamlsource import parse_yaml
from . import generated

RULES_FILE = Path(__file__).with_name("rules.yaml")
Stage = Literal["recruitment", "transit", "work", "return"]
STAGES: tuple[Stage, ...] = ("recruitment", "transit", "work", "return")
FactRef = str  # "work.locked_in", "not:work.free_to_leave", "derived.forced_labour"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    any: list[FactRef] = []
    all: list[FactRef] = []
    # The knowledge term this condition encodes (an ICLS circumstance or element of coercion, a
    # Palermo means), when its key is not the term's id itself: two conditions may share a term.
    term: str | None = None


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


Part = tuple[str, str, bool]  # (ref as written, fact name without `not:`, negated?)


@dataclass(frozen=True)
class Compiled:
    """A condition ready to evaluate: its parts split once, not on every screening, and
    written as code of its own (`answer`, see generated.py)."""

    any: tuple[Part, ...]
    all: tuple[Part, ...]
    answer: Callable[[Facts], Answer] = field(compare=False, repr=False)


def compile_condition(condition: Condition) -> Compiled:
    def parts(refs: list[str]) -> tuple[Part, ...]:
        return tuple((r, r.removeprefix("not:"), r.startswith("not:")) for r in refs)

    any_, all_ = parts(condition.any), parts(condition.all)
    return Compiled(any_, all_, generated.decider(any_, all_))


Facts = dict[str, Answer]  # fact name ("work.locked_in", "derived.forced_labour") -> answer
Outcome = tuple[Answer, Sequence[str], Sequence[str]]
_FLIP = {Answer.YES: Answer.NO, Answer.NO: Answer.YES, Answer.UNKNOWN: Answer.UNKNOWN}
_YES, _NO, _UNKNOWN = Answer.YES, Answer.NO, Answer.UNKNOWN
_NOTHING: Outcome = (_NO, (), ())


def evaluate(condition: Compiled, facts: Facts) -> Outcome:
    """Tri-state value of a condition, the refs that support it (as written, `not:` kept) when
    yes, and the names of the unknown facts that would decide it when unknown."""
    support: list[str] = []
    gaps: list[str] = []
    if condition.any:
        for ref, name, negate in condition.any:
            answer = facts.get(name, _UNKNOWN)
            if negate:
                answer = _FLIP[answer]
            if answer is _YES:
                support.append(ref)
            elif answer is _UNKNOWN:
                gaps.append(name)
        if support:
            gaps = []
        elif not gaps:
            return _NOTHING
    for ref, name, negate in condition.all:
        answer = facts.get(name, _UNKNOWN)
        if negate:
            answer = _FLIP[answer]
        if answer is _NO:
            return _NOTHING
        if answer is _YES:
            support.append(ref)
        else:
            gaps.append(name)
    if gaps:
        return _UNKNOWN, (), gaps
    return _YES, support, ()


def answer_of(condition: Compiled, facts: Facts) -> Answer:
    """The tri-state value of `evaluate`, without collecting support or gaps (a decision)."""
    open_part = False
    if condition.any:
        found = False
        for _, name, negate in condition.any:
            answer = facts.get(name, _UNKNOWN)
            if answer is _UNKNOWN:
                open_part = True
            elif (answer is _YES) is not negate:
                found = True
                break
        if found:
            open_part = False
        elif not open_part:
            return _NO
    for _, name, negate in condition.all:
        answer = facts.get(name, _UNKNOWN)
        if answer is _UNKNOWN:
            open_part = True
        elif (answer is _NO) is not negate:
            return _NO
    return _UNKNOWN if open_part else _YES


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The rule set, parsed strictly (duplicate keys are errors) and validated once."""
    doc = parse_yaml(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE))
    if doc.problems:
        raise KnowledgeError(doc.problems)
    return RuleSet.model_validate(doc.data)


def all_conditions(rule_set: RuleSet) -> list[Condition]:
    """Every condition of the rule set: the indicators', the ICLS elements', Palermo's."""
    conditions: list[Condition] = [r for rs in rule_set.indicators.values() for r in rs]
    groups = [*rule_set.icls.values(), rule_set.palermo.purpose]
    for route in rule_set.palermo.routes.values():
        groups += [route.act, route.means]
    for group in groups:
        conditions += list(group.values())
    return conditions


def rule_refs(rule_set: RuleSet) -> list[str]:
    """Every reference of every condition, as written (`not:` kept)."""
    return [ref for c in all_conditions(rule_set) for ref in (*c.any, *c.all)]


def fact_refs(rule_set: RuleSet) -> set[str]:
    """Every fact the rules read (without `not:`), to check them against the account model."""
    return {ref.removeprefix("not:") for ref in rule_refs(rule_set)}
