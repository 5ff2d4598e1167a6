"""Plans per second on one core, over the example accounts with their plan requests.

Run: `make bench`. Screening is done once per account beforehand, so this measures the planner.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.knowledge.yamlsource import parse_yaml
from safepassage.core.responses import GOALS, Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "accounts").glob("*.yaml"))
SECONDS = 3.0


def cases(screener: Screener) -> list[tuple[object, object, PlanRequest]]:
    found = []
    for path in EXAMPLES:
        spec = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data.get("plan", {})
        account = read_account(path)
        request = PlanRequest(
            tuple(spec.get("goals", GOALS[:2])), frozenset(spec.get("consent", []))
        )
        found.append((account, screener.screen(account), request))
    return found


def main() -> None:
    knowledge = load_knowledge(env={})
    planner, work = Planner(knowledge), cases(Screener(knowledge))
    latencies: list[float] = []
    steps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        for account, result, request in work:
            began = time.perf_counter()
            plan = planner.plan(account, result, request)  # type: ignore[arg-type]
            latencies.append(time.perf_counter() - began)
            steps += len(plan.steps)
    elapsed = time.perf_counter() - start
    latencies.sort()
    print(
        f"planning: {len(latencies) / elapsed:,.0f} plans per second on one core; median "
        f"{statistics.median(latencies) * 1e6:.0f} µs, p99 "
        f"{latencies[int(len(latencies) * 0.99)] * 1e6:.0f} µs; "
        f"{steps / len(latencies):.1f} steps per plan over {len(work)} examples"
    )


if __name__ == "__main__":
    main()
