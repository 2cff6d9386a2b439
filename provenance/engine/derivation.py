"""Source derivation: which sources' texts derive from which, and circular reporting.

A source derives from another when the case says so (`rewrites`: a rewrite or a
syndicated copy, cited or not; `revision_of`: a later version of the same publication)
or when its archived text is found to (provenance.engine.rewrites). What is said or
quoted in a derived text, about a claim its original also carries, derives from the
original's assertions (provenance.engine.relays): a rewrite adds reach, not an
independent origin, and not an independent report of who said what.

Circular reporting: a publication whose later revision cites a source that itself
derives from (or cites) an earlier revision of it (a wiki page later cites the newspapers
that copied the wiki page). Citations and derivations between revisions of one
publication are followed as between one source; a circle found that way is flagged and
counts once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from provenance import dates
from provenance.engine.rewrites import Detected, detect
from provenance.gcpause import discard
from provenance.graph import nodes_of_kind
from provenance.records import DerivationResult


@dataclass(frozen=True, slots=True)
class Derivation:
    """The derivations between a case's sources, computed once."""

    originals: dict[str, list[str]]  # source -> every source it derives from (only those
    # that derive from one), transitively
    results: list[DerivationResult]  # each direct derivation, with how it is known
    family: dict[str, str]  # source -> its derivation family (the family's smallest id)
    circles: list[list[str]]  # circular reporting across revisions, as sorted source ids

    def derived(self, source: str) -> bool:
        """Whether the source's text derives from another source's."""
        return bool(self.originals.get(source))


def derivations(graph: nx.MultiDiGraph, texts: Mapping[str, str] | None = None) -> Derivation:
    """Return the derivations between the sources of `graph`: declared ones, and those
    found in the archived `texts` (by source id) that the case does not declare."""
    sources = {graph.nodes[n]["id"]: graph.nodes[n] for n in nodes_of_kind(graph, "source")}
    direct: list[DerivationResult] = []
    for sid, data in sources.items():
        for original in data.get("rewrites", ()):
            direct.append(_result(sid, original, "declared-rewrite", True, "declared"))
        if data.get("revision_of"):
            direct.append(_result(sid, data["revision_of"], "revision", True, "declared"))
    declared = {frozenset((r["source"], r["original"])) for r in direct}
    for found in detect({k: v for k, v in (texts or {}).items() if k in sources}):
        if frozenset((found.left, found.right)) not in declared:
            direct.append(_oriented(found, sources))
    direct.sort(key=lambda r: (r["source"], r["original"]))
    dg = nx.DiGraph()
    dg.add_nodes_from(sources)
    dg.add_edges_from((r["source"], r["original"]) for r in direct)
    originals = {s: sorted(nx.descendants(dg, s)) for s in sources if dg.out_degree(s)}
    family = {}
    for component in nx.weakly_connected_components(dg):
        head = min(component)
        for s in component:
            family[s] = head
    discard(dg)
    return Derivation(originals, direct, family, _circles(graph, sources, direct))


def _result(source: str, original: str, how: str, dated: bool, evidence: str) -> DerivationResult:
    return DerivationResult(
        source=source, original=original, how=how, dated=dated, evidence=evidence
    )


def _oriented(found: Detected, sources: dict[str, dict[str, str]]) -> DerivationResult:
    """Return a detected pair as a derivation: the later source derives from the earlier;
    when the dates cannot tell, the earlier by date then id is taken as the original."""
    a, b = found.left, found.right
    da, db = sources[a].get("date"), sources[b].get("date")
    if dates.certainly_before(da, db):
        return _result(b, a, found.how, True, found.evidence)
    if dates.certainly_before(db, da):
        return _result(a, b, found.how, True, found.evidence)
    first, second = sorted((a, b), key=lambda s: (dates.sort_key(sources[s].get("date")), s))
    return _result(second, first, found.how, False, found.evidence)


def publication(sources: Mapping[str, Mapping[str, object]], source: str) -> str:
    """Return the first revision of the publication `source` belongs to (itself when it
    revises nothing)."""
    seen = {source}
    while True:
        earlier = sources[source].get("revision_of")
        if not isinstance(earlier, str) or earlier in seen or earlier not in sources:
            return source
        seen.add(earlier)
        source = earlier


def _circles(
    graph: nx.MultiDiGraph,
    sources: dict[str, dict[str, str]],
    direct: list[DerivationResult],
) -> list[list[str]]:
    """Return the circles of citation and derivation that close only through revisions of
    one publication (a circle among single sources is a circular citation, flagged
    elsewhere), each as the sorted ids of the sources in it."""
    pub = {s: publication(sources, s) for s in sources}
    edges = [
        (graph.nodes[u]["id"], graph.nodes[v]["id"])
        for u, v, k in graph.edges(keys=True)
        if k == "cites"
    ]
    edges += [(r["source"], r["original"]) for r in direct if r["how"] != "revision"]
    merged = nx.DiGraph()
    merged.add_edges_from((pub[u], pub[v]) for u, v in edges if pub[u] != pub[v])
    plain = nx.DiGraph(edges)
    circles = []
    for component in nx.strongly_connected_components(merged):
        if len(component) < 2:
            continue
        members = sorted(s for s in sources if pub[s] in component)
        inside = plain.subgraph(members)
        if not nx.is_directed_acyclic_graph(inside):
            continue  # a circle between single sources: flagged as a circular citation
        circles.append(members)
    discard(merged, plain)
    return sorted(circles)
