"""`prov trace`: the provenance of whatever a term names, as typed data.

`trace(doc, term)` returns one view per match: a claim (its verdict and every assertion
bearing on it, grouped by stance), an actor (what it said and who relayed it), a source
(what was said or reported in it, what it cites) or an assertion. The `--json` output
is this data; provenance.views.text.trace_text renders it for a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import dates
from provenance.views.asof import as_of_view
from provenance.views.find import find
from provenance.views.index import CaseIndex
from provenance.views.status import overrides_note
from provenance.vocab import Stance

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.find import TermIndex
    from provenance.views.shapes import (
        ActorView,
        AssertionView,
        ChainLink,
        ClaimBrief,
        ClaimView,
        MatchRow,
        RelatedClaims,
        SourceRef,
        SourceView,
        TraceResult,
        TraceView,
    )

#: Past this many matches `prov trace` lists them instead of showing each.
SHOW_AT_MOST = 5

#: The order a claim's assertions are grouped in: the vocabulary's, strongest first.
STANCE_ORDER: tuple[Stance, ...] = tuple(Stance)


def _chain(ix: CaseIndex, a_id: str) -> list[ChainLink]:
    """Return the steps back from an assertion to its origin (the last step)."""
    chain = ix.results[a_id]["chain"]
    origins = set(ix.results[a_id]["origins"])
    links: list[ChainLink] = []
    for link in chain[1:]:
        up = ix.assertions[link]
        links.append(
            {
                "assertion": link,
                "actor": up["actor"],
                "actor_name": ix.actor_name(up["actor"]),
                "stance": up["stance"],
                "claim": up["claim"],
                "date": up.get("date"),
                "said": ix.said(link),
                "source": up["source"],
                "source_title": ix.source_title(up["source"]),
                "origin": link in origins,
            }
        )
    return links


def assertion_view(ix: CaseIndex, a_id: str) -> AssertionView:
    """Return one assertion with its chain, attribution, flags and findings."""
    a = ix.assertions[a_id]
    result = ix.results[a_id]
    return {
        "assertion": a_id,
        "actor": a["actor"],
        "actor_name": ix.actor_name(a["actor"]),
        "claim": a["claim"],
        "stance": a["stance"],
        "basis": a["basis"],
        "date": a.get("date"),
        "said": ix.said(a_id),
        "source": a["source"],
        "source_title": ix.source_title(a["source"]),
        "read_in": a.get("read_in"),
        "read_in_title": ix.source_title(a.get("read_in")),
        "quote": a.get("quote"),
        "quote_mode": a["quote_mode"],
        "quote_language": a.get("quote_language"),
        "speech_act": a["speech_act"],
        "self_interested": a["self_interested"],
        "named_as": a.get("named_as"),
        "note": a.get("note"),
        "chain": _chain(ix, a_id),
        "origin": a_id in result["origins"],
        "attribution": result["attribution"],
        "flags": result["flags"],
        "located": ix.located(a_id),
        "findings": ix.problems(f"assertion:{a_id}"),
    }


def _claim_brief(ix: CaseIndex, claim_id: str) -> ClaimBrief:
    verdict = ix.verdicts[claim_id]
    return {
        "claim": claim_id,
        "text": ix.claims[claim_id]["text"],
        "status": verdict["status"],
        "grade": verdict["grade"],
    }


def _with_claim(ix: CaseIndex, a_id: str) -> AssertionView:
    """Return an assertion's view carrying its claim's verdict."""
    view = assertion_view(ix, a_id)
    view["claim_status"] = _claim_brief(ix, view["claim"])
    return view


def _relayed_by(ix: CaseIndex, a_id: str) -> list[AssertionView]:
    out = []
    for relay, relayed in ix.relays_of(a_id):
        view = assertion_view(ix, relay)
        view["relays"] = relayed
        out.append(view)
    return out


def _by_stance(ix: CaseIndex, ids: list[str]) -> dict[str, list[AssertionView]]:
    """Return the assertions grouped by stance, in STANCE_ORDER, empty groups left out."""
    stance_of = {a_id: ix.assertions[a_id]["stance"] for a_id in ids}
    groups: dict[str, list[AssertionView]] = {}
    for stance in STANCE_ORDER:
        members = [assertion_view(ix, a_id) for a_id in ids if stance_of[a_id] == stance]
        if members:
            groups[stance.value] = members
    return groups


def _related(ix: CaseIndex, claim_id: str) -> RelatedClaims:
    def briefs(ids: list[str]) -> list[ClaimBrief]:
        return [_claim_brief(ix, c) for c in ids]

    claim = ix.claims[claim_id]
    return {
        "more_general": briefs(claim.get("more_specific_than", [])),
        "more_specific": briefs(ix.more_specific(claim_id)),
        "contradicts": briefs(ix.contradicting(claim_id)),
        "context": briefs(ix.context_of(claim_id)),
        "context_for": briefs(claim.get("context_for", [])),
    }


def claim_view(ix: CaseIndex, claim_id: str) -> ClaimView:
    """Return a claim's verdict with every assertion bearing on it, by stance."""
    claim = ix.claims[claim_id]
    verdict = ix.verdicts[claim_id]
    return {
        "kind": "claim",
        "id": claim_id,
        "text": claim["text"],
        "tags": claim.get("tags", []),
        "status": verdict["status"],
        "grade": verdict["grade"],
        "grade_meaning": verdict["grade_meaning"],
        "independent_origins": verdict["independent_origins"],
        "first_seen": verdict["first_seen"],
        "reasons": verdict["reasons"],
        "history": verdict["history"],
        "flags": verdict["flags"],
        "reliability": verdict["reliability"],
        "findings": ix.problems(f"claim:{claim_id}"),
        "assertions": _by_stance(ix, ix.bearing_on(claim_id)),
        "related": _related(ix, claim_id),
        "spread": ix.spread.get(claim_id),
    }


def actor_view(ix: CaseIndex, actor_id: str) -> ActorView:
    """Return what an actor said (each with who relayed it) and what it published."""
    actor = ix.actors[actor_id]
    own = sorted(ix.said_by(actor_id), key=lambda a: (*dates.sort_key(ix.said(a)), a))
    asserted = []
    for a_id in own:
        view = _with_claim(ix, a_id)
        view["relayed_by"] = _relayed_by(ix, a_id)
        asserted.append(view)
    return {
        "kind": "actor",
        "id": actor_id,
        "name": actor["name"],
        "actor_kind": actor["kind"],
        "role": actor.get("role"),
        "affiliation": actor.get("affiliation"),
        "aliases": actor.get("aliases", []),
        "reliability": actor.get("reliability"),
        "note": actor.get("note"),
        "findings": ix.problems(f"actor:{actor_id}"),
        "assertions": asserted,
        "sources": [_source_ref(ix, s) for s in ix.sources_of(actor_id)],
        "spread_posts": ix.spread_posts.get(actor_id, 0),
    }


def _source_ref(ix: CaseIndex, source_id: str) -> SourceRef:
    return {"source": source_id, "title": ix.source_title(source_id)}


def source_view(ix: CaseIndex, source_id: str) -> SourceView:
    """Return what was said in a source, what it reports, and its citations."""
    source = ix.sources[source_id]
    cited_by = ix.cited_by(source_id)
    return {
        "kind": "source",
        "id": source_id,
        "title": source["title"],
        "source_kind": source["kind"],
        "publisher": ix.actor_name(source.get("publisher")),
        "author": ix.actor_name(source.get("author")),
        "date": source.get("date"),
        "date_note": source.get("date_note"),
        "url": source.get("url"),
        "archive": source.get("archive"),
        "recorded": source.get("recorded", False),
        "note": source.get("note"),
        "findings": ix.problems(f"source:{source_id}"),
        "known_only_through": cited_by if not source.get("archive") else [],
        "said_here": [_with_claim(ix, a) for a in ix.said_in(source_id)],
        "reported_here": [_with_claim(ix, a) for a in ix.reported_in(source_id)],
        "cites": [_source_ref(ix, s) for s in source.get("cites", [])],
        "cited_by": [_source_ref(ix, s) for s in cited_by],
    }


def _assertion_trace(ix: CaseIndex, a_id: str) -> AssertionView:
    view = assertion_view(ix, a_id)
    view["kind"] = "assertion"
    view["relayed_by"] = _relayed_by(ix, a_id)
    view["claim_status"] = _claim_brief(ix, view["claim"])
    return view


def trace(doc: Document, term: str, index: TermIndex | None = None) -> TraceResult:
    """Return the provenance of whatever `term` names: one view per match (claim, actor,
    source or assertion), or, past SHOW_AT_MOST matches, the list and how to pick one.
    `index` is the stored term index, when the document came from a store.

    Example: `trace(doc, "norinchukin")["views"][0]["status"]` is `"unconfirmed"`.
    """
    matches = find(doc, term, index)
    listing: list[MatchRow] = [
        {"kind": m.kind, "id": m.id, "matched": f"{m.field}: {m.value}"} for m in matches
    ]
    if len(matches) > SHOW_AT_MOST:
        picked: TraceResult = {
            "term": term,
            "matches": listing,
            "views": [],
            "pick": f"{len(matches)} matches: run 'prov trace KIND:ID' with one of them",
        }
        return picked
    ix = CaseIndex(doc)
    views: list[TraceView] = []
    for m in matches:
        if m.kind == "claim":
            views.append(claim_view(ix, m.id))
        elif m.kind == "actor":
            views.append(actor_view(ix, m.id))
        elif m.kind == "source":
            views.append(source_view(ix, m.id))
        else:
            views.append(_assertion_trace(ix, m.id))
    result: TraceResult = {
        "term": term,
        "matches": listing,
        "views": views,
        "pick": None,
        "overrides": overrides_note(doc),
    }
    cut = as_of_view(doc)
    if cut is not None:
        result["as_of"] = cut
    return result
