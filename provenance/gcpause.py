"""Python's cyclic garbage collector, paused while a case is read and analysed.

Reading, validating and analysing a case allocates millions of small objects that live
until the document is built (records, graph nodes, the engine's per-claim facts), and
hardly any garbage in cycles: reference counting frees the rest. With the collector on,
every few thousand allocations it walks the young objects, and ever more often all the
old ones, so its cost grows faster than the case. `paused()` switches it off for that
bulk work and restores the state it found (so nesting, or a caller that had switched it
off itself, is left as it was); the cycles made meanwhile are collected afterwards.

Measured with benchmarks/engine.py's generated cases (validate, graph and analyse, CPU
seconds, on two noisy cores; two runs each at 30,000 assertions):

| collector | 10,000 | 30,000 | peak memory at 30,000 |
|---|---|---|---|
| on (before) | 17.9 s | 71.0 s, 62.2 s | 318 MiB |
| `gc.freeze()` after the graph is built | 13.2 s | 74.4 s | 325 MiB |
| paused (`gc.disable()` ... `gc.enable()`), kept | 14.6 s | 53.4 s, 47.0 s | 399 MiB |

Freezing the loaded case does not help: the objects the collector keeps walking are the
analysis's own, made after the freeze. Pausing costs a quarter more peak memory (the
cyclic garbage of the run waits for the end) and saves a quarter of the time, more on
larger cases.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx


@contextmanager
def paused() -> Iterator[None]:
    """Switch the cyclic garbage collector off for the block, then back to how it was.

    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def discard(*graphs: nx.Graph) -> None:
    """Empty networkx graphs made for one computation. A graph whose views were read
    (`graph.nodes`, `graph.succ`) refers to itself through them: it is cyclic garbage,
    kept with everything it holds until the collector runs, and the collector is paused
    (`paused`). Emptied, it holds nothing worth keeping: at a million assertions the
    relay graph and its condensation held 1.3 GB the rest of the analysis could not reuse.

    >>> graph = nx.DiGraph([(1, 2)])
    >>> _ = graph.nodes[1]
    >>> discard(graph)
    >>> graph.number_of_nodes()
    0
    """
    for graph in graphs:
        graph.clear()
