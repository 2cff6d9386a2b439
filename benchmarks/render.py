"""Render time of provenance diagrams: the seed case, and generated cases whose whole
graph has about 200, 1,000 and 3,000 nodes, laid out by the embedded Graphviz.

Run: .venv/bin/python benchmarks/render.py [--engine wasm|system]

A diagram of more than `MAX_ASSERTIONS` (50) statements is pruned to the most relevant
ones (origins, then opposition, then the earliest), so layout time stays bounded: on a
generated case, the unpruned diagram of 100 random statements took 9.6 s to lay out
(Graphviz's rank solver, needed for the time axis) against 0.8 s at 50.
"""

from __future__ import annotations

import argparse
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="wasm", choices=["wasm", "system"])
    args = parser.parse_args()
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
