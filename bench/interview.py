"""The interview: questions to a settled result, and how long choosing the next question takes.

Run: `make bench`. First 200 generated accounts answered in full, as a migrant who knows their
own situation would; then every example account from an empty account, twice: as written (what
the example does not say is "don't know", so every question that could still change the result
must be asked), and as the person would tell it (a yes / no question the example leaves open is
answered the harmless way, since an expert writing the account would have recorded anything
adverse; numbers and choices it leaves open stay "don't know"), each time with no decision
remembered from an earlier replay. Each runs until the result is settled.

Prints the number of questions (goal: median at most 20 on the examples as told) and the
latency of each next-question step, settled check included (goal: p99 under 3 ms on one core),
and checks every settled result against the screening of the whole account.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from safepassage.core.account import Account
from safepassage.core.account_file import read_account
from safepassage.core.interview import (
    apply,
    benign,
    is_unknown,
    learnable,
    next_questions,
    questions,
    read,
)
from safepassage.core.interview.decisions import forget_decisions
from safepassage.core.interview.questions import plain
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

sys.path.insert(0, str(Path(__file__).parent))
from generated import complete_account

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "accounts").glob("*.yaml"))
GENERATED = 200


project = learnable  # what an interview from an empty account can learn


def as_told(example: Account) -> Account:
    """The example as its person would answer: each yes / no question it leaves open answered
    the harmless way (no work questions when there is no job)."""
    told = example
    for qid, question in questions().items():
        if question.kind != "fact" or question.covers or not is_unknown(told, qid):
            continue
        if qid.startswith("work.") and not told.work:
            continue
        told = apply(told, qid, benign(qid))
    return told


def replay(screener: Screener, truth: Account, steps: list[float]) -> tuple[int, bool]:
    """Interview `truth` from an empty account; the questions asked, and whether the settled
    result equals the whole account's. Each step's time goes to `steps`."""
    # The interview knows the day it takes place (the law in force then), as a case record does.
    account, asked = Account(reported_on=truth.reported_on), list[str]()
    while True:
        began = time.perf_counter()
        found = next_questions(screener, account, skip=asked)
        steps.append(time.perf_counter() - began)
        if not found:
            break
        asked.append(found[0].id)
        if not is_unknown(truth, found[0].id):
            account = apply(account, found[0].id, plain(read(truth, found[0].id)))
    want, got = screener.screen(truth), screener.screen(account)
    same = (want.level, want.trafficking.result) == (got.level, got.trafficking.result)
    return len(asked), same


def report(name: str, counts: list[int], steps: list[float], wrong: int, goal: str = "") -> None:
    steps = sorted(steps)
    p99 = steps[int(len(steps) * 0.99)]
    print(
        f"{name}: {statistics.mean(counts):.1f} questions on average to a settled result "
        f"(median {statistics.median(counts):g}, max {max(counts)}{goal}); "
        f"next question median {statistics.median(steps) * 1e3:.2f} ms, "
        f"p99 {p99 * 1e3:.2f} ms over {len(steps):,} steps (goal: p99 < 3 ms); "
        f"{wrong} settled results differ from the whole account's"
    )


def main() -> None:
    screener = Screener(load_knowledge(env={}))
    # The generated accounts first: the screener has then served other interviews, as a running
    # server has (the law of each country is looked up once per process, not per interview).
    rng = random.Random(2026)
    counts, steps, wrong = [], [], 0
    for _ in range(GENERATED):
        count, same = replay(screener, complete_account(rng), steps)
        counts.append(count)
        wrong += not same
    report(f"{GENERATED} generated accounts, every question answered", counts, steps, wrong)
    examples = {path.stem: read_account(path) for path in EXAMPLES}
    for name, told in (("as written", False), ("as told", True)):
        forget_decisions(screener)  # no example reuses a decision made replaying it before
        counts, steps, wrong = [], [], 0
        print(f"examples {name}:")
        for stem, example in examples.items():
            truth = project(as_told(example) if told else example)
            count, same = replay(screener, truth, steps)
            counts.append(count)
            wrong += not same
            print(f"  {stem:40} {count:3} questions")
        goal = "; goal: median <= 20" if told else ""
        report(f"examples {name}", counts, steps, wrong, goal)


if __name__ == "__main__":
    main()
