"""Stable labels for the blank nodes of an RDF graph, in linear time, so its Turtle is
byte-identical from run to run without rdflib's full canonicalisation
(`rdflib.compare.to_canonical_graph`, which grows about as the square of the case).

The blank nodes the `prov` library writes for PROV-O are the qualified relations: each
is the object of exactly one triple (`case:s prov:qualifiedDerivation _:b`) and points
only at IRIs and literals. Such a node is named by a hash of that one triple's subject
and predicate and of its own outgoing triples. Nodes whose whole neighbourhood is the
same are interchangeable (swapping them maps the graph onto itself), so numbering them
in any order gives the same bytes; distinct nodes whose hashes collide are numbered in
the order of their neighbourhoods. A graph with any other blank node (one pointing at
another, or not the object of exactly one triple) gets rdflib's canonical labels.

    >>> from rdflib import BNode, Graph, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:s"), URIRef("urn:p"), BNode()))
    >>> [str(o)[:9] for o in stable_labels(g).objects()]
    ['q13aa8eb3']
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import BNode, Graph
    from rdflib.term import Node

__all__ = ["canonical_labels", "stable_labels"]

#: A blank node's neighbourhood: the (subject, predicate) pointing at it, then its own
#: (predicate, object) pairs, each term in N-Triples form, sorted.
Signature = tuple[tuple[str, str], tuple[tuple[str, str], ...]]


def stable_labels(graph: Graph) -> Graph:
    """Return `graph` with blank-node labels that depend only on its content (the same
    graph, read in any order, gives the same labels): the graph itself, relabelled in
    place, or for blank nodes of another shape a canonical copy (its namespace
    bindings too)."""
    from rdflib import BNode

    signatures = _signatures(graph)
    if signatures is None:
        return canonical_labels(graph)
    labels = _labels(signatures)
    touched = [t for t in graph if isinstance(t[0], BNode) or isinstance(t[2], BNode)]
    for s, p, o in touched:
        graph.remove((s, p, o))
        graph.add((labels.get(s, s), p, labels.get(o, o)))
    return graph


def canonical_labels(graph: Graph) -> Graph:
    """Return a copy of `graph` (its namespace bindings too) with rdflib's canonical
    blank-node labels (`to_canonical_graph`: any shape of blank nodes, about the square
    of the graph's size)."""
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    out = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True)
    out += to_canonical_graph(graph)
    return out


def _signatures(graph: Graph) -> dict[BNode, Signature] | None:
    """Return each blank node's neighbourhood, or None when some blank node is not a
    tree leaf of the qualified-relation kind (see the module's docstring)."""
    from rdflib import BNode

    pointed: dict[Node, list[tuple[str, str]]] = defaultdict(list)
    outgoing: dict[Node, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in graph:
        if isinstance(o, BNode):
            if isinstance(s, BNode):
                return None
            pointed[o].append((s.n3(), p.n3()))
        if isinstance(s, BNode):
            outgoing[s].append((p.n3(), o.n3()))
    if any(len(p) != 1 for p in pointed.values()) or not set(outgoing) <= set(pointed):
        return None
    return {
        node: (into[0], tuple(sorted(outgoing[node])))
        for node, into in pointed.items()
        if isinstance(node, BNode)
    }


def _labels(signatures: dict[BNode, Signature]) -> dict[Node, BNode]:
    """Return the new blank node of each old one: "q" + the SHA-256 of its signature +
    its rank among the nodes of that hash (by signature; equal signatures are
    interchangeable, so their order among themselves does not show)."""
    from rdflib import BNode

    by_hash: dict[str, list[tuple[Signature, BNode]]] = defaultdict(list)
    for node, signature in signatures.items():
        by_hash[_digest(signature)].append((signature, node))
    labels: dict[Node, BNode] = {}
    for digest, nodes in by_hash.items():
        nodes.sort(key=lambda pair: pair[0])
        for rank, (_, node) in enumerate(nodes):
            labels[node] = BNode(f"q{digest}{rank}")
    return labels


def _digest(signature: Signature) -> str:
    """Return the hex SHA-256 of a signature written as ASCII JSON (unambiguous, any
    text in the terms escaped)."""
    return hashlib.sha256(json.dumps(signature).encode("ascii")).hexdigest()
