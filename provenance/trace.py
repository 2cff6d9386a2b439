"""`prov trace`: find what a term names, and lay out its provenance.

`find(doc, term)` matches ids, names, aliases, tags and claim wording, case- and
accent-insensitive. `trace(doc, term)` returns plain data (the `--json` output) and
`format_trace` renders the same content as text for a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from provenance.document import Document
from provenance.errors import LookupFailed

KINDS = ("claim", "actor", "source", "assertion")
# The stances of provenance.model.Stance, spelled out: importing the model would load
# pydantic, which the cached fast path of `prov trace` avoids.
STANCE_ORDER = (
    "confirms",
    "states",
    "hedges",
    "conditional",
    "reports",
    "doubts",
    "denies",
    "retracts",
)
STANCE_HEADING = {
    "confirms": "confirmed / says it is confirmed",
    "states": "stated as fact",
    "hedges": "hedged or speculative",
    "conditional": "conditional",
    "reports": "reported without endorsement",
    "doubts": "doubted or called unconfirmed",
    "denies": "denied",
    "retracts": "retracted",
}
SHOW_AT_MOST = 5


def normalize(text: str) -> str:
    """Return `text` folded for matching: lower case, accents removed, and runs of
    punctuation or spaces turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


@dataclass(frozen=True)
class Match:
    kind: str
    id: str
    field: str
    value: str


def _keys(doc: Document) -> Iterator[tuple[str, str, str, str]]:
    """Yield (kind, id, field, text) for everything a term may match."""
    case = doc["case"]
    for actor in case.get("actors", []):
        yield "actor", actor["id"], "id", actor["id"]
        yield "actor", actor["id"], "name", actor["name"]
        for alias in actor.get("aliases", []):
            yield "actor", actor["id"], "alias", alias["name"]
    for source in case.get("sources", []):
        yield "source", source["id"], "id", source["id"]
        yield "source", source["id"], "title", source["title"]
    for claim in case.get("claims", []):
        yield "claim", claim["id"], "id", claim["id"]
        yield "claim", claim["id"], "text", claim["text"]
        for tag in claim.get("tags", []):
            yield "claim", claim["id"], "tag", tag
    for assertion in case.get("assertions", []):
        yield "assertion", assertion["id"], "id", assertion["id"]


def find(doc: Document, term: str) -> list[Match]:
    """Return what `term` names: exact matches on an id, name, alias or tag if any, else
    matches of the term inside names and wording; claims first. Raises LookupFailed
    with suggestions when nothing matches. `kind:id` (e.g. `claim:japan-sold`) picks one."""
    kind, _, rest = term.partition(":")
    if rest and kind in KINDS:
        for k, rid, fld, value in _keys(doc):
            if k == kind and fld == "id" and value == rest:
                return [Match(k, rid, fld, value)]
        ids = [rid for k, rid, fld, _ in _keys(doc) if k == kind and fld == "id"]
        raise LookupFailed(f"no {kind} with id '{rest}'{_hint(rest, ids)}")
    wanted = normalize(term)
    if not wanted:
        raise LookupFailed("empty term: name a claim, actor or source (see 'prov status')")
    exact: dict[tuple[str, str], Match] = {}
    partial: dict[tuple[str, str], Match] = {}
    for k, rid, fld, value in _keys(doc):
        folded = normalize(value)
        if folded == wanted and fld != "text":
            exact.setdefault((k, rid), Match(k, rid, fld, value))
        elif k != "assertion" and re.search(rf"(?<!\w){re.escape(wanted)}", folded):
            partial.setdefault((k, rid), Match(k, rid, fld, value))
    found = exact or partial
    if not found:
        names = [value for k, _, fld, value in _keys(doc) if fld != "text"]
        raise LookupFailed(
            f"nothing matches '{term}'{_hint(term, names)}; 'prov status' lists every claim"
        )
    return sorted(found.values(), key=lambda m: (KINDS.index(m.kind), m.id))


def _hint(word: str, choices: list[str]) -> str:
    from provenance.suggest import hint

    return hint(word, choices)


class CaseIndex:
    """Lookups over one document, built once per trace."""

    def __init__(self, doc: Document) -> None:
        case = doc["case"]
        self.actors = {r["id"]: r for r in case.get("actors", [])}
        self.sources = {r["id"]: r for r in case.get("sources", [])}
        self.claims = {r["id"]: r for r in case.get("claims", [])}
        self.assertions = {r["id"]: r for r in case.get("assertions", [])}
        self.verdicts: dict[str, Any] = doc["analysis"]["claims"]
        self.results: dict[str, Any] = doc["analysis"]["assertions"]
        self.findings: dict[str, list[dict[str, Any]]] = {}
        for finding in doc.get("checks", []):
            for subject in [finding["subject"], *finding.get("also", [])]:
                self.findings.setdefault(subject, []).append(finding)
        self.downstream: dict[str, list[str]] = {}
        for a_id, result in sorted(self.results.items()):
            for u in result["upstream"]:
                self.downstream.setdefault(u, []).append(a_id)

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

    def problems(self, subject: str) -> list[dict[str, Any]]:
        """Return the `prov check` findings about a record, except quotes located fine."""
        found = [f for f in self.findings.get(subject, []) if f["severity"] != "ok"]
        # Ordered by content, not by case-file line, so a reordered case traces the same.
        return sorted(found, key=lambda f: (f["kind"], f["subject"], f["message"]))

    def located(self, assertion_id: str) -> dict[str, Any] | None:
        """Return where `prov check` found an assertion's quote, if it did."""
        for f in self.findings.get(f"assertion:{assertion_id}", []):
            if f["severity"] == "ok":
                return {"source": f["evidence"]["source"], "line": f["evidence"]["line"]}
        return None

    def actor_name(self, actor_id: str | None) -> str | None:
        return self.actors[actor_id]["name"] if actor_id in self.actors else None

    def source_title(self, source_id: str | None) -> str | None:
        return self.sources[source_id]["title"] if source_id in self.sources else None

    def claims_below(self, claim_id: str) -> list[str]:
        """Return the claim and every claim more specific than it, sorted."""
        out = {claim_id}
        frontier = [claim_id]
        while frontier:
            current = frontier.pop()
            for other in self.claims.values():
                if current in other.get("more_specific_than", []) and other["id"] not in out:
                    out.add(other["id"])
                    frontier.append(other["id"])
        return sorted(out)


def _assertion_view(ix: CaseIndex, a_id: str) -> dict[str, Any]:
    a = ix.assertions[a_id]
    result = ix.results[a_id]
    chain = []
    for link in result["chain"][1:]:
        up = ix.assertions[link]
        chain.append(
            {
                "assertion": link,
                "actor": up["actor"],
                "actor_name": ix.actor_name(up["actor"]),
                "stance": up["stance"],
                "claim": up["claim"],
                "date": up.get("date"),
                "source": up["source"],
                "source_title": ix.source_title(up["source"]),
                "origin": link == result["chain"][-1],
            }
        )
    return {
        "assertion": a_id,
        "actor": a["actor"],
        "actor_name": ix.actor_name(a["actor"]),
        "claim": a["claim"],
        "stance": a["stance"],
        "basis": a["basis"],
        "date": a.get("date"),
        "source": a["source"],
        "source_title": ix.source_title(a["source"]),
        "read_in": a.get("read_in"),
        "read_in_title": ix.source_title(a.get("read_in")),
        "quote": a.get("quote"),
        "named_as": a.get("named_as"),
        "note": a.get("note"),
        "chain": chain,
        "attribution": result["attribution"],
        "flags": result["flags"],
        "located": ix.located(a_id),
        "findings": ix.problems(f"assertion:{a_id}"),
    }


def _claim_brief(ix: CaseIndex, claim_id: str) -> dict[str, Any]:
    verdict = ix.verdicts[claim_id]
    return {
        "claim": claim_id,
        "text": ix.claims[claim_id]["text"],
        "status": verdict["status"],
        "grade": verdict["grade"],
    }


def _claim_view(ix: CaseIndex, claim_id: str) -> dict[str, Any]:
    claim = ix.claims[claim_id]
    verdict = ix.verdicts[claim_id]
    below = ix.claims_below(claim_id)
    # Doubts and denials of a more general claim bear on this one too (the engine counts
    # them as opposition), so they are listed with it.
    opposing = set(verdict["opposition"])
    ids = sorted(
        (a for a in ix.assertions.values() if a["claim"] in below or a["id"] in opposing),
        key=lambda a: (a["claim"] != claim_id, a.get("date") or "9999", a["id"]),
    )
    groups: dict[str, list[dict[str, Any]]] = {}
    for stance in STANCE_ORDER:
        members = [_assertion_view(ix, a["id"]) for a in ids if a["stance"] == stance]
        if members:
            groups[stance] = members
    more_general = claim.get("more_specific_than", [])
    more_specific = sorted(
        c["id"] for c in ix.claims.values() if claim_id in c.get("more_specific_than", [])
    )
    contradicts = sorted(
        {
            *claim.get("contradicts", []),
            *(c["id"] for c in ix.claims.values() if claim_id in c.get("contradicts", [])),
        }
    )
    context = sorted(c["id"] for c in ix.claims.values() if claim_id in c.get("context_for", []))
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
        "flags": verdict["flags"],
        "reliability": verdict["reliability"],
        "findings": ix.problems(f"claim:{claim_id}"),
        "assertions": groups,
        "related": {
            "more_general": [_claim_brief(ix, c) for c in more_general],
            "more_specific": [_claim_brief(ix, c) for c in more_specific],
            "contradicts": [_claim_brief(ix, c) for c in contradicts],
            "context": [_claim_brief(ix, c) for c in context],
            "context_for": [_claim_brief(ix, c) for c in claim.get("context_for", [])],
        },
    }


def _relayed_by(ix: CaseIndex, a_id: str) -> list[dict[str, Any]]:
    out = []
    for relay, relayed in ix.relays_of(a_id):
        view = _assertion_view(ix, relay)
        view["relays"] = relayed
        out.append(view)
    return out


def _actor_view(ix: CaseIndex, actor_id: str) -> dict[str, Any]:
    actor = ix.actors[actor_id]
    own = sorted(
        (a for a in ix.assertions.values() if a["actor"] == actor_id),
        key=lambda a: (a.get("date") or "9999", a["id"]),
    )
    asserted = []
    for a in own:
        view = _assertion_view(ix, a["id"])
        view["claim_status"] = _claim_brief(ix, a["claim"])
        view["relayed_by"] = _relayed_by(ix, a["id"])
        asserted.append(view)
    mentioned_in = sorted(
        s["id"] for s in ix.sources.values() if actor_id in (s.get("publisher"), s.get("author"))
    )
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
        "sources": [{"source": s, "title": ix.source_title(s)} for s in mentioned_in],
    }


def _source_view(ix: CaseIndex, source_id: str) -> dict[str, Any]:
    source = ix.sources[source_id]
    said = [a["id"] for a in ix.assertions.values() if a["source"] == source_id]
    carried = [
        a["id"]
        for a in ix.assertions.values()
        if a.get("read_in") == source_id and a["source"] != source_id
    ]
    cited_by = sorted(s["id"] for s in ix.sources.values() if source_id in s.get("cites", []))

    def views(ids: list[str]) -> list[dict[str, Any]]:
        out = []
        for a_id in sorted(ids):
            view = _assertion_view(ix, a_id)
            view["claim_status"] = _claim_brief(ix, ix.assertions[a_id]["claim"])
            out.append(view)
        return out

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
        "said_here": views(said),
        "reported_here": views(carried),
        "cites": [{"source": s, "title": ix.source_title(s)} for s in source.get("cites", [])],
        "cited_by": [{"source": s, "title": ix.source_title(s)} for s in cited_by],
    }


def trace(doc: Document, term: str) -> dict[str, Any]:
    """Return the provenance of whatever `term` names: one view per match (claim, actor,
    source or assertion), or, past SHOW_AT_MOST matches, the list and how to pick one."""
    matches = find(doc, term)
    ix = CaseIndex(doc)
    listing = [{"kind": m.kind, "id": m.id, "matched": f"{m.field}: {m.value}"} for m in matches]
    if len(matches) > SHOW_AT_MOST:
        return {
            "term": term,
            "matches": listing,
            "views": [],
            "pick": f"{len(matches)} matches: run 'prov trace KIND:ID' with one of them",
        }
    views = []
    for m in matches:
        if m.kind == "claim":
            views.append(_claim_view(ix, m.id))
        elif m.kind == "actor":
            views.append(_actor_view(ix, m.id))
        elif m.kind == "source":
            views.append(_source_view(ix, m.id))
        else:
            view = _assertion_view(ix, m.id)
            view["kind"] = "assertion"
            view["relayed_by"] = _relayed_by(ix, m.id)
            view["claim_status"] = _claim_brief(ix, view["claim"])
            views.append(view)
    from provenance.status import overrides_note

    return {
        "term": term,
        "matches": listing,
        "views": views,
        "pick": None,
        "overrides": overrides_note(doc),
    }
