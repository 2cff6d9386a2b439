"""The analysed-case store at scale: generated cases of many assertions, analysed and
then read back by the `prov` command, as a checker runs it.

Run: .venv/bin/python benchmarks/store.py [--sizes 10000 100000] [--prov PATH]

For each size, a case generated as benchmarks/engine.py generates them (written as one
JSON case file) is run through, each step a separate process: `prov status` with no
store (the first analysis, which writes it), then with it: `prov status`, `prov trace`
of one claim (looked up in the store's term index), `prov explain` of it, `prov check`;
with the wall time and peak memory of each, and the size of the store. `--prov` runs
another `prov` command (an older tree's, say, to compare).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from engine import generate
from spread import PROV, timed


def measure(n: int, work: Path, prov: Path) -> None:
    """Print the figures of one size."""
    case = work / f"case{n}.json"
    case.write_text(json.dumps(generate(n)), encoding="utf-8")
    cache = work / f"cache{n}"
    env = {**os.environ, "PROV_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    claim = f"claim{n // 200}"
    steps = {
        "status, no store": ["status", "--case", str(case)],
        "status": ["status", "--case", str(case)],
        f"trace {claim}": ["trace", claim, "--case", str(case)],
        f"explain {claim}": ["explain", claim, "--case", str(case)],
        "check": ["check", "--case", str(case)],
    }
    # `prov check` exits 1 when it finds errors, as generated cases have.
    out = {step: timed(args, env, prov, ok=(0, 1)) for step, args in steps.items()}
    size = sum(f.stat().st_size for f in cache.iterdir() if f.name != "engine-hash.json")
    print(
        f"{n:>9,} assertions (case {case.stat().st_size / 1e6:,.0f} MB, store {size / 1e6:,.0f} MB)"
    )
    for step, (secs, mb) in out.items():
        print(f"    {step:18} {secs:7.2f} s   peak {mb:7,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--prov", type=Path, default=PROV, help="the prov command to run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            measure(n, Path(folder), args.prov)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
