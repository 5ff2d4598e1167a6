"""Each condition of the rules as a small Python function of its own, written once per rule set.

`rules.evaluate` and `rules.answer_of` read a condition part by part in a loop; they are the
definitions. Screening an account evaluates about 60 conditions, and the loops, the unpacking of
each part, the `not:` test and a call per condition were a third of the time of a screening. So
each group of conditions (an ICLS element, a Palermo element, the ILO indicators) is also turned
into one function of straight-line code over its own fact names, and so is each condition read
on its own (tests check them against the definitions). Only names from the validated rule set
enter the code, each written as a Python literal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..account import Answer

Facts = dict[str, Answer]
Part = tuple[str, str, bool]  # (ref as written, fact name, negated?)
_CONSTANTS = {"Y": Answer.YES, "N": Answer.NO, "U": Answer.UNKNOWN}


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


# A whole group of conditions (an ICLS element's circumstances, a Palermo element, the ILO
# indicators) in one function, for a full screening: which conditions hold, with their support;
# whether any is unknown; whether all are no. The unknown facts of each undecided condition are
# noted in `missing` under the condition's label (what they would decide).
GroupResult = tuple[list[tuple[int, list[str]]], bool, bool]
Member = tuple[tuple[Part, ...], tuple[Part, ...], str, bool]  # any, all, label, needs a job?


def group(members: Sequence[Member]) -> Callable[[Facts, Any, bool], GroupResult]:
    """One function for `members`: called with the facts, the missing facts to note gaps in
    (or None), and whether there is a job (conditions on the work are skipped without one)."""
    lines = ["def run(f, m, j):", "    g = f.get", "    r = []", "    o = False", "    z = True"]
    for index, (any_, all_, label, work) in enumerate(members):
        lines += _member(index, any_, all_, label, work)
    lines += ["    return r, o, z"]
    found: Callable[[Facts, Any, bool], GroupResult] = _build(lines, "run")
    return found


def _member(
    index: int, any_: tuple[Part, ...], all_: tuple[Part, ...], label: str, work: bool
) -> list[str]:
    # `while` runs the body once (or not at all without a job): `break` is "the answer is no".
    lines = [f"    while {'j' if work else 'True'}:", "        s = []", "        p = []"]
    for ref, name, negate in any_:
        lines += [
            f"        a = g({name!r}, U)",
            f"        if a is {'N' if negate else 'Y'}: s.append({ref!r})",
            f"        elif a is U: p.append({name!r})",
        ]
    if any_:
        lines += ["        if s: p = []", "        elif not p: break"]
    for ref, name, negate in all_:
        lines += [
            f"        a = g({name!r}, U)",
            f"        if a is {'Y' if negate else 'N'}: break",
            f"        if a is U: p.append({name!r})",
            f"        else: s.append({ref!r})",
        ]
    lines += [
        "        z = False",
        "        if not p:",
        f"            r.append(({index}, s))",
        "            break",
        "        o = True",
        "        if m is not None:",
        "            for n in p:",
        "                x = m.get(n)",
        f"                if x is None: m[n] = {{{label!r}}}",
        f"                else: x.add({label!r})",
        "        break",
    ]
    return lines
