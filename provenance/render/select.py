"""Which records a diagram shows: the selection for a term, the relay chains back to the
origin, and pruning to `max_assertions`. Pure: analysed document in, ids out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.records import Document
from provenance.render.options import RenderOptions
from provenance.views.find import Match, find
from provenance.views.index import CaseIndex
from provenance.vocab import OPPOSING


@dataclass
class Selection:
    """The records a diagram shows, and why some were left out (None: none were)."""

    assertions: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    pruned: str | None = None


def index(doc: Document) -> CaseIndex:
    """Return the lookups of provenance.views.index over `doc`."""
    return CaseIndex(doc)


def matches(doc: Document, term: str) -> list[Match]:
    """Return what `term` names (see provenance.views.find)."""
    return find(doc, term)


def select(doc: Document, term: str | None, options: RenderOptions) -> Selection:
    """Return what the diagram of `term` shows (everything when `term` is None): the
    assertions bearing on the matched records, their relay chains back to the origin (up
    to `options.depth` hops), and the claims they concern."""
    ix = index(doc)
    chosen = Selection()
    if term is None:
        chosen.assertions = set(ix.assertions)
    else:
        for match in matches(doc, term):
            chosen.assertions |= _seeds(ix, match.kind, match.id)
            if match.kind == "claim":
                chosen.claims.add(match.id)
    _follow_chains(ix, chosen, options.depth)
    chosen.claims |= {ix.assertions[a]["claim"] for a in chosen.assertions}
    if len(chosen.assertions) > options.max_assertions:
        _prune(ix, chosen, options.max_assertions)
    return chosen


def _seeds(ix: CaseIndex, kind: str, record_id: str) -> set[str]:
    """Return the assertions that bear directly on one matched record."""
    if kind == "claim":
        verdict = ix.verdicts[record_id]
        ids = set(verdict["support"]) | set(verdict["conditional"]) | set(verdict["reach"])
        ids |= set(verdict["opposition"]) | set(verdict["withdrawn"])
        ids |= {a for a, r in ix.assertions.items() if r["claim"] == record_id}
        context = [c["id"] for c in ix.claims.values() if record_id in c.get("context_for", [])]
        ids |= {a for a, r in ix.assertions.items() if r["claim"] in context}
        return ids
    if kind == "actor":
        own = {a for a, r in ix.assertions.items() if r["actor"] == record_id}
        relays = {relay for a in own for relay, _ in ix.relays_of(a)}
        return own | relays
    if kind == "source":
        return {a for a, r in ix.assertions.items() if record_id in (r["source"], r.get("read_in"))}
    return {record_id}


def _follow_chains(ix: CaseIndex, chosen: Selection, depth: int | None) -> None:
    """Add the assertions the chosen ones relay, up to `depth` hops back."""
    frontier = set(chosen.assertions)
    hops = 0
    while frontier and (depth is None or hops < depth):
        upstream = {u for a in frontier for u in ix.results[a]["upstream"]}
        frontier = upstream - chosen.assertions
        chosen.assertions |= frontier
        hops += 1


def _prune(ix: CaseIndex, chosen: Selection, limit: int) -> None:
    """Keep the `limit` most relevant assertions: origins first, then opposition, then
    the earliest; say so in the title."""
    origins = {o["assertion"] for v in ix.verdicts.values() for o in v["origins"]}
    opposing = {a for a, r in ix.assertions.items() if r["stance"] in OPPOSING}

    def rank(a_id: str) -> tuple[int, str, str]:
        record = ix.assertions[a_id]
        tier = 0 if a_id in origins else 1 if a_id in opposing else 2
        return tier, record.get("date") or "9999", a_id

    kept = set(sorted(chosen.assertions, key=rank)[:limit])
    chosen.pruned = (
        f"showing {limit} of {len(chosen.assertions)} assertions: origins, "
        "then opposition, then the earliest"
    )
    chosen.assertions = kept
    chosen.claims = {
        c for c in chosen.claims if any(ix.assertions[a]["claim"] == c for a in kept)
    } | {ix.assertions[a]["claim"] for a in kept}
