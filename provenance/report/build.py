"""The content of a published fact-check, as data: `build_report(doc, term, ...)`.

Pure: the analysed document in, a `Report` out; no clock (the generation date is an
argument), no file, no layout (the diagram's SVG is made by the CLI and handed to the
HTML or Markdown writer). The report reads what the document holds and computes no
verdict: status, grade, reasons, attribution levels and, when the engine records it,
the verdict history, all come from `doc["analysis"]`.

>>> STATUS_EXPLAINED[Status.unconfirmed].split(":")[0]
'Unconfirmed'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from provenance.dates import display
from provenance.errors import ProvenanceError
from provenance.records import JSON, Document, Finding, SpreadCount, Verdict
from provenance.render.labels import attribution_word, safe_date, stance_word
from provenance.render.options import RenderOptions
from provenance.render.story import Story, build_story
from provenance.render.styles import STATUS_SYMBOL, flag_word
from provenance.render.summary import chain_sentence
from provenance.views.index import CaseIndex
from provenance.views.spread import spread_lines
from provenance.vocab import GRADE_MEANING, QuoteMode, Status

#: What each status means, in words a reader understands (a test checks every status).
STATUS_EXPLAINED = {
    Status.confirmed: "Confirmed: established first-hand or by an official record.",
    Status.corroborated: "Corroborated: supported by independent sources, not yet "
    "confirmed first-hand.",
    Status.unconfirmed: "Unconfirmed: it has been said, but nobody in a position to know "
    "has confirmed it.",
    Status.disputed: "Disputed: it is both asserted and credibly denied or contradicted.",
    Status.refuted: "Refuted: confirmed facts contradict it.",
    Status.retracted: "Retracted: those who said it have withdrawn it.",
    Status.unsupported: "Unsupported: nobody on record asserts it.",
}
#: For a claim that someone said something (`said_by`), the status is about the saying.
SAID_EXPLAINED = {
    Status.confirmed: "Confirmed that {who} said it: on record or reported by independent "
    "outlets. Whether what was said is true is a different question.",
    Status.refuted: "Refuted that {who} said it: the attribution is shown to be false.",
    Status.disputed: "Disputed that {who} said it: the attribution is challenged.",
    Status.unconfirmed: "Unconfirmed that {who} said it: it is reported, but not on record "
    "or by independent outlets.",
}
LANE_WORD = {"support": "for it", "opposing": "against it", "context": "context"}


@dataclass(frozen=True)
class Quote:
    """One statement as the report lists it."""

    assertion: str
    speaker: str
    stance: str
    date: str
    claim: str | None  # the claim it is about, when not the report's claim
    text: str
    mode: str
    language: str | None
    source: str
    source_url: str | None
    read_in: str | None
    read_in_url: str | None
    archive: str | None
    capture: str | None
    attribution: str
    established: bool
    lane: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class HistoryEntry:
    """One earlier verdict, as of a date (when the engine records a history)."""

    as_of: str
    status: str
    reason: str


@dataclass
class Report:
    """Everything a published fact-check page says about one claim."""

    claim: str
    claim_text: str
    case_title: str
    status: str
    symbol: str
    explained: str
    grade: int
    grade_meaning: str
    summary: str
    reasons: list[str]
    history: list[HistoryEntry]
    quotes: list[Quote]
    flags: list[str]
    findings: list[Finding]
    review: dict[str, str]
    generated: str
    claimreview: dict[str, JSON] | None
    notes: list[str] = field(default_factory=list)
    # Spread data: the sentences of provenance.views.spread, and posts per day.
    spread: list[str] = field(default_factory=list)
    spread_days: list[tuple[str, int]] = field(default_factory=list)


def build_report(doc: Document, term: str, generated: str, base_url: str | None = None) -> Report:
    """Return the report on the claim `term` names (see provenance.render.subject),
    dated `generated`; `base_url` is the page it is published on (default: the case's
    review.url), which the embedded ClaimReview needs."""
    ix = CaseIndex(doc)
    story = build_story(doc, term, RenderOptions(detail="full", max_assertions=10_000), ix)
    claim = story.subject
    verdict = ix.verdicts[claim]
    lanes = {a: n.lane for n in story.nodes for a in n.assertions}
    hops = _hops(story)
    quotes = [_quote(ix, a, lanes[a], claim) for a in _in_order(ix, lanes, hops)]
    flags = [f"{flag_word(f['kind'])}: {f['text']}" for f in verdict["flags"]]
    for q in quotes:
        flags += [f for f in q.flags if f not in flags]
    review, notes = _review(doc)
    claimreview = _claimreview(doc, claim, base_url, notes)
    status = Status(verdict["status"])
    return Report(
        claim=claim,
        claim_text=ix.claims[claim]["text"],
        case_title=doc["case"].get("title", "Untitled case"),
        status=status.value,
        symbol=STATUS_SYMBOL[status],
        explained=_explained(ix, claim, status),
        grade=verdict["grade"],
        grade_meaning=GRADE_MEANING.get(verdict["grade"], ""),
        summary=chain_sentence(ix, story),
        reasons=[r["text"] for r in verdict["reasons"]],
        history=_history(ix, verdict),
        quotes=quotes,
        flags=flags,
        findings=_findings(ix, claim, list(lanes)),
        review=review,
        generated=generated,
        claimreview=claimreview,
        notes=notes,
        spread=spread_lines(ix.spread[claim]) if claim in ix.spread else [],
        spread_days=[(display(d["name"]), d["posts"]) for d in _days(ix, claim)],
    )


def _days(ix: CaseIndex, claim: str) -> list[SpreadCount]:
    return ix.spread[claim]["days"] if claim in ix.spread else []


def _hops(story: Story) -> dict[str, int]:
    """Return each statement's place in its chain: relay hops from where it starts."""
    incoming: dict[str, list[str]] = {}
    for link in story.links:
        if link.kind == "relay":
            incoming.setdefault(link.head, []).append(link.tail)

    def depth(key: str, seen: frozenset[str]) -> int:
        tails = [t for t in incoming.get(key, []) if t not in seen]
        return max((1 + depth(t, seen | {key}) for t in tails), default=0)

    return {a: depth(n.key, frozenset()) for n in story.nodes for a in n.assertions}


def _in_order(ix: CaseIndex, lanes: dict[str, str], hops: dict[str, int]) -> list[str]:
    """Return the statements for, then against, then context; each in chain order
    (where a chain starts first), then by date, then by id."""
    from provenance.render.story import LANES, date_key

    return sorted(lanes, key=lambda a: (LANES.index(lanes[a]), hops[a], date_key(ix, a), a))


def _quote(ix: CaseIndex, a_id: str, lane: str, claim: str) -> Quote:
    """Return one statement as the report lists it."""
    from provenance.escape import safe_url

    record = ix.assertions[a_id]
    result = ix.results[a_id]
    attribution = cast(Mapping[str, object], result["attribution"])
    level = str(attribution.get("level") or attribution.get("status") or "")
    said_in = ix.sources.get(record["source"])
    read_in = ix.sources.get(record.get("read_in", "")) if record.get("read_in") else None
    held = read_in or said_in
    capture = held.get("capture") if held else None
    try:
        mode = QuoteMode(record.get("quote_mode", "verbatim")).word
    except ValueError:
        mode = "quote"
    return Quote(
        assertion=a_id,
        speaker=ix.actor_name(record["actor"]) or record["actor"],
        stance=stance_word(record["stance"]),
        date=safe_date(ix.said(a_id)),
        claim=None if record["claim"] == claim else ix.claims[record["claim"]]["text"],
        text=record.get("quote", ""),
        mode=mode,
        language=record.get("quote_language"),
        source=said_in["title"] if said_in else record["source"],
        source_url=safe_url(said_in.get("url")) if said_in else None,
        read_in=read_in["title"] if read_in else None,
        read_in_url=safe_url(read_in.get("url")) if read_in else None,
        archive=held.get("archive") if held else None,
        capture=f"sha256 {capture['sha256']} ({capture['date']})" if capture else None,
        attribution=attribution_word(level),
        established=bool(attribution.get("established")),
        lane=LANE_WORD[lane],
        flags=tuple(f"{flag_word(f['kind'])}: {f['text']}" for f in result["flags"]),
    )


def _explained(ix: CaseIndex, claim: str, status: Status) -> str:
    """Return the status in words a reader understands; for a claim that someone said
    something, in words about the saying."""
    speaker = ix.claims[claim].get("said_by")
    if speaker and status in SAID_EXPLAINED:
        return SAID_EXPLAINED[status].format(who=ix.actor_name(speaker) or speaker)
    return STATUS_EXPLAINED[status]


def _history(ix: CaseIndex, verdict: Verdict) -> list[HistoryEntry]:
    """Return the verdict history the engine records (oldest first): from which `--as-of`
    day each status held ("the start" for what was always known), its grade, and who
    said what changed it (the speakers' names, each once)."""
    out = []
    for item in verdict["history"]:
        speakers = [ix.actor_name(ix.assertions[a]["actor"]) or a for a in item["assertions"]]
        cause = ", ".join(dict.fromkeys(speakers))
        reason = f"grade {item['grade']}" + (f", after {cause}" if cause else "")
        as_of = item["as_of"]
        out.append(HistoryEntry(safe_date(as_of) if as_of else "the start", item["status"], reason))
    return out


def _findings(ix: CaseIndex, claim: str, assertions: list[str]) -> list[Finding]:
    """Return the `prov check` findings about the claim or its statements (not quotes
    located fine), in a stable order."""
    subjects = [f"claim:{claim}", *(f"assertion:{a}" for a in sorted(assertions))]
    found: list[Finding] = []
    for subject in subjects:
        for finding in ix.problems(subject):
            if finding not in found:
                found.append(finding)
    return sorted(found, key=lambda f: (f["severity"], f["kind"], f["subject"], f["message"]))


def _review(doc: Document) -> tuple[dict[str, str], list[str]]:
    """Return who checked and reviewed the claim and when, as the case records it."""
    raw = cast(Mapping[str, object], doc["case"].get("review") or {})
    review = {}
    for key, word in (
        ("author", "checked by"),
        ("checker", "checked by"),
        ("reviewer", "reviewed by"),
        ("date", "date of the review"),
    ):
        value = raw.get(key)
        if isinstance(value, str) and value and word not in review:
            review[word] = safe_date(value) if key == "date" else value
    notes = [] if "reviewed by" in review else ["no second reviewer is recorded in the case"]
    return review, notes


def _claimreview(
    doc: Document, claim: str, base_url: str | None, notes: list[str]
) -> dict[str, JSON] | None:
    """Return the schema.org ClaimReview of `claim` from the export registry's writer,
    or None (with a note) when the case names no page to publish it on."""
    from provenance.export import ExportOptions
    from provenance.export.registry import get

    try:
        text = get("claimreview").writer()(doc, ExportOptions(claims=(claim,), base_url=base_url))
    except ProvenanceError as exc:
        notes.append(f"no ClaimReview embedded: {exc}")
        return None
    data = json.loads(text)
    reviews = data if isinstance(data, list) else data.get("@graph", [data])
    for review in reviews:
        if isinstance(review, dict):
            return cast(dict[str, JSON], _web_links_only(review))
    return None


def _web_links_only(value: JSON) -> JSON:
    """Return JSON-LD with every "url" that is not a safe web link left out: the page
    publishes it, so a case's `javascript:` URL must not reach search engines."""
    from provenance.escape import safe_url

    if isinstance(value, list):
        return [_web_links_only(v) for v in value]
    if isinstance(value, dict):
        return {
            k: _web_links_only(v)
            for k, v in value.items()
            if not (k in ("url", "sameAs") and isinstance(v, str) and safe_url(v) is None)
        }
    return value
