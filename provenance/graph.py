"""The provenance graph: a pure function from a validated case to a networkx MultiDiGraph.

Nodes are keyed "<type>:<id>" (actor, source, claim, assertion) and carry `type`, `id`
and the record's fields. Edges are keyed by, and carry as `type`, one of EDGE_KINDS,
and point the way provenance is read: an actor *said* an assertion, the assertion is
*about* a claim and *in-source* a source, a relay goes *via* the assertion it repeats,
a source *cites* a source, a claim is *more-specific-than* a claim.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from provenance.model import Case

EDGE_KINDS = (
    "said",  # actor -> assertion
    "about",  # assertion -> claim
    "in-source",  # assertion -> source where it was said
    "read-in",  # assertion -> source where we read it (second-hand)
    "via",  # assertion -> the assertion it relays
    "cites",  # source -> source
    "published-by",  # source -> actor
    "authored-by",  # source -> actor
    "affiliated-with",  # actor -> actor
    "more-specific-than",  # claim -> claim
    "contradicts",  # claim -> claim
    "context-for",  # claim -> claim
)


def node_key(kind: str, record_id: str) -> str:
    """Return the graph key of a record: "<kind>:<id>"."""
    return f"{kind}:{record_id}"


def build_graph(case: Case) -> nx.MultiDiGraph:
    """Return the provenance graph of `case`, with every record a node and every reference
    an edge; nodes and edges are added in id order so the graph is deterministic. Each
    node's key is made once and every edge refers to that same string (a key spelled
    again per edge would be a copy held by each edge: 400 MB at a million assertions)."""
    graph = nx.MultiDiGraph(title=case.title)
    keys: dict[str, dict[str, str]] = {}
    for kind, records in (
        ("actor", case.actors),
        ("source", case.sources),
        ("claim", case.claims),
        ("assertion", case.assertions),
    ):
        own = keys[kind] = {}
        for record in records:
            data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
            data.pop("id")
            own[record.id] = key = node_key(kind, record.id)
            graph.add_node(key, type=kind, id=record.id, **data)

    def edge(kind: str, a: tuple[str, str], b: tuple[str, str]) -> None:
        graph.add_edge(_key(keys, *a), _key(keys, *b), key=kind, type=kind)

    for actor in case.actors:
        if actor.affiliation:
            edge("affiliated-with", ("actor", actor.id), ("actor", actor.affiliation))
    for source in case.sources:
        if source.publisher:
            edge("published-by", ("source", source.id), ("actor", source.publisher))
        if source.author:
            edge("authored-by", ("source", source.id), ("actor", source.author))
        for cited in source.cites:
            edge("cites", ("source", source.id), ("source", cited))
    for claim in case.claims:
        for general in claim.more_specific_than:
            edge("more-specific-than", ("claim", claim.id), ("claim", general))
        for other in claim.contradicts:
            edge("contradicts", ("claim", claim.id), ("claim", other))
        for other in claim.context_for:
            edge("context-for", ("claim", claim.id), ("claim", other))
    for a in case.assertions:
        edge("said", ("actor", a.actor), ("assertion", a.id))
        edge("about", ("assertion", a.id), ("claim", a.claim))
        edge("in-source", ("assertion", a.id), ("source", a.source))
        if a.read_in:
            edge("read-in", ("assertion", a.id), ("source", a.read_in))
        if a.via:
            edge("via", ("assertion", a.id), ("assertion", a.via))
    return graph


def _key(keys: dict[str, dict[str, str]], kind: str, record_id: str) -> str:
    """Return the node key of a record, the one string made when its node was added (or a
    new one for a reference to a record the case lacks: validation reports those)."""
    return keys[kind].get(record_id) or node_key(kind, record_id)


def targets(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    """Return the nodes `node` points to along edges of `kind`, sorted."""
    return sorted(v for _, v, k in graph.out_edges(node, keys=True) if k == kind)


def sources_of(graph: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    """Return the nodes pointing to `node` along edges of `kind`, sorted."""
    return sorted(u for u, _, k in graph.in_edges(node, keys=True) if k == kind)


def nodes_of_kind(graph: nx.MultiDiGraph, kind: str) -> list[str]:
    """Return the keys of all nodes of `kind`, sorted."""
    return sorted(n for n, data in graph.nodes(data=True) if data["type"] == kind)
