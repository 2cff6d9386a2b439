"""Render time of provenance diagrams: the seed case, and generated cases whose whole
graph has about 200, 1,000 and 3,000 nodes, laid out by the embedded Graphviz.

Run: .venv/bin/python benchmarks/render.py [--engine wasm|system]
     .venv/bin/python benchmarks/render.py --startup [--runs N]

`--startup` times the whole process instead: `prov render norinchukin -o FILE` (the
embedded Graphviz, SVG), the median and minimum of N runs (default 10) with warm caches
(the analysed case and the compiled Graphviz module cached), and one cold run (the cache
folder empty: the case is analysed and the module compiled and cached). Target: a warm
median of at most 300 ms. Runs are made with Python's bytecode cache on, as an installed
`prov` runs (see benchmarks/startup.py).

A diagram of more than `MAX_ASSERTIONS` (50) statements is pruned to the most relevant
ones (origins, then opposition, then the earliest), so layout time stays bounded: on a
generated case, the unpruned diagram of 100 random statements took 9.6 s to lay out
(Graphviz's rank solver, needed for the time axis) against 0.8 s at 50.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine import generate

from provenance.document import Document, build_document
from provenance.engine import analyse
from provenance.graph import build_graph
from provenance.model import Case
from provenance.render import diagram_dot
from provenance.render.layout import lay_out

SEED = Path(__file__).resolve().parent.parent / "seeds" / "treasuries-2025"
PROV = Path(sys.executable).with_name("prov")
TARGET_MS = 300


def generated_doc(graph_nodes: int) -> tuple[Document, int]:
    """Return an analysed generated case whose graph has about `graph_nodes` nodes."""
    case = Case.model_validate(generate(int(graph_nodes / 1.16)))
    graph = build_graph(case)
    doc = Document(
        format="prov-analysed-case",
        version=1,
        tool="bench",
        case=case.model_dump(mode="json", exclude_none=True),
        analysis=dict(analyse(graph)),
        checks=[],
        files={},
    )
    return doc, graph.number_of_nodes()


def timed(doc: Document, term: str | None, engine: str) -> tuple[int, float, float]:
    start = time.perf_counter()
    dot = diagram_dot(doc, term)
    built = time.perf_counter()
    lay_out(dot, "svg", engine)
    done = time.perf_counter()
    nodes = sum(1 for line in dot.splitlines() if " [label=" in line and "->" not in line)
    return nodes, built - start, done - built


def _run_ms(cache: str, output: Path) -> float:
    """Return the wall time of one whole `prov render norinchukin -o output`, in ms."""
    env = {**os.environ, "PROV_CACHE_DIR": cache}
    env.pop("PROV_CASE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [str(PROV), "render", "norinchukin", "--engine", "wasm", "-o", str(output)]
    start = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return (time.perf_counter() - start) * 1000


def startup(runs: int) -> None:
    """Print the cold and warm whole-process times of `prov render norinchukin`."""
    with tempfile.TemporaryDirectory() as work:
        cache, output = str(Path(work, "cache")), Path(work, "norinchukin.svg")
        cold = _run_ms(cache, output)  # empty cache folder: analyse, compile, cache both
        _run_ms(cache, output)  # and the bytecode of anything the first run did not import
        warm = [_run_ms(cache, output) for _ in range(runs)]
    median = statistics.median(warm)
    print(f"prov render norinchukin, cold (cache folder empty)  {cold:7.1f} ms")
    print(
        f"prov render norinchukin, warm caches ({runs} runs)   median {median:6.1f} ms"
        f"  min {min(warm):6.1f} ms  (target {TARGET_MS} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="wasm", choices=["wasm", "system"])
    parser.add_argument("--startup", action="store_true", help="whole-process start-up times")
    parser.add_argument("--runs", type=int, default=10, help="warm runs for --startup")
    args = parser.parse_args()
    if args.startup:
        startup(args.runs)
        return
    start = time.perf_counter()
    lay_out("digraph { a }", "svg", args.engine)
    print(f"first layout (loads the engine): {time.perf_counter() - start:.2f}s")
    print(f"{'diagram':<40} {'drawn nodes':>11} {'build DOT':>10} {'layout':>9}")
    seed = build_document(SEED)
    for term in ("norinchukin", "kato", None):
        nodes, build, layout = timed(seed, term, args.engine)
        print(f"{'seed case: ' + (term or '--all'):<40} {nodes:>11} {build:>9.2f}s {layout:>8.2f}s")
    for size in (200, 1000, 3000):
        doc, graph_nodes = generated_doc(size)
        nodes, build, layout = timed(doc, None, args.engine)
        label = f"generated, {graph_nodes} graph nodes, --all"
        print(f"{label:<40} {nodes:>11} {build:>9.2f}s {layout:>8.2f}s")


if __name__ == "__main__":
    main()
