"""Whole-process time of a cold `prov trace norinchukin`: several runs, median.

Run: .venv/bin/python benchmarks/startup.py [--runs N] [--compare OTHER_CHECKOUT]

Prints two figures: with the analysed-case cache warm (the everyday case: the case file
has not changed since the last command) and with caching switched off (every run reads,
validates and analyses the case). Target: at most 120 ms for the first.

Runs are made with Python's bytecode cache on (PYTHONDONTWRITEBYTECODE removed from the
environment), as an installed `prov` runs: without it every module is compiled from
source on every start, which measures the size of the code rather than its work.

`--compare PATH` also times `prov trace norinchukin` (the entry point's `main()`, run
with this interpreter and the tree on PYTHONPATH) from another checkout (say `git worktree
add /tmp/base main`) against this one, runs interleaved so that the machine's load falls
on both alike: how a change is held to "within 10%".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROV = Path(sys.executable).with_name("prov")
HERE = Path(__file__).resolve().parent.parent
QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}


def _env(cache: str) -> dict[str, str]:
    env = {**os.environ, "PROV_CACHE_DIR": cache}
    env.pop("PROV_CASE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, **QUIET)  # type: ignore[call-overload]
    return (time.perf_counter() - start) * 1000


def median_ms(env: dict[str, str], runs: int) -> tuple[float, float]:
    times = [_time([str(PROV), "trace", "norinchukin"], env) for _ in range(runs)]
    return statistics.median(times), min(times)


def compare(other: Path, runs: int) -> None:
    """Time this checkout and `other` in turn, cache warm, and print both medians."""
    trees = {"this checkout": HERE, str(other): other.resolve()}
    # `main()` as the console script calls it: `-m provenance.cli` does nothing in a tree
    # whose cli.py has no `__main__` guard (the pre-wave one), so it cannot be compared.
    entry = "from provenance.cli import main; main()"
    command = [sys.executable, "-c", entry, "trace", "norinchukin"]
    envs = {}
    for name, tree in trees.items():
        envs[name] = {**_env(tempfile.mkdtemp(prefix="prov-bench-")), "PYTHONPATH": str(tree)}
        for _ in range(3):  # fill the case cache and the bytecode caches
            _time(command, envs[name], tree)
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            times[name].append(_time(command, envs[name], tree))
    base = statistics.median(times[str(other)])
    for name in trees:
        median = statistics.median(times[name])
        print(
            f"{name:<34}  median {median:6.1f} ms  min {min(times[name]):6.1f} ms"
            f"  ({(median / base - 1) * 100:+.1f}% against {other})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--compare", type=Path, help="another checkout to time against")
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.runs)
        return
    with tempfile.TemporaryDirectory() as cache:
        env = _env(cache)
        subprocess.run([str(PROV), "status"], env=env, **QUIET)  # type: ignore[call-overload]
        warm = median_ms(env, args.runs)
        cold = median_ms({**env, "PROV_CACHE_DIR": ""}, args.runs)
        bare = median_ms_python(args.runs)
    print(f"python -c pass                      median {bare[0]:6.1f} ms  min {bare[1]:6.1f} ms")
    print(
        f"prov trace norinchukin, cache warm  median {warm[0]:6.1f} ms  min {warm[1]:6.1f} ms"
        f"  (target 120 ms)"
    )
    print(f"prov trace norinchukin, no cache    median {cold[0]:6.1f} ms  min {cold[1]:6.1f} ms")


def median_ms_python(runs: int) -> tuple[float, float]:
    times = [_time([sys.executable, "-c", "pass"], os.environ.copy()) for _ in range(runs)]
    return statistics.median(times), min(times)


if __name__ == "__main__":
    main()
