"""Each condition's generated code answers exactly as the definitions in rules.py do, for every
combination of answers to its facts (an absent fact is unknown)."""

from __future__ import annotations

from itertools import product

from safepassage.core.account import Answer
from safepassage.core.screening.rules import (
    Condition,
    answer_of,
    compile_condition,
    evaluate,
    rules,
)


def _conditions() -> list[Condition]:
    rule_set = rules()
    found: list[Condition] = [r for rs in rule_set.indicators.values() for r in rs]
    groups = [*rule_set.icls.values(), rule_set.palermo.purpose]
    for route in rule_set.palermo.routes.values():
        groups += [route.act, route.means]
    for group in groups:
        found += list(group.values())
    # Shapes the shipped rules may not have: negations on both sides, all without any.
    found += [
        Condition(any=["work.a", "not:work.b"], all=["not:work.c", "work.d"]),
        Condition(all=["not:work.a", "work.b"]),
        Condition(any=["not:work.a"]),
    ]
    return found


def _agree(condition: Condition) -> int:
    compiled = compile_condition(condition)
    names = sorted({ref.removeprefix("not:") for ref in (*condition.any, *condition.all)})
    tried = 0
    for answers in product([*Answer, None], repeat=len(names)):
        facts = {n: a for n, a in zip(names, answers, strict=True) if a is not None}
        want = evaluate(compiled, facts)
        got = compiled.evaluate(facts)
        assert (got[0], list(got[1]), list(got[2])) == (want[0], list(want[1]), list(want[2]))
        assert compiled.answer(facts) is answer_of(compiled, facts) is want[0]
        tried += 1
    return tried


def test_it_agrees_with_the_definitions_on_every_condition():
    conditions = _conditions()
    assert len(conditions) > 50
    tried = sum(_agree(condition) for condition in conditions)
    assert tried > 10_000
