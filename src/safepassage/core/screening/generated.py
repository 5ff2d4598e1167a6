"""Each condition of the rules as a small Python function of its own, written once per rule set.

`rules.evaluate` and `rules.answer_of` read a condition part by part in a loop; they are the
definitions. Screening an account evaluates about 60 conditions, and the loop, the unpacking of
each part and the `not:` test were a third of the time of a decision. So each condition is also
turned into straight-line code over its own fact names (a test checks that the two agree on
every condition and every combination of answers). Only names from the validated rule set
enter the code, each written as a Python literal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..account import Answer

Facts = dict[str, Answer]
Outcome = tuple[Answer, Sequence[str], Sequence[str]]
Part = tuple[str, str, bool]  # (ref as written, fact name, negated?)
_CONSTANTS = {"Y": Answer.YES, "N": Answer.NO, "U": Answer.UNKNOWN, "NOTHING": (Answer.NO, (), ())}


def evaluator(any_: tuple[Part, ...], all_: tuple[Part, ...]) -> Callable[[Facts], Outcome]:
    """`rules.evaluate` for one condition: its answer, support and gaps."""
    lines = ["def evaluate(f):", "    g = f.get", "    s = []", "    p = []"]
    for ref, name, negate in any_:
        hit = "N" if negate else "Y"
        lines += [
            f"    a = g({name!r}, U)",
            f"    if a is {hit}: s.append({ref!r})",
            f"    elif a is U: p.append({name!r})",
        ]
    if any_:
        lines += ["    if s: p = []", "    elif not p: return NOTHING"]
    for ref, name, negate in all_:
        miss = "Y" if negate else "N"
        lines += [
            f"    a = g({name!r}, U)",
            f"    if a is {miss}: return NOTHING",
            f"    if a is U: p.append({name!r})",
            f"    else: s.append({ref!r})",
        ]
    lines += ["    if p: return (U, (), p)", "    return (Y, s, ())"]
    found: Callable[[Facts], Outcome] = _build(lines, "evaluate")
    return found


def decider(any_: tuple[Part, ...], all_: tuple[Part, ...]) -> Callable[[Facts], Answer]:
    """`rules.answer_of` for one condition: its answer only."""
    lines = ["def answer(f):", "    g = f.get", "    o = False"]
    if any_:
        hits = " or ".join(f"g({name!r}, U) is {'N' if neg else 'Y'}" for _, name, neg in any_)
        gaps = " or ".join(f"g({name!r}, U) is U" for _, name, _ in any_)
        lines += [f"    if not ({hits}):", f"        if not ({gaps}): return N", "        o = True"]
    for _, name, negate in all_:
        miss = "Y" if negate else "N"
        lines += [
            f"    a = g({name!r}, U)",
            f"    if a is {miss}: return N",
            "    if a is U: o = True",
        ]
    lines += ["    return U if o else Y"]
    found: Callable[[Facts], Answer] = _build(lines, "answer")
    return found


def _build(lines: list[str], name: str) -> Any:
    scope: dict[str, object] = dict(_CONSTANTS)
    exec(compile("\n".join(lines), f"<condition {name}>", "exec"), scope)
    function = scope[name]
    assert callable(function)
    return function
