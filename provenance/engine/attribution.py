"""Attribution: is it established that the actor said it? (docs/rules.md, section 5)

Separate from whether a claim is true. The levels are provenance.vocab.Attribution; LEVELS
holds one small function per level, tried in order, and the first that applies gives
the assertion's attribution. Only on-record and independent-reports are established,
and only an established attribution lets an actor's statement confirm anything
(provenance.engine.authority).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.engine.drift import drifted_occasions
from provenance.engine.wording import listing
from provenance.graph import targets
from provenance.records import AttributionResult
from provenance.vocab import ENDORSING, Attribution, QuoteMode, Stance

if TYPE_CHECKING:
    from provenance.engine.context import Context
    from provenance.engine.read import Assertion


@dataclass(slots=True)
class Occasion:
    """What we know of one assertion's occasion and of its reports (one per assertion;
    read-only by convention, not `frozen`, to stay cheap to build)."""

    title: str  # of the source it was said in
    challenge: str | None  # the case's challenge to this attribution: disputed or refuted
    challenge_note: str | None
    held: str | None  # why we hold the occasion itself (archive, capture), None if we do not
    recorded: bool  # the case says a recording exists (it does not establish anything)
    screenshot: bool  # the occasion is known only through an image or a description
    outlets: tuple[str, ...]  # independent outlets reporting the actor saying it then
    outlet_names: tuple[str, ...]  # their display names, same order
    reader: str | None  # title of the source we read it in, if second-hand
    copied_from: tuple[str, ...]  # titles of the texts the reader's text derives from
    cap: str | None  # why the reports cannot establish it (drifted quotes, a paraphrase)
    min_outlets: int  # attribution_min_outlets


def _result(level: Attribution, text: str, outlets: tuple[str, ...] = ()) -> AttributionResult:
    return AttributionResult(
        status=level.value,
        word=level.word,
        established=level.established,
        text=text,
        outlets=list(outlets),
    )


def challenged(o: Occasion) -> AttributionResult | None:
    """Refuted or disputed when the case records a challenge (`attribution: {challenge,
    assertions, sources, note}`): the speaker denies it, the full recording lacks the
    words, no primary source exists anywhere. Example: a famous line pinned on a
    politician, found in no speech, transcript or post of theirs, is refuted."""
    if o.challenge is None:
        return None
    return _result(Attribution(o.challenge), o.challenge_note or "challenged in the case")


def on_record(o: Occasion) -> AttributionResult | None:
    """On record when we hold the occasion itself: the actor's own publication read where
    it was said (an archived text, no `read_in`), or a capture with its hash (a video, a
    screenshot file). `recorded: true` alone says a recording exists, not that we hold
    it, and establishes nothing."""
    return _result(Attribution.on_record, o.held) if o.held else None


def independent_reports(o: Occasion) -> AttributionResult | None:
    """Reported by independent outlets when at least `attribution_min_outlets` (default 2)
    outlets report this actor on this occasion saying it (its claim or a more specific
    one, the same way: `_readers`), counting as one the outlets whose texts derive from
    each other (a rewrite, a syndicated copy) and the sources of one outlet.
    Not for a paraphrase (the words are the outlet's), nor while the occasion's quotes
    drift (see second-hand). Example: Zaobao and Cryptopolitan each report the finance
    minister's remark; the two sites that rewrite Cryptopolitan add none."""
    if len(o.outlets) < o.min_outlets or o.cap:
        return None
    names = listing(list(o.outlet_names), ", ")
    text = f"reported by {len(o.outlets)} independent outlets: {names}"
    return _result(Attribution.independent_reports, text, o.outlets)


def screenshot_only(o: Occasion) -> AttributionResult | None:
    """Screenshot only when the occasion (a post) is known only through an image of it or
    a description in another source (`screenshot: true`) and we hold no capture."""
    if not o.screenshot:
        return None
    where = f", shown in {o.reader}" if o.reader else ""
    return _result(Attribution.screenshot_only, f"known only through a screenshot{where}")


def second_hand(o: Occasion) -> AttributionResult | None:
    """A single second-hand report when we read it in another source (`read_in`). Also the
    ceiling while two versions of one remark cannot both be verbatim (quote drift), until
    one is verified against an archived text or capture of the speaker's own; and for a
    paraphrase, whose words are the outlet's. Example: three outlets print three different
    "verbatim" quotes of one analyst: each is at most a single second-hand report."""
    if o.reader is None:
        return None
    text = f"a single second-hand report, in {o.reader}"
    if len(o.outlets) > 1:
        text = f"reported by {len(o.outlets)} outlets, but {o.cap}"
    elif o.cap:
        text += f"; {o.cap}"
    if o.copied_from:
        text += f" (whose text derives from {listing(list(o.copied_from), ', ')})"
    if o.recorded:
        text += "; a recording is said to exist, but we hold no capture of it"
    return _result(Attribution.second_hand, text, o.outlets)


def unverifiable(o: Occasion) -> AttributionResult | None:
    """Unverifiable otherwise: we hold no copy of the occasion, no capture, and read it in
    no other source. The text says what would put it on record: the source's archived
    text (`archive:`) or a capture of it with its hash (`capture:`)."""
    return _result(
        Attribution.unverifiable,
        f"we hold no copy of {o.title} and no report of it"
        " (its archived text or a capture would put it on record)",
    )


#: The attribution levels in the order they are tried; the first that applies decides.
LEVELS: tuple[Callable[[Occasion], AttributionResult | None], ...] = (
    challenged,
    on_record,
    independent_reports,
    screenshot_only,
    second_hand,
    unverifiable,
)


def attribute(occasion: Occasion) -> AttributionResult:
    """Return the first attribution level that applies to the occasion."""
    for level in LEVELS:
        found = level(occasion)
        if found is not None:
            return found
    raise AssertionError("the last attribution level always applies")


def attributions(ctx: Context, only: Iterable[str] | None = None) -> dict[str, AttributionResult]:
    """Return the attribution of every assertion, by id; or of those `only` names, which
    must hold every assertion of each occasion (actor, source) it names one of: a level
    reads nothing but its own occasion's assertions (the verdict history passes the
    occasions a day's arrivals join, instead of attributing everything again)."""
    chosen = list(ctx.assertions.values()) if only is None else [ctx.assertions[i] for i in only]
    reports: dict[tuple[str, str], dict[tuple[str, str], set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for a in chosen:
        if a.read_in:
            reports[(a.actor, a.source)][(_side(a), a.claim)].add(a.read_in)
    drift = drifted_occasions(chosen)
    return {
        a.id: attribute(
            _occasion(ctx, a, _readers(ctx, a, reports.get((a.actor, a.source))), drift)
        )
        for a in chosen
    }


def _readers(
    ctx: Context, a: Assertion, reports: dict[tuple[str, str], set[str]] | None
) -> list[str]:
    """Return the sources that report `a`'s actor, on `a`'s occasion, saying what `a`
    says: reports of its claim or of a more specific one (which says it too), on the same
    side (endorsing it, opposing it, or the same other stance). An outlet reporting the
    same interview about something else, or the other way, does not corroborate it."""
    if not reports:
        return []
    side = _side(a)
    return sorted(
        {
            reader
            for (their_side, claim), readers in reports.items()
            if their_side == side and a.claim in ctx.claims.up[claim]
            for reader in readers
        }
    )


def _side(a: Assertion) -> str:
    """Return which way `a` bears on its claim: "for", "against", or its stance."""
    if a.stance in ENDORSING:
        return "for"
    return "against" if a.stance in (Stance.denies, Stance.doubts) else a.stance.value


def _occasion(
    ctx: Context, a: Assertion, readers: list[str], drift: dict[tuple[str, str, str], int]
) -> Occasion:
    source = ctx.graph.nodes[f"source:{a.source}"]
    reader = ctx.graph.nodes[f"source:{a.read_in}"] if a.read_in else None
    if reader is None and _outlets_words(ctx, source, a):
        reader = source  # its text holds the outlet's words about what was said
    outlets = _independent_outlets(ctx, readers)
    variants = drift.get((a.actor, a.source, a.claim), 0)
    cap = (
        f"quoted {variants} different ways, which cannot all be verbatim: at most a single "
        "second-hand report until one is verified against the speaker's own text"
        if variants
        else "a paraphrase: the words are the outlet's, not the speaker's"
        if reader is not None and a.quote_mode is QuoteMode.paraphrase
        else None
    )
    copied = ctx.derivation.originals.get(a.read_in or "", [])
    return Occasion(
        title=source["title"],
        challenge=None if a.id in ctx.unchallenged else a.challenge,
        challenge_note=_challenge_note(ctx, a),
        held=None if reader is source else _held(source, a),
        recorded=bool(source.get("recorded")),
        screenshot=bool(source.get("screenshot")),
        outlets=tuple(outlets),
        outlet_names=tuple(ctx.names.get(o, o) for o in outlets),
        reader=reader["title"] if reader else None,
        copied_from=tuple(ctx.graph.nodes[f"source:{s}"]["title"] for s in copied),
        cap=cap,
        min_outlets=ctx.rules.attribution_min_outlets,
    )


def _outlets_words(ctx: Context, source: dict[str, object], a: Assertion) -> bool:
    """Whether `a` is a paraphrase in an archived text that is not its actor's own (not
    published or written by it or an actor affiliated with it, and held as text, not as a
    capture): the words we hold are the outlet's about what was said, so they put nothing
    on record (section 5)."""
    if a.quote_mode is not QuoteMode.paraphrase or not source.get("archive"):
        return False
    family = ctx.independence.family
    own = {
        family.get(x, x)
        for x in (source.get("publisher"), source.get("author"))
        if isinstance(x, str)
    }
    return not isinstance(source.get("capture"), dict) and family.get(a.actor, a.actor) not in own


def _held(source: dict[str, object], a: Assertion) -> str | None:
    """Return why we hold the occasion itself, or None."""
    capture = source.get("capture")
    if isinstance(capture, dict):
        return f"we hold a capture of {source['title']} (sha256 {str(capture['sha256'])[:12]}…)"
    if source.get("archive") and not a.read_in:
        return f"we hold the text of {source['title']}"
    return None


def _challenge_note(ctx: Context, a: Assertion) -> str | None:
    data = ctx.graph.nodes[f"assertion:{a.id}"].get("attribution") or {}
    parts = [data["note"]] if data.get("note") else []
    evidence = [*data.get("assertions", []), *data.get("sources", [])]
    if evidence:
        parts.append("evidence: " + ", ".join(evidence))
    return "; ".join(parts) or None


def _independent_outlets(ctx: Context, readers: list[str]) -> list[str]:
    """Return one outlet per independent group of the sources reporting an occasion:
    sources whose texts derive from each other, or that share an outlet, are one group,
    named by the outlet of its first original source (one deriving from no other) in id
    order."""
    head: dict[str, str] = {}

    def find(x: str) -> str:
        while head.setdefault(x, x) != x:
            x = head[x]
        return x

    for r in readers:  # a source, its outlet and its derivation family are one group
        for other in (f"outlet:{_outlet(ctx, r)}", f"family:{ctx.derivation.family.get(r, r)}"):
            a, b = find(r), find(other)
            if a != b:
                head[max(a, b)] = min(a, b)
    first: dict[str, str] = {}
    for r in sorted(readers, key=lambda r: (ctx.derivation.derived(r), r)):
        first.setdefault(find(r), _outlet(ctx, r))
    return sorted(set(first.values()))


def _outlet(ctx: Context, source_id: str) -> str:
    """Return the independence group of the outlet behind a source (its publisher, else
    its author), or the source itself when neither is known."""
    node = f"source:{source_id}"
    for kind in ("published-by", "authored-by"):
        found = targets(ctx.graph, node, kind)
        if found:
            actor: str = ctx.graph.nodes[found[0]]["id"]
            return ctx.independence.family.get(actor, actor)
    return source_id
