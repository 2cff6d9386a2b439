"""Time to index a large case and answer "which claims are below this one" for every claim.

Run: .venv/bin/python benchmarks/index.py [--claims N]

The claims form a binary tree of "more specific than" links, as a big case's claim
hierarchy would. `CaseIndex` computes every closure once (time linear in the case plus
the closures); it used to scan every claim at every step, per claim (quadratic).
"""

from __future__ import annotations

import argparse
import time
from typing import Any, cast

from provenance.records import Document
from provenance.views.index import CaseIndex


def synthetic(n: int) -> Document:
    """Return a document of `n` claims in a binary tree and nothing else."""
    claims = [
        {
            "id": f"c{i}",
            "text": f"claim {i}",
            "tags": [],
            "more_specific_than": [f"c{(i - 1) // 2}"] if i else [],
            "contradicts": [],
            "context_for": [],
        }
        for i in range(n)
    ]
    doc: dict[str, Any] = {
        "case": {"title": "synthetic", "actors": [], "sources": [], "claims": claims},
        "analysis": {"claims": {}, "assertions": {}, "flags": [], "rules": {}, "overrides": []},
        "checks": [],
    }
    doc["case"]["assertions"] = []
    return cast(Document, doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=20_000)
    args = parser.parse_args()
    doc = synthetic(args.claims)
    start = time.perf_counter()
    ix = CaseIndex(doc)
    total = sum(len(ix.claims_below(c)) for c in ix.claims)
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"{args.claims} claims: index and every claim's closure in {elapsed:.0f} ms ({total} ids)"
    )


if __name__ == "__main__":
    main()
