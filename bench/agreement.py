"""Agreement with outcomes others decided: the corpus of public decisions (corpus/cases/).

Run: `make bench` or `python bench/agreement.py`. Prints the number of cases and, per authority
type, how often the engine's level and trafficking answer are the authority's; where the forum
limits the label (a labour court that can only award wages), also the agreement with the label the
facts it found support. `--record` writes the engine's current answers into the case files (the
rule tests in tests/core/corpus/ check them, so a change that flips a case is seen in review);
`--list` prints each case's answers.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from safepassage.core.corpus import agreement, engine_answer, read_corpus, record
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

CASES = Path(__file__).parents[1] / "corpus" / "cases"


def share(pair: list[int]) -> str:
    agreeing, compared = pair
    return f"{agreeing}/{compared} ({agreeing / compared:.0%})" if compared else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write the engine's answers")
    parser.add_argument("--list", action="store_true", help="print each case's answers")
    args = parser.parse_args()
    began = time.perf_counter()
    screener = Screener(load_knowledge())
    cases = read_corpus(CASES)
    tallies = agreement(screener, cases)
    print(f"corpus: {len(cases)} public decisions")
    print(f"{'authority type':28} {'cases':>5}  {'level':>12}  {'trafficking':>12}  facts label")
    for kind, tally in sorted(tallies.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        print(
            f"{kind:28} {tally.cases:>5}  {share(tally.level):>12}  "
            f"{share(tally.trafficking):>12}  {share(tally.facts_level)}"
        )
    if args.list or args.record:
        for case in cases:
            got = engine_answer(screener, case)
            want = f"{case.outcome.level or '-'} / {case.outcome.trafficking or '-'}"
            print(f"  {case.id:55} authority {want:32} engine {got.level} / {got.trafficking}")
            if args.record and record(CASES / f"{case.id}.yaml", got):
                print(f"    recorded a changed answer for {case.id}")
    print(f"in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
