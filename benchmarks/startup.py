"""Whole-process time of a cold `prov trace norinchukin`: several runs, median.

Run: .venv/bin/python benchmarks/startup.py [--runs N]

Prints two figures: with the analysed-case cache warm (the everyday case: the case file
has not changed since the last command) and with caching switched off (every run reads,
validates and analyses the case). Target: at most 120 ms for the first.
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


def median_ms(env: dict[str, str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(PROV), "trace", "norinchukin"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PROV_CACHE_DIR": cache}
        env.pop("PROV_CASE", None)
        subprocess.run(
            [str(PROV), "status"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fills the cache
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
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    main()
