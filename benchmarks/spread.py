"""Spread data at scale: generated reposts of the seed case's statements, imported and
analysed by the `prov` command, as a checker runs it.

Run: .venv/bin/python benchmarks/spread.py [--sizes 10000 100000 1000000]

For each size, a copy of the seed case gets N generated posts (CSV: a fifth repost a
case statement directly, the rest repost an earlier post; 2% of the authors post a
tenth of the posts, as bot networks do), then prints, each a separate process:
`prov import spread`; `prov status` with the analysed-case cache cold (the first
analysis) and warm; `prov trace norinchukin` warm; the peak memory of each; and the
10k → 100k → 1M ratios of the first analysis against the target "within 1.3× of 10×".
Targets (issue 17): 100k: status ≤ 5 s cold, ≤ 0.5 s warm, trace ≤ 0.3 s warm;
1M: first analysis ≤ 60 s and ≤ 2 GB, then status ≤ 1 s, trace ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "treasuries-2025"
PROV = Path(sys.executable).with_name("prov")


def statements() -> list[str]:
    """Return the seed case's assertion ids (read from the YAML, without prov)."""
    import yaml

    data = yaml.safe_load((SEED / "case.yaml").read_text(encoding="utf-8"))
    return [a["id"] for a in data["assertions"]]


def generate(path: Path, n: int, seed: int = 1) -> None:
    """Write `n` posts to the CSV file `path`, deterministically for `seed`."""
    rng = random.Random(seed)
    roots = statements()
    start = dt.datetime(2025, 4, 9, tzinfo=dt.UTC)
    bots = [f"@bot{i}" for i in range(max(n // 500, 1))]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "author", "time", "relays", "url", "platform"])
        for i in range(n):
            relays = rng.choice(roots) if i < 5 or rng.random() < 0.2 else f"p{rng.randrange(i)}"
            author = rng.choice(bots) if rng.random() < 0.1 else f"@user{rng.randrange(n)}"
            moment = start + dt.timedelta(seconds=i * 600_000 // n + rng.randrange(60))
            url = f"https://x.example/{author[1:]}/status/{i}"
            platform = "x" if rng.random() < 0.8 else "weibo"
            out.writerow(
                [f"p{i}", author, moment.strftime("%Y-%m-%dT%H:%M:%SZ"), relays, url, platform]
            )


def timed(
    args: list[str], env: dict[str, str], prov: Path = PROV, ok: tuple[int, ...] = (0,)
) -> tuple[float, float]:
    """Run `prov ARGS` (the `prov` command given), which must exit with a code in `ok`;
    return its wall time (s) and its own peak memory (MB)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(prov), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in ok:
        sys.exit(f"prov {' '.join(args)} failed with {child.returncode}")
    return took, usage.ru_maxrss / 1024


def measure(n: int, work: Path) -> dict[str, tuple[float, float]]:
    """Return {step: (seconds, peak MB)} for one size."""
    case = work / f"case{n}"
    shutil.copytree(SEED, case)
    data = work / f"posts{n}.csv"
    generate(data, n)
    cache = work / f"cache{n}"
    env = {**os.environ, "PROV_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = {"import": timed(["import", "spread", str(data), "--case", str(case)], env)}
    out["status cold"] = timed(["status", "--case", str(case)], env)
    out["status warm"] = timed(["status", "--case", str(case)], env)
    out["trace warm"] = timed(["trace", "norinchukin", "--case", str(case)], env)
    size = sum(f.stat().st_size for f in (case / "spread").iterdir()) / 1e6
    print(f"{n:>9,} posts ({size:,.0f} MB of JSON Lines)")
    for step, (secs, mb) in out.items():
        print(f"    {step:12} {secs:7.2f} s   peak {mb:7,.0f} MB")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = {n: measure(n, Path(folder)) for n in args.sizes}
    sizes = sorted(results)
    for small, large in itertools.pairwise(sizes):
        ratio = results[large]["status cold"][0] / results[small]["status cold"][0]
        scale = large / small
        verdict = "within" if ratio <= 1.3 * scale else "beyond"
        print(
            f"first analysis {small:,} → {large:,}: {ratio:.1f}× for {scale:.0f}× the posts "
            f"({verdict} 1.3 × {scale:.0f})"
        )


if __name__ == "__main__":
    main()
