"""schema.org ClaimReview (JSON-LD): one review per claim, for search engines and
fact-check aggregators. Pure: analysed document in, JSON out."""

from __future__ import annotations

import json

from provenance import dates
from provenance.errors import ProvenanceError
from provenance.export.options import ExportOptions
from provenance.records import (
    JSON,
    ActorRecord,
    AssertionRecord,
    ClaimRecord,
    Document,
    ReviewRecord,
    SourceRecord,
    Verdict,
)

#: One JSON-LD object.
LD = dict[str, JSON]


def _agent_ld(actor: ActorRecord) -> LD:
    kind = "Person" if actor["kind"] == "person" else "Organization"
    return {"@type": kind, "name": actor["name"]}


def _work_ld(source: SourceRecord) -> LD:
    work: LD = {"@type": "CreativeWork", "headline": source["title"]}
    if source.get("url"):
        work["url"] = source.get("url")
    if source.get("date"):
        work["datePublished"] = source.get("date")
    return work


def claim_reviews(
    doc: Document, claim_ids: list[str] | None = None, base_url: str | None = None
) -> list[LD]:
    """Return one schema.org ClaimReview (JSON-LD) per claim: the claim, our status as the
    rating's alternateName with the Admiralty grade, the origins' actors as the claim's
    author, and the sources where it appeared. `base_url` (or the case's review.url) is
    the page the reviews are published on; each review's url is it plus #claim-<id>."""
    case = doc["case"]
    review: ReviewRecord = case.get("review") or {}
    page = base_url or review.get("url")
    if not page:
        raise ProvenanceError(
            "ClaimReview needs the URL of the page that publishes the "
            "reviews: add review: {url: ...} to the case or pass --url"
        )
    claims = {c["id"]: c for c in case["claims"]}
    out = []
    for claim_id in claim_ids or sorted(claims):
        verdict = doc["analysis"]["claims"][claim_id]
        entry: LD = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page}#claim-{claim_id}",
            "claimReviewed": claims[claim_id]["text"],
            "reviewRating": _rating(verdict),
            "itemReviewed": _item(doc, claims[claim_id], verdict),
        }
        if review.get("author"):
            entry["author"] = {"@type": "Organization", "name": review.get("author")}
        if review.get("date"):
            entry["datePublished"] = review.get("date")
        out.append(entry)
    return out


def _rating(verdict: Verdict) -> LD:
    """Return our status and Admiralty grade as a schema.org Rating."""
    grade = verdict["grade"]
    return {
        "@type": "Rating",
        "alternateName": verdict["status"],
        "name": f"Admiralty credibility {grade}: {verdict['grade_meaning']}",
        # Admiralty grades run from 1 (best) to 6; schema.org ratings run up to best.
        "ratingValue": 7 - grade,
        "bestRating": 6,
        "worstRating": 1,
        "ratingExplanation": "; ".join(r["text"] for r in verdict["reasons"][:3]),
    }


def _item(doc: Document, claim: ClaimRecord, verdict: Verdict) -> LD:
    """Return the claim reviewed: who first said it, when, and where it appeared."""
    case = doc["case"]
    actors = {a["id"]: a for a in case["actors"]}
    sources = {s["id"]: s for s in case["sources"]}
    assertions = {a["id"]: a for a in case["assertions"]}
    origin_actors = sorted({o["actor"] for o in verdict["origins"]})
    said = [*verdict["support"], *verdict["set_aside"], *verdict["reach"]]
    bearing = [assertions[a] for a in said]
    appearances = _appearances(bearing, sources)
    item: LD = {"@type": "Claim"}
    if origin_actors:
        authors: list[JSON] = [_agent_ld(actors[a]) for a in origin_actors]
        item["author"] = authors[0] if len(authors) == 1 else authors
    if verdict["first_seen"]:
        item["datePublished"] = verdict["first_seen"]
    if appearances:
        item["firstAppearance"] = _work_ld(sources[appearances[0]])
        item["appearance"] = [_work_ld(sources[s]) for s in appearances]
    return item


def _appearances(bearing: list[AssertionRecord], sources: dict[str, SourceRecord]) -> list[str]:
    """Return where a claim appeared, earliest first: where it was said, and where we
    read it (often the only URL)."""
    said = {a["source"] for a in bearing}
    seen = said | {a["read_in"] for a in bearing if a.get("read_in")}
    return sorted(seen, key=lambda s: (*dates.sort_key(sources[s].get("date")), s not in said, s))


def claimreview(doc: Document, options: ExportOptions) -> str:
    """Return the ClaimReviews of `options.claims` (all claims when None) as JSON."""
    claims = list(options.claims) if options.claims is not None else None
    reviews = claim_reviews(doc, claims, options.base_url)
    return json.dumps(reviews, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
