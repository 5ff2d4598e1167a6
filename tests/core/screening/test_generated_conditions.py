"""The generated code of each condition and each group of conditions answers exactly as the
definitions in rules.py do (an absent fact is unknown)."""

from __future__ import annotations

import random
from itertools import product

from safepassage.core.account import Answer
from safepassage.core.screening import generated
from safepassage.core.screening.engine import _CompiledRules
from safepassage.core.screening.rules import (
    Compiled,
    Condition,
    all_conditions,
    answer_of,
    compile_condition,
    evaluate,
    rules,
)


def _conditions() -> list[Condition]:
    found = all_conditions(rules())
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
        assert compiled.answer(facts) is answer_of(compiled, facts) is evaluate(compiled, facts)[0]
        tried += 1
    return tried


def test_it_agrees_with_the_definitions_on_every_condition():
    conditions = _conditions()
    assert len(conditions) > 50
    tried = sum(_agree(condition) for condition in conditions)
    assert tried > 10_000


def _reference(members, facts, job):
    """What a group's generated function must return, from the definitions."""
    held, unknown, none, missing = [], False, True, {}
    for index, (any_, all_, label, work) in enumerate(members):
        if work and not job:
            continue
        answer, support, gaps = evaluate(Compiled(any_, all_, None), facts)
        if answer is Answer.YES:
            held.append((index, list(support)))
        if answer is not Answer.NO:
            none = False
        if answer is Answer.UNKNOWN:
            unknown = True
            for name in gaps:
                missing.setdefault(name, set()).add(label)
    return held, unknown, none, missing


def test_it_runs_each_group_as_the_definitions_do():
    compiled = _CompiledRules(rules())
    groups = [
        [(c.any, c.all, label, stage == "work") for _, stage, c, label in compiled.indicators],
        *[
            [(c.any, c.all, f"icls:{element}", False) for _, c, _ in conditions]
            for element, conditions in compiled.icls.items()
        ],
        *[
            [(c.any, c.all, f"palermo:{name}", False) for _, c, _ in conditions]
            for route in compiled.palermo_routes
            for name, conditions in zip(("act", "means"), route, strict=True)
        ],
        [(c.any, c.all, "palermo:purpose", False) for _, c, _ in compiled.palermo_purpose],
    ]
    names = sorted({name for members in groups for m in members for _, name, _ in (*m[0], *m[1])})
    rng = random.Random(2026)
    for members in groups:
        run = generated.group(members)
        for _ in range(400):
            facts = {n: rng.choice(list(Answer)) for n in names if rng.random() < 0.8}
            job = rng.random() < 0.8
            missing: dict[str, set[str]] = {}
            held, unknown, none = run(facts, missing, job)
            assert ([(i, list(s)) for i, s in held], unknown, none, missing) == _reference(
                members, facts, job
            )
