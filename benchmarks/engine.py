"""Time of the confirmation engine on generated cases of 10,000 to 1,000,000 assertions.

Run: .venv/bin/python benchmarks/engine.py [--sizes 10000 100000 1000000] [--budget 180]
[--repeat 1]

Each case has one actor per 20 assertions, one source per 10 (each citing up to two
earlier sources), one claim per 100 in specificity trees, and a third of the assertions
relaying an earlier one, dated over one year. Each size runs in a fresh process, with
the garbage collector paused as `prov` reads a case (provenance.gcpause), and prints the
time to validate the case (pydantic), build the graph (networkx) and analyse it, the
total also in CPU time (less disturbed by other work on the machine), and the peak
memory of that process; with `--repeat K`, each size runs K times (alternating with
the other sizes) and the run with the least CPU time is kept: on a machine shared with
other work, the least disturbed. Then, for each step up in size, the ratio of the times
against the target: a case `k` times larger may take at most 1.3 x `k` times longer
(within 1.3x of linear). A size above 100,000 whose estimated time (the last one's,
scaled linearly, with the 1.3 margin) exceeds `--budget` seconds, or whose estimated
memory exceeds what the machine has free, is skipped with a note.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from typing import Any

from provenance.engine import analyse
from provenance.gcpause import paused
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


Row = dict[str, float]
STEPS = ("validate", "graph", "analyse", "total", "cpu")
MARGIN = 1.3  # the target: within 1.3x of linear
ALWAYS = 100_000  # sizes up to this run whatever the budget


def run_one(n: int) -> Row:
    """Return the times (seconds) of one size and its peak memory (MiB), in this process."""
    data = generate(n)
    clock = time.perf_counter
    with paused():
        t0, c0 = clock(), time.process_time()
        case = Case.model_validate(data)
        t1 = clock()
        graph = build_graph(case)
        t2 = clock()
        result = analyse(graph, case.rules)
        t3, c3 = clock(), time.process_time()
    assert len(result["assertions"]) == n
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "validate": t1 - t0,
        "graph": t2 - t1,
        "analyse": t3 - t2,
        "total": t3 - t0,
        "cpu": c3 - c0,  # the total in CPU time: less disturbed by other work on the machine
        "peak": peak,
    }


def _child(n: int) -> Row:
    """Return `run_one(n)` measured in a fresh process (its own peak memory)."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
    )
    row: Row = json.loads(out.stdout)
    return row


def _free_mib() -> float:
    """Return the memory the machine has available, in MiB (unknown: infinite)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("inf")


def _ratios(rows: list[tuple[int, Row]]) -> None:
    """Print, for each step up in size, how the times grew against the target."""
    for (small, a), (large, b) in itertools.pairwise(rows):
        k = large / small
        limit = MARGIN * k
        print(
            f"\n{small:,} -> {large:,} assertions ({k:g}x; target: within {MARGIN}x of "
            f"{k:g}x, at most {limit:g}x)"
        )
        for step in STEPS:
            ratio = b[step] / a[step] if a[step] > 0 else float("inf")
            verdict = "within target" if ratio <= limit else "OVER target"
            print(f"  {step:>9} {ratio:>6.1f}x  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000, 1000000])
    parser.add_argument("--budget", type=float, default=180.0, help="seconds per size")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest kept")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    head = f"{'assertions':>10}  " + "  ".join(f"{s:>9}" for s in STEPS) + "  peak memory"
    print(head)
    best: dict[int, Row] = {}
    for _ in range(args.repeat):
        for n in args.sizes:
            if _skipped(n, best, args.budget):
                continue
            row = _child(n)
            if n not in best or row["cpu"] < best[n]["cpu"]:
                best[n] = row
            times = "  ".join(f"{row[s]:>8.2f}s" for s in STEPS)
            print(f"{n:>10}  {times}  {row['peak']:>7,.0f} MiB", flush=True)
    rows = sorted(best.items())
    if args.repeat > 1:
        print(f"\nthe fastest of {args.repeat} runs (least CPU time):")
        for n, row in rows:
            times = "  ".join(f"{row[s]:>8.2f}s" for s in STEPS)
            print(f"{n:>10}  {times}  {row['peak']:>7,.0f} MiB")
    _ratios(rows)


def _skipped(n: int, best: dict[int, Row], budget: float) -> bool:
    """Return whether size `n` is skipped (said once): above 100,000 assertions, when
    the time estimated from the largest smaller size measured (scaled linearly, with the
    1.3 margin) exceeds `budget` seconds, or its memory what the machine has free."""
    smaller = [m for m in best if m < n]
    if n <= ALWAYS or not smaller:
        return False
    last_n = max(smaller)
    last = best[last_n]
    k = n / last_n
    seconds, mib = last["total"] * k * MARGIN, last["peak"] * k
    if seconds <= budget and mib <= _free_mib():
        return False
    if n not in _SAID_SKIPPED:
        _SAID_SKIPPED.add(n)
        print(
            f"{n:>10}  skipped: estimated {seconds:.0f} s and {mib:,.0f} MiB "
            f"(budget {budget:.0f} s, {_free_mib():,.0f} MiB free)"
        )
    return True


_SAID_SKIPPED: set[int] = set()


if __name__ == "__main__":
    main()
