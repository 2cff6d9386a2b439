"""Export time and memory of every `prov export` format on generated cases of 500 to
100,000 assertions; PROV-JSON and the analysed case's JSON before and after
issue 17 (the `prov` library's serializer and the json module's indented encoder, then
the direct writer and orjson), and PROV-O before and after its blank nodes were labelled
from their content (rdflib's `to_canonical_graph`, then provenance.export.rdf_labels).

Run: .venv/bin/python benchmarks/export.py [--sizes 500 1000 10000 100000] [--budget 300]
     [--formats prov-json json ...]

The cases are benchmarks/engine.py's (its `generate`), written as JSON files under the
temporary folder (`prov-bench-export/N/case.json`) and analysed through prov's cache: the
first run at 100,000 assertions analyses the case (minutes; again after a change to the
code that builds documents), later runs read the analysis from the cache. Each export
runs in a process of its own and prints its wall time, CPU time, the size of what it
wrote and the peak memory it added above the loaded document (resident memory sampled
every 5 ms). "before" is `prov.prov_json_library` for prov-json and `json.dumps(...,
indent=2)` for json and `prov.prov_o_canonical` for prov-o, each still reachable; "now"
is what `prov export` runs. An export whose estimated time exceeds `--budget` seconds is
skipped with the estimate: its time at the previous size scaled by the growth seen
between the two sizes before (at least linear), with a 1.3 margin. PROV-O before grows
about as the square of the case (rdflib's canonical blank-node labels); give it
`--budget 2000` to reach 4,000.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from engine import generate  # benchmarks/engine.py: the generated cases

from provenance.document import Document, load_document
from provenance.export import FORMATS, ExportOptions, export

MARGIN = 1.3
COMPARED = {"prov-json", "json", "prov-o"}  # formats measured before (the old path) and now


def case_path(n: int) -> Path:
    """Return the JSON case file of `n` generated assertions, written when missing."""
    path = Path(tempfile.gettempdir()) / "prov-bench-export" / str(n) / "case.json"
    text = json.dumps(generate(n))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def writer(fmt: str, variant: str) -> Callable[[Document], str]:
    """Return the export of `fmt`: "now" as `prov export` writes it, "before" the path
    it replaced."""
    if variant == "now":  # ClaimReview needs the page the reviews are published on
        page = ExportOptions(base_url="https://desk.example/checks/{claim}")
        return lambda doc: export(doc, fmt, page)
    if fmt == "prov-json":
        from provenance.export.prov import prov_json_library

        return lambda doc: prov_json_library(doc, ExportOptions())
    if fmt == "prov-o":
        from provenance.export.prov import prov_o_canonical

        return lambda doc: prov_o_canonical(doc, ExportOptions())
    from provenance.export.analysed_json import analysed_case

    def stdlib(doc: Document) -> str:
        out = analysed_case(doc)
        return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)

    return stdlib


def _rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _one(n: str, fmt: str = "", variant: str = "") -> dict[str, float]:
    """Return the measures of one export, or with no format the time to load the case
    (analysing it when the cache does not hold it)."""
    if fmt:
        return run_one(int(n), fmt, variant)
    start = time.perf_counter()
    load_document(case_path(int(n)))
    return {"seconds": time.perf_counter() - start}


def run_one(n: int, fmt: str, variant: str) -> dict[str, float]:
    """Return the time (s), CPU time (s), output size (MB) and added peak memory (MiB)
    of one export, in this process."""
    doc = load_document(case_path(n))
    write = writer(fmt, variant)
    base = peak = _rss_mib()
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.005):
            peak = max(peak, _rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0, c0 = time.perf_counter(), time.process_time()
    text = write(doc)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    done.set()
    sampler.join()
    peak = max(peak, _rss_mib())
    size = len(text.encode("utf-8", "surrogatepass")) / 1e6
    return {"seconds": took, "cpu": cpu, "mb": size, "peak": peak - base}


def _child(*args: object) -> dict[str, float]:
    """Return what `benchmarks/export.py --one ARGS` prints, run in a process of its own."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
    )
    row: dict[str, float] = json.loads(out.stdout)
    return row


def _estimate(measured: list[tuple[int, float]], n: int) -> float:
    """Return the time an export should take at `n` assertions, from the times measured
    at smaller sizes: the last one grown as between the last two (at least linearly),
    with the margin; 0 when nothing was measured yet."""
    if not measured:
        return 0.0
    last_n, last = measured[-1]
    growth = 1.0
    if len(measured) > 1:
        (n0, t0), (n1, t1) = measured[-2:]
        growth = max(1.0, math.log(max(t1, 1e-3) / max(t0, 1e-3)) / math.log(n1 / n0))
    return float(last * (n / last_n) ** growth * MARGIN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=list(FORMATS))
    parser.add_argument("--budget", type=float, default=300.0, help="seconds per export")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(*args.one)))
        return
    runs = [
        (f, v) for f in args.formats for v in (("before", "now") if f in COMPARED else ("now",))
    ]
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for n in args.sizes:
        ready = _child(n)["seconds"]  # analysed once (or read from the cache)
        print(f"\n{n:,} assertions (case ready in {ready:.1f} s)")
        print(f"  {'format':<12} {'path':<7} {'time':>9} {'CPU':>9} {'output':>9}  peak added")
        times: dict[tuple[str, str], float] = {}
        for run in runs:
            estimate = _estimate(seen.get(run, []), n)
            if estimate > args.budget:
                print(f"  {run[0]:<12} {run[1]:<7} skipped: estimated {estimate:,.0f} s")
                continue
            row = _child(n, *run)
            seen.setdefault(run, []).append((n, row["seconds"]))
            times[run] = row["seconds"]
            print(
                f"  {run[0]:<12} {run[1]:<7} {row['seconds']:>8.2f}s {row['cpu']:>8.2f}s "
                f"{row['mb']:>6.1f} MB  {row['peak']:>6,.0f} MiB",
                flush=True,
            )
        for fmt in sorted(COMPARED & set(args.formats)):
            if (fmt, "before") in times and (fmt, "now") in times:
                speedup = times[(fmt, "before")] / times[(fmt, "now")]
                print(f"  {fmt}: {speedup:.1f}x as fast as before")


if __name__ == "__main__":
    main()
