"""Screening throughput and latency.

Run: `make bench`. Reports accounts screened per second on one core over the example accounts
(goal: at least 5,000) and the latency distribution. The interview has its own benchmark
(bench/interview.py).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "accounts").glob("*.yaml"))
SECONDS = 3.0


def throughput(screener: Screener) -> None:
    accounts = [read_account(path) for path in EXAMPLES]
    for account in accounts:  # warm caches (framework lookups, compiled rules)
        screener.screen(account)
    latencies: list[float] = []
    start = time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        for account in accounts:
            began = time.perf_counter()
            screener.screen(account)
            latencies.append(time.perf_counter() - began)
    elapsed = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99)]
    print(
        f"screening: {len(latencies) / elapsed:,.0f} accounts per second on one core "
        f"(goal >= 5,000); median {statistics.median(latencies) * 1e6:.0f} µs, "
        f"p99 {p99 * 1e6:.0f} µs over {len(latencies):,} screenings"
    )


def main() -> None:
    screener = Screener(load_knowledge(env={}))
    throughput(screener)


if __name__ == "__main__":
    main()
