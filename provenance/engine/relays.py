"""Relays: which assertion repeats which, in what order, and what a retraction withdraws.

An assertion derives from the one it names in `via`, or else from the supporting or
reporting assertions about the same claim carried by a source its own source cites.
Assertions relaying each other in a circle are cut apart (nobody in a circle is upstream
of anybody) and counted as one origin by provenance.engine.independence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from heapq import heapify, heappop, heappush

import networkx as nx

from provenance import dates
from provenance.engine.read import Assertion
from provenance.gcpause import discard
from provenance.graph import targets
from provenance.vocab import ENDORSING, OPPOSING, SUPPORT, Stance

Upstream = dict[str, list[str]]  # assertion id -> the assertion ids it derives from


#: Stances a citing source relays: those that support or report the claim.
CARRIED = (*SUPPORT, Stance.reports)


def derivations(
    graph: nx.MultiDiGraph,
    assertions: dict[str, Assertion],
    originals: dict[str, list[str]] | None = None,
) -> Upstream:
    """Return, per assertion, the assertions it derives from: its `via`, or else the
    supporting assertions about the same claim carried by a source its source cites; and,
    when the text it is read in derives from other sources' texts (`originals`, by source
    id: provenance.engine.derivation), what those texts carry of it (`copied`)."""
    carried: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in assertions.values():
        if a.stance in CARRIED:
            carried[(a.source, a.claim)].append(a.id)
            if a.read_in:
                carried[(a.read_in, a.claim)].append(a.id)
    upstream: Upstream = {}
    for a in assertions.values():
        if a.via:
            found = {a.via}
        elif a.stance not in CARRIED:
            found = set()
        else:
            found = set()
            for cited in targets(graph, f"source:{a.source}", "cites"):
                found.update(carried.get((graph.nodes[cited]["id"], a.claim), ()))
        if originals and a.stance in CARRIED:
            found.update(copied(a, assertions, carried, originals))
        found.discard(a.id)
        upstream[a.id] = sorted(found)
    return upstream


#: What a copied assertion can copy: an endorsement copies an endorsement, a condition a
#: condition, a report a report or an endorsement.
_KIN = {
    **{s: ENDORSING for s in ENDORSING},
    Stance.conditional: (Stance.conditional,),
    Stance.reports: (Stance.reports, *ENDORSING),
}


def copied(
    a: Assertion,
    assertions: dict[str, Assertion],
    carried: dict[tuple[str, str], list[str]],
    originals: dict[str, list[str]],
) -> list[str]:
    """Return the assertions that the text `a` is read in copies `a` from: those about
    the same claim carried by a text it derives from; for a quote (`read_in`), only those
    of the same actor on the same occasion (a rewrite copies the original's quote of them).
    """
    text = a.read_in or a.source
    kin = _KIN[a.stance]
    found = []
    for original in originals.get(text, ()):
        for m_id in carried.get((original, a.claim), ()):
            m = assertions[m_id]
            if (m.read_in or m.source) != original or m.stance not in kin:
                continue  # said in the original source, not in its text; or not the same kind
            if a.read_in and (m.actor, m.source) != (a.actor, a.source):
                continue
            found.append(m_id)
    return found


def topological(upstream: Upstream) -> tuple[list[str], list[list[str]]]:
    """Return assertions ordered upstream-first, and the cycles found (as sorted id lists).
    Members of a cycle are ordered by id and treated as deriving from nothing inside it.
    Of the assertions whose upstream is placed, the smallest id comes first: the order is
    the same whatever order `upstream` lists them in. Without a cycle (the usual case) the
    order is found without building a graph (`_upstream_first`)."""
    order = _upstream_first(upstream, by_id=True)
    if order is not None:
        return order, []
    dg = nx.DiGraph()
    dg.add_nodes_from(upstream)
    for a, ups in upstream.items():
        for u in ups:
            dg.add_edge(u, a)
    cond = nx.condensation(dg)
    order = []
    cycles = []
    for scc in nx.lexicographical_topological_sort(
        cond, key=lambda n: min(cond.nodes[n]["members"])
    ):
        members = sorted(cond.nodes[scc]["members"])
        if len(members) > 1:
            cycles.append(members)
        order.extend(members)
    discard(dg, cond)
    return order, cycles


def circular(upstream: Upstream) -> bool:
    """Return whether assertions of `upstream` relay each other in a circle. Plain Python,
    no graph: the verdict history asks this every day, and a networkx graph per day is
    cyclic garbage kept until the collector runs (provenance.gcpause)."""
    return _upstream_first(upstream, by_id=False) is None


def _upstream_first(upstream: Upstream, by_id: bool) -> list[str] | None:
    """Return every assertion of `upstream` (and every one it names), each after all it
    derives from, or None when some relay each other in a circle (Kahn's algorithm).
    `by_id`: of those ready, the smallest id first (a heap), as the condensation order of
    `topological` has it; else in no particular order.

    >>> _upstream_first({"c": ["a", "b"], "b": ["a"], "a": []}, by_id=True)
    ['a', 'b', 'c']
    >>> _upstream_first({"a": ["b"], "b": ["a"]}, by_id=True) is None
    True
    """
    waiting: dict[str, int] = {}
    down: dict[str, list[str]] = defaultdict(list)
    for a, ups in upstream.items():
        distinct = set(ups)
        waiting[a] = len(distinct)
        for u in distinct:
            waiting.setdefault(u, 0)
            down[u].append(a)
    ready = [a for a, n in waiting.items() if not n]
    if by_id:
        heapify(ready)
    take = heappop if by_id else list.pop
    give = heappush if by_id else list.append
    order = []
    while ready:
        x = take(ready)
        order.append(x)
        for y in down.get(x, ()):
            waiting[y] -= 1
            if not waiting[y]:
                give(ready, y)
    return order if len(order) == len(waiting) else None


def cut_cycles(upstream: Upstream, cycles: list[list[str]]) -> Upstream:
    """Return the derivations without the edges inside each cycle: in a circle nobody is
    upstream of anybody."""
    inside = {a: set(cycle) for cycle in cycles for a in cycle}
    return {a: [u for u in ups if u not in inside.get(a, ())] for a, ups in upstream.items()}


def withdrawn(
    assertions: dict[str, Assertion],
    order: list[str],
    upstream: Upstream,
    known: set[str] | None = None,
) -> set[str]:
    """Return the assertions a retraction withdraws: the one it names in `via`, else every
    assertion of the same claim by the same actor not certainly said after it (undated
    ones included); and every assertion all of whose upstream assertions are withdrawn (a
    relay of a retracted statement). Dates are intervals (provenance.dates).

    `known`, when given, holds what is already found withdrawn and is extended in place:
    the verdict history (provenance.engine.history) passes only new assertions in
    `order`, upstream-first, and the retractions among `assertions`."""
    retracted_on: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    named: set[str] = set()
    for a in assertions.values():
        if a.stance != Stance.retracts:
            continue
        if a.via:
            named.add(a.via)
        else:
            retracted_on[(a.actor, a.claim)].append(a.said)
    out = known if known is not None else set()
    for a_id in order:
        a = assertions[a_id]
        if a.stance in OPPOSING:
            continue
        direct = a_id in named or any(
            not dates.certainly_before(r, a.said) for r in retracted_on.get((a.actor, a.claim), ())
        )
        ups = upstream[a_id]
        if direct or (ups and all(u in out for u in ups)):
            out.add(a_id)
    return out


def roots(order: list[str], upstream: Upstream) -> dict[str, list[str]]:
    """Return, per assertion, the first assertions of its relay chains (ignoring claims)."""
    found: dict[str, list[str]] = {}
    for a in order:
        ups = [u for u in upstream[a] if u in found]
        found[a] = sorted({r for u in ups for r in found[u]}) if ups else [a]
    return found


def claim_origins(
    assertions: dict[str, Assertion],
    order: list[str],
    upstream: Upstream,
    up: dict[str, list[str]],
    known: dict[str, dict[str, list[str]]] | None = None,
    withdrawn: set[str] | frozenset[str] = frozenset(),
    same: Mapping[str, dict[str, list[str]]] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """Return, per assertion, for each claim its chain bears on, the origins of that claim:
    the most upstream non-opposing assertions in the chain about it or a more specific claim.
    A relay of both a withdrawn and a standing assertion stands on the standing one only:
    no origin reaches it through what a retraction withdrew. `known`, when given, holds the
    origins already found and is extended in place (for new assertions listed in `order`,
    upstream-first); `same`, origins found before (by a whole analysis), kept instead of
    an equal copy: the verdict history then holds one copy of what did not change."""
    result: dict[str, dict[str, list[str]]] = known if known is not None else {}
    for a_id in order:
        a = assertions[a_id]
        merged: dict[str, set[str]] = defaultdict(set)
        standing = [u for u in upstream[a_id] if u not in withdrawn]
        for u in standing or upstream[a_id]:
            for claim, origins in result.get(u, {}).items():
                merged[claim].update(origins)
        if a.stance not in OPPOSING:
            for claim in up[a.claim]:
                if not merged.get(claim):
                    merged[claim] = {a_id}
        found = {c: sorted(o) for c, o in merged.items()}
        if same is not None and same.get(a_id) == found:
            found = same[a_id]
        result[a_id] = found
    return result


def downstream(seeds: Iterable[str], down: Upstream, upstream: Upstream) -> list[str]:
    """Return `seeds` and every assertion deriving from one of them, upstream first:
    `down` maps an assertion to those deriving from it (it may hold more links than
    `upstream`, the derivations with circles cut, which decides the order)."""
    found = set(seeds)
    stack = list(found)
    while stack:
        for x in down.get(stack.pop(), ()):
            if x not in found:
                found.add(x)
                stack.append(x)
    waiting = {x: sum(1 for u in upstream.get(x, ()) if u in found) for x in found}
    ready = sorted((x for x, n in waiting.items() if n == 0), reverse=True)
    order: list[str] = []
    while ready:
        x = ready.pop()
        order.append(x)
        for y in down.get(x, ()):
            if y in waiting and x in upstream[y]:
                waiting[y] -= 1
                if not waiting[y]:
                    ready.append(y)
    return order


def chain(
    upstream: Upstream,
    a_id: str,
    assertions: Mapping[str, Assertion] | None = None,
    origins_of: Mapping[str, Mapping[str, list[str]]] | None = None,
) -> list[str]:
    """Return the relay chain from `a_id` back to its origin. Each step goes to what the
    assertion derives from that leads to an origin of its claim (`origins_of`), the one
    the case says it relays (`via`, of `assertions`) first: a rewrite's copy of an article
    derives from every statement in it, and the chain must go through the one the case
    names when that one leads to the origin. Without those maps: the first it derives from."""
    found = [a_id]
    seen = {a_id}
    at = a_id
    claim = assertions[a_id].claim if assertions is not None else ""
    target = set(origins_of[a_id].get(claim, ())) if origins_of is not None else set()
    while upstream[at]:
        ups = upstream[at]
        via = assertions[at].via if assertions is not None else None
        leading = [
            u for u in ups if origins_of and not target.isdisjoint(origins_of[u].get(claim, ()))
        ]
        at = via if via in leading else (leading or ups)[0]
        if at in seen:
            break
        found.append(at)
        seen.add(at)
    return found


def ancestors(upstream: Upstream, a_id: str) -> list[str]:
    """Return every assertion `a_id` derives from, directly or through relays, sorted."""
    seen: set[str] = set()
    stack = list(upstream[a_id])
    while stack:
        u = stack.pop()
        if u not in seen:
            seen.add(u)
            stack.extend(upstream[u])
    return sorted(seen)
