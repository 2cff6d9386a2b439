"""schema.org ClaimReview (JSON-LD): one review per claim, for a fact-check page, search
engines and fact-check aggregators. Pure: analysed document in, JSON out.

A page carries one review: `prov export -f claimreview --claim ID` writes one object,
`-o FOLDER/` one file per claim (provenance.export.claimreview_files). The rating scale
is documented in docs/export.md and in `SCALE` below.

The JSON is written with `escape.json_for_html`, so it can be pasted inside
``<script type="application/ld+json">`` as is (no ``</script`` can occur), and every URL
passes `escape.safe_url` (a `javascript:` or `data:` URL from the case is left out).
"""

from __future__ import annotations

from typing import NamedTuple

from provenance.errors import ProvenanceError
from provenance.escape import json_for_html, safe_url
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
from provenance.vocab import ActorKind, Status

#: One JSON-LD object.
LD = dict[str, JSON]
#: Google shows claimReviewed in search results: "try to keep this less than 75
#: characters"; the claim's full wording is in itemReviewed.text.
MAX_CLAIM_REVIEWED = 75
#: The verdict in words (reviewRating.alternateName), one per status.
STATUS_WORDS = {
    Status.confirmed: "Confirmed",
    Status.corroborated: "Corroborated",
    Status.unconfirmed: "Unconfirmed",
    Status.disputed: "Disputed",
    Status.refuted: "Refuted",
    Status.retracted: "Retracted",
    Status.unsupported: "Unsupported",
}
#: The numeric scale: ratingValue = 6 − the Admiralty credibility grade for grades 1-5,
#: so 5 (best) is "confirmed by other independent sources" and 1 (worst) "improbable".
#: Grade 6, "truth cannot be judged", is off the scale: no ratingValue is given.
BEST_RATING, WORST_RATING = 5, 1
SCALE = {grade: 6 - grade for grade in range(1, 6)}
#: Actor kinds schema.org can name as an author (a crowd is neither, so it is described).
AUTHOR_TYPE = {ActorKind.person: "Person", ActorKind.organization: "Organization"}
AUTHOR_TYPE |= {ActorKind.outlet: "Organization", ActorKind.government: "Organization"}


def short_claim(text: str, limit: int = MAX_CLAIM_REVIEWED) -> str:
    """Return `text` in at most `limit` characters, cut at a word with "…" if longer.

    >>> short_claim("Norinchukin Bank sold US Treasuries around 9 April 2025")
    'Norinchukin Bank sold US Treasuries around 9 April 2025'
    >>> short_claim("word " * 30)
    'word word word word word word word word word word word word word word word…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def review_url(page: str, claim_id: str) -> str:
    """Return the URL of a claim's review: `page` with `{claim}` replaced by the claim's
    id, or `page#claim-<id>` when it has no `{claim}`."""
    if "{claim}" in page:
        return page.replace("{claim}", claim_id)
    return f"{page}#claim-{claim_id}"


def _page(doc: Document, base_url: str | None) -> str:
    review: ReviewRecord = doc["case"].get("review") or {}
    page = base_url or review.get("url")
    if not page:
        raise ProvenanceError(
            "ClaimReview needs the URL of the page that publishes the "
            "reviews: add review: {url: ...} to the case or pass --url"
        )
    if safe_url(review_url(page, "x")) is None:
        raise ProvenanceError(
            "ClaimReview needs an http(s) URL for the page that publishes the reviews; "
            "the one given is not (see 'prov check')"
        )
    return page


def _author(actor: ActorRecord) -> LD | None:
    """Return an actor as a schema.org Person or Organization; None for a crowd or an
    anonymous actor, which is neither."""
    kind = AUTHOR_TYPE.get(ActorKind(actor["kind"]))
    return {"@type": kind, "name": actor["name"]} if kind else None


class Records(NamedTuple):
    """The case's records by id, looked up once for all the reviews of a case."""

    claims: dict[str, ClaimRecord]
    actors: dict[str, ActorRecord]
    sources: dict[str, SourceRecord]
    assertions: dict[str, AssertionRecord]


def records(doc: Document) -> Records:
    """Return the case's claims, actors, sources and assertions by id."""
    case = doc["case"]
    return Records(
        {c["id"]: c for c in case["claims"]},
        {a["id"]: a for a in case["actors"]},
        {s["id"]: s for s in case["sources"]},
        {a["id"]: a for a in case["assertions"]},
    )


def claim_review(doc: Document, claim_id: str, page: str, found: Records | None = None) -> LD:
    """Return the ClaimReview of one claim: its wording (short, and in full in
    itemReviewed), the verdict as a rating, where the claim appeared, and the desk.
    `found`: the case's records by id, when the caller has them (one lookup per case,
    not per claim)."""
    found = found or records(doc)
    review: ReviewRecord = doc["case"].get("review") or {}
    claim = found.claims[claim_id]
    verdict = doc["analysis"]["claims"][claim_id]
    entry: LD = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(page, claim_id),
        "claimReviewed": short_claim(claim["text"]),
        "reviewRating": rating(verdict),
        "itemReviewed": _item(found, claim, verdict),
    }
    if review.get("author"):
        entry["author"] = {"@type": "Organization", "name": review.get("author")}
    if review.get("date"):
        entry["datePublished"] = review.get("date")
    return entry


def claim_reviews(
    doc: Document, claim_ids: list[str] | None = None, base_url: str | None = None
) -> list[LD]:
    """Return one ClaimReview per claim (all claims, by id, when `claim_ids` is None).
    `base_url` (or the case's review.url) is the page publishing them."""
    page = _page(doc, base_url)
    ids = claim_ids if claim_ids is not None else sorted(c["id"] for c in doc["case"]["claims"])
    found = records(doc)
    return [claim_review(doc, claim_id, page, found) for claim_id in ids]


def rating(verdict: Verdict) -> LD:
    """Return the verdict as a schema.org Rating: the status in words as alternateName,
    the Admiralty grade in `name`, and the grade on the documented 1-5 scale."""
    grade = verdict["grade"]
    out: LD = {
        "@type": "Rating",
        "alternateName": STATUS_WORDS[Status(verdict["status"])],
        "name": f"Admiralty credibility {grade}: {verdict['grade_meaning']}",
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "ratingExplanation": "; ".join(r["text"] for r in verdict["reasons"][:3]),
    }
    if grade in SCALE:
        out["ratingValue"] = SCALE[grade]
    return out


def _item(found: Records, claim: ClaimRecord, verdict: Verdict) -> LD:
    """Return the claim reviewed: its full wording, who first said it, when, and where
    it appeared (with URLs where the case has safe ones)."""
    actors, sources, assertions = found.actors, found.sources, found.assertions
    origin_actors = [actors[a] for a in sorted({o["actor"] for o in verdict["origins"]})]
    said = [*verdict["support"], *verdict["set_aside"], *verdict["reach"]]
    bearing = [assertions[a] for a in said]
    appearances = _appearances(bearing, sources)
    item: LD = {"@type": "Claim", "text": claim["text"]}
    authors: list[JSON] = [a for a in map(_author, origin_actors) if a is not None]
    if authors:
        item["author"] = authors[0] if len(authors) == 1 else authors
    unnamed = [a["name"] for a in origin_actors if _author(a) is None]
    if unnamed:
        item["description"] = "First said by " + "; ".join(unnamed) + " (anonymous, or a crowd)"
    if verdict["first_seen"]:
        item["datePublished"] = verdict["first_seen"]
    if appearances:
        item["firstAppearance"] = _work(sources[appearances[0]], actors)
        item["appearance"] = [_work(sources[s], actors) for s in appearances]
    return item


def _work(source: SourceRecord, actors: dict[str, ActorRecord]) -> LD:
    work: LD = {"@type": "CreativeWork", "headline": source["title"]}
    url = safe_url(source.get("url"))
    if url:
        work["url"] = url
    if source.get("date"):
        work["datePublished"] = source.get("date")
    for field, actor_id in (
        ("author", source.get("author")),
        ("publisher", source.get("publisher")),
    ):
        actor = actors.get(actor_id or "")
        described = _author(actor) if actor else None
        if described:
            work[field] = described
    return work


def _appearances(bearing: list[AssertionRecord], sources: dict[str, SourceRecord]) -> list[str]:
    """Return where a claim appeared, earliest first: where it was said, and where we
    read it (often the only URL)."""
    from provenance import dates

    said = {a["source"] for a in bearing}
    seen = said | {a["read_in"] for a in bearing if a.get("read_in")}
    return sorted(seen, key=lambda s: (*dates.sort_key(sources[s].get("date")), s not in said, s))


def claimreview(doc: Document, options: ExportOptions) -> str:
    """Return the ClaimReview of the one claim in `options.claims` as a JSON-LD object,
    or, for several (or all, when None), a JSON array of standalone reviews, each for
    its own page. Safe to paste inside <script type="application/ld+json">."""
    claims = list(options.claims) if options.claims is not None else None
    reviews = claim_reviews(doc, claims, options.base_url)
    if claims is not None and len(reviews) == 1:
        return json_for_html(reviews[0]) + "\n"
    return json_for_html(reviews) + "\n"
