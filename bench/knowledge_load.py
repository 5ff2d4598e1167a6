"""How fast the knowledge base loads, validates and answers "as of date D" lookups.

Run: `make bench` (or `.venv/bin/python bench/knowledge_load.py`). Goal: a full load and
validation under 200 ms, so that a CLI call or a worker start stays snappy.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from safepassage.core.knowledge import load_knowledge

LOADS = 15
LOOKUPS = 200_000


def time_loads() -> list[float]:
    timings = []
    for _ in range(LOADS):
        start = time.perf_counter()
        load_knowledge(env={})
        timings.append(time.perf_counter() - start)
    return timings


def time_lookups() -> tuple[float, int]:
    knowledge = load_knowledge(env={})
    wage = knowledge.parameter("TH", "minimum_wage", "minimum_wage")
    # Provinces whose rates run from 2025 on (sector entries start later or have ended).
    places = [p.name for p in wage.places.values() if p.kind == "province"]
    rng = random.Random(7)
    start_day = date(2025, 1, 1)  # queries span 2025-01-01 .. 2026-12-01
    queries = [
        (start_day + timedelta(days=rng.randrange(700)), rng.choice(places)) for _ in range(LOOKUPS)
    ]
    start = time.perf_counter()
    for day, place in queries:
        wage.at(day, place)
    return time.perf_counter() - start, len(queries)


def main() -> None:
    knowledge = load_knowledge(env={})
    values = sum(1 for _ in knowledge.values())
    loads = sorted(time_loads())
    elapsed, count = time_lookups()
    print(f"knowledge: {len(knowledge.parameters)} parameters, {values} dated values")
    print(
        f"load+validate: median {statistics.median(loads) * 1000:.1f} ms, "
        f"min {loads[0] * 1000:.1f} ms, max {loads[-1] * 1000:.1f} ms over {LOADS} loads "
        "(goal < 200 ms)"
    )
    print(
        f"lookups: {count / elapsed:,.0f} per second "
        f"({elapsed / count * 1e6:.2f} µs each, TH minimum wage by province and date)"
    )


if __name__ == "__main__":
    main()
