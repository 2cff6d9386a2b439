"""One index of an analysed document, built once per command and shared by every view.

`CaseIndex(doc)` holds the records by id, the engine's verdicts and assertion results,
the `prov check` findings by the record they concern, who relays whom, the reverse
relations between claims and sources, and the claim closures (each claim with every
claim more specific, or more general, than it), each computed once, on first use, in
time linear in the size of the case plus the size of the closures. `bearing_on(claim)`
is the one answer to "which assertions bear on this claim", used by trace, status and
diagrams alike.

>>> from provenance.views.index import closures
>>> sorted(closures({"japan": ["norinchukin"], "norinchukin": []})["japan"])
['japan', 'norinchukin']
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from provenance import dates

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from provenance.records import (
        ActorRecord,
        AssertionRecord,
        AssertionResult,
        ClaimRecord,
        ClaimSpread,
        Document,
        Finding,
        SourceRecord,
        Verdict,
    )
    from provenance.views.shapes import Located


def closures(edges: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    """Return, for every node of `edges`, the node and every node reachable from it.

    Tarjan's algorithm finds the strongly connected components (claims in a circle) in
    one pass, each after every component it reaches, so each component's closure is the
    union of its members and its successors' closures, built once. Targets that are not
    nodes of `edges` are ignored.

    >>> closures({"a": ["b"], "b": ["a", "c"], "c": []})["a"] == {"a", "b", "c"}
    True
    """
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    component: dict[str, int] = {}
    reach: list[frozenset[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)

    for root in edges:
        if root in order:
            continue
        visit(root)
        work = [(root, iter(edges[root]))]
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in edges), None)
            if child is not None:
                if child not in order:
                    visit(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] != order[node]:
                continue
            members: set[str] = set()
            while node not in members:
                member = stack.pop()
                on_stack.discard(member)
                members.add(member)
            found = set(members)
            for member in members:
                for target in edges[member]:
                    if target in component:
                        found |= reach[component[target]]
            for member in members:
                component[member] = len(reach)
            reach.append(frozenset(found))
    return {node: reach[component[node]] for node in edges}


def _group(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Return the second items grouped by the first, each group sorted."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return {key: sorted(values) for key, values in out.items()}


class CaseIndex:
    """Lookups over one analysed document, built once and shared by the views."""

    def __init__(self, doc: Document) -> None:
        case = doc["case"]
        self.actors: dict[str, ActorRecord] = {r["id"]: r for r in case.get("actors", [])}
        self.sources: dict[str, SourceRecord] = {r["id"]: r for r in case.get("sources", [])}
        self.claims: dict[str, ClaimRecord] = {r["id"]: r for r in case.get("claims", [])}
        self.assertions: dict[str, AssertionRecord] = {
            r["id"]: r for r in case.get("assertions", [])
        }
        self.verdicts: dict[str, Verdict] = doc["analysis"]["claims"]
        self.results: dict[str, AssertionResult] = doc["analysis"]["assertions"]
        spread = doc.get("spread")
        self.spread: dict[str, ClaimSpread] = spread["claims"] if spread else {}
        self.spread_posts: dict[str, int] = spread.get("actors", {}) if spread else {}
        self.findings: dict[str, list[Finding]] = {}
        for finding in doc.get("checks", []):
            for subject in [finding["subject"], *finding.get("also", [])]:
                self.findings.setdefault(subject, []).append(finding)
        self.downstream: dict[str, list[str]] = {}
        for a_id, result in sorted(self.results.items()):
            for u in result["upstream"]:
                self.downstream.setdefault(u, []).append(a_id)

    # Each index below is built on first use: a view pays only for what it follows.

    @cached_property
    def reposts(self) -> dict[str, int]:
        """Return, for each assertion spread data relays, how many posts lead back to it."""
        from provenance.engine.spread import reposts_of

        return reposts_of(self.spread)

    @cached_property
    def _more_specific(self) -> dict[str, list[str]]:
        claims = self.claims.values()
        return _group([(g, c["id"]) for c in claims for g in c.get("more_specific_than", [])])

    @cached_property
    def _contradicted_by(self) -> dict[str, list[str]]:
        claims = self.claims.values()
        return _group([(o, c["id"]) for c in claims for o in c.get("contradicts", [])])

    @cached_property
    def _context(self) -> dict[str, list[str]]:
        claims = self.claims.values()
        return _group([(t, c["id"]) for c in claims for t in c.get("context_for", [])])

    @cached_property
    def _by_claim(self) -> dict[str, list[str]]:
        return _group([(a["claim"], a["id"]) for a in self.assertions.values()])

    @cached_property
    def _by_actor(self) -> dict[str, list[str]]:
        return _group([(a["actor"], a["id"]) for a in self.assertions.values()])

    @cached_property
    def _said_in(self) -> dict[str, list[str]]:
        return _group([(a["source"], a["id"]) for a in self.assertions.values()])

    @cached_property
    def _read_in(self) -> dict[str, list[str]]:
        assertions = self.assertions.values()
        return _group(
            [
                (a["read_in"], a["id"])
                for a in assertions
                if a.get("read_in", a["source"]) != a["source"]
            ]
        )

    @cached_property
    def _cited_by(self) -> dict[str, list[str]]:
        return _group([(t, s["id"]) for s in self.sources.values() for t in s.get("cites", [])])

    @cached_property
    def _sources_of(self) -> dict[str, list[str]]:
        return _group(
            [
                (actor, s["id"])
                for s in self.sources.values()
                for actor in {s.get("publisher"), s.get("author")}
                if actor is not None
            ]
        )

    @cached_property
    def more_specific_closure(self) -> dict[str, frozenset[str]]:
        """Each claim with every claim more specific than it, at any depth."""
        specific = self._more_specific
        return closures({c: specific.get(c, []) for c in self.claims})

    @cached_property
    def more_general_closure(self) -> dict[str, frozenset[str]]:
        """Each claim with every claim more general than it, at any depth."""
        return closures({c["id"]: c.get("more_specific_than", []) for c in self.claims.values()})

    # --- claims -------------------------------------------------------------------------

    def claims_below(self, claim_id: str) -> list[str]:
        """Return the claim and every claim more specific than it, at any depth, sorted."""
        return sorted(self.more_specific_closure[claim_id])

    def claims_above(self, claim_id: str) -> list[str]:
        """Return the claim and every claim more general than it, at any depth, sorted."""
        return sorted(self.more_general_closure[claim_id])

    def bearing_on(self, claim_id: str) -> list[str]:
        """Return the assertions bearing on a claim: those about it or about any claim more
        specific than it, and those the engine counts as opposing it (doubts and denials
        of a more general claim bear on this one too). The claim's own come first, then
        by date, then by id."""
        ids = {a for c in self.more_specific_closure[claim_id] for a in self._by_claim.get(c, [])}
        ids |= set(self.verdicts[claim_id]["opposition"])

        def order(a_id: str) -> tuple[bool, dt.datetime, int, str]:
            record = self.assertions[a_id]
            return (record["claim"] != claim_id, *dates.sort_key(self.said(a_id)), a_id)

        return sorted(ids, key=order)

    def about(self, claim_id: str) -> list[str]:
        """Return the assertions about exactly this claim, sorted by id."""
        return self._by_claim.get(claim_id, [])

    def more_specific(self, claim_id: str) -> list[str]:
        """Return the claims that say they are more specific than this one, sorted."""
        return self._more_specific.get(claim_id, [])

    def contradicting(self, claim_id: str) -> list[str]:
        """Return the claims this one contradicts or that contradict it, sorted."""
        own = self.claims[claim_id].get("contradicts", [])
        return sorted({*own, *self._contradicted_by.get(claim_id, [])})

    def context_of(self, claim_id: str) -> list[str]:
        """Return the claims recorded as context for this one, sorted."""
        return self._context.get(claim_id, [])

    # --- actors, sources, assertions ----------------------------------------------------

    def said_by(self, actor_id: str) -> list[str]:
        """Return the assertions an actor made, sorted by id."""
        return self._by_actor.get(actor_id, [])

    def said_in(self, source_id: str) -> list[str]:
        """Return the assertions made in a source, sorted by id."""
        return self._said_in.get(source_id, [])

    def reported_in(self, source_id: str) -> list[str]:
        """Return the assertions made elsewhere and read in this source, sorted by id."""
        return self._read_in.get(source_id, [])

    def cited_by(self, source_id: str) -> list[str]:
        """Return the sources that cite this one, sorted."""
        return self._cited_by.get(source_id, [])

    def sources_of(self, actor_id: str) -> list[str]:
        """Return the sources an actor published or wrote, sorted."""
        return self._sources_of.get(actor_id, [])

    def relays_of(self, a_id: str) -> list[tuple[str, str]]:
        """Return every assertion that relays `a_id`, directly or down a chain, nearest
        first, each with the assertion it relays."""
        out = []
        seen = {a_id}
        frontier = [a_id]
        while frontier:
            current = frontier.pop(0)
            for relay in self.downstream.get(current, []):
                if relay not in seen:
                    seen.add(relay)
                    frontier.append(relay)
                    out.append((relay, current))
        return out

    def problems(self, subject: str) -> list[Finding]:
        """Return the `prov check` findings about a record ("kind:id"), except quotes
        located fine."""
        found = [f for f in self.findings.get(subject, []) if f["severity"] != "ok"]
        # Ordered by content, not by case-file line, so a reordered case traces the same.
        return sorted(found, key=lambda f: (f["kind"], f["subject"], f["message"]))

    def located(self, assertion_id: str) -> Located | None:
        """Return where `prov check` found an assertion's quote (source and line), if it did."""
        for f in self.findings.get(f"assertion:{assertion_id}", []):
            if f["severity"] == "ok":
                return {"source": f["evidence"]["source"], "line": f["evidence"]["line"]}
        return None

    def actor_name(self, actor_id: str | None) -> str | None:
        """Return an actor's name, or None for no or an unknown actor."""
        if actor_id is None or actor_id not in self.actors:
            return None
        return self.actors[actor_id]["name"]

    def said(self, a_id: str) -> str | None:
        """Return when an assertion was said: its own date, else its source's (docs/
        rules.md, section 8), or None when neither is dated."""
        record = self.assertions[a_id]
        source = self.sources.get(record["source"])
        return record.get("date") or (source.get("date") if source is not None else None)

    def source_title(self, source_id: str | None) -> str | None:
        """Return a source's title, or None for no or an unknown source."""
        if source_id is None or source_id not in self.sources:
            return None
        return self.sources[source_id]["title"]
