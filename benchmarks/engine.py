"""Time of the confirmation engine on generated cases of 1,000 to 100,000 assertions.

Run: .venv/bin/python benchmarks/engine.py [--sizes 1000 10000 100000]

Each case has one actor per 20 assertions, one source per 10 (each citing up to two
earlier sources), one claim per 100 in specificity trees, and a third of the assertions
relaying an earlier one. Prints the time to validate the case (pydantic), build the
graph (networkx) and analyse it, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from typing import Any

from provenance.engine import analyse
from provenance.graph import build_graph
from provenance.model import Case

STANCES = ["confirms", "states", "states", "hedges", "conditional", "reports", "doubts", "denies"]
BASES = [
    "first_hand",
    "official",
    "documents",
    "analysis",
    "unnamed_sources",
    "hearsay",
    "unstated",
    "unstated",
]


def generate(n: int, seed: int = 1) -> dict[str, Any]:
    """Return case data with `n` assertions, deterministic for a seed."""
    rng = random.Random(seed)
    n_actors, n_sources, n_claims = max(n // 20, 2), max(n // 10, 2), max(n // 100, 2)
    actors = [{"id": f"actor{i}", "name": f"Actor {i}", "kind": "person"} for i in range(n_actors)]
    sources = [
        {
            "id": f"src{i}",
            "title": f"Source {i}",
            "kind": "article",
            "cites": sorted({f"src{rng.randrange(i)}" for _ in range(rng.randrange(3))})
            if i
            else [],
        }
        for i in range(n_sources)
    ]
    claims: list[dict[str, Any]] = []
    for i in range(n_claims):
        claim: dict[str, Any] = {"id": f"claim{i}", "text": f"Claim {i}"}
        if i % 5:
            claim["more_specific_than"] = [f"claim{i - i % 5}"]
        claims.append(claim)
    assertions = []
    for i in range(n):
        record: dict[str, Any] = {
            "id": f"as{i}",
            "actor": f"actor{rng.randrange(n_actors)}",
            "claim": f"claim{rng.randrange(n_claims)}",
            "source": f"src{rng.randrange(n_sources)}",
            "stance": rng.choice(STANCES),
            "basis": rng.choice(BASES),
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        if i and rng.random() < 1 / 3:
            record["via"] = f"as{rng.randrange(max(0, i - 200), i)}"
        assertions.append(record)
    return {
        "title": f"generated {n}",
        "actors": actors,
        "sources": sources,
        "claims": claims,
        "assertions": assertions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(f"{'assertions':>10}  {'validate':>9}  {'graph':>9}  {'analyse':>9}  {'total':>9}")
    for n in args.sizes:
        data = generate(n)
        t0 = time.perf_counter()
        case = Case.model_validate(data)
        t1 = time.perf_counter()
        graph = build_graph(case)
        t2 = time.perf_counter()
        result = analyse(graph)
        t3 = time.perf_counter()
        assert len(result["assertions"]) == n
        print(f"{n:>10}  {t1 - t0:>8.2f}s  {t2 - t1:>8.2f}s  {t3 - t2:>8.2f}s  {t3 - t0:>8.2f}s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
