"""Flags: patterns a checker should see, on an assertion, a claim or the whole case.

Assertion flags concern a relay and what it relays (certainty inflation, specificity
escalation, claim drift); claim flags concern a claim's support (single origin,
amplification); case flags are circles (sources citing, or assertions relaying, each
other). The kinds are provenance.vocab.Flag; docs/rules.md, section 6, describes them.
"""

from __future__ import annotations

import networkx as nx

from provenance.engine import relays
from provenance.engine.context import Context
from provenance.engine.facts import ClaimFacts
from provenance.engine.read import Assertion
from provenance.engine.wording import listing
from provenance.gcpause import discard
from provenance.records import FlagResult
from provenance.vocab import CERTAINTY, SUPPORT, Flag

AMPLIFICATION_MIN = 3  # supporting or reporting assertions from one origin


def claim_depths(ctx: Context) -> dict[str, int]:
    """Return each claim's depth of specificity: 0 for a most general claim, else one
    more than the deepest of the claims it is directly more specific than."""
    depth: dict[str, int] = {}
    up = ctx.claims.up

    def measure(claim: str, trail: frozenset[str]) -> int:
        if claim in depth:
            return depth[claim]
        parents = [c for c in up[claim] if c != claim and c not in trail]
        direct = [p for p in parents if not any(p in up[q] and p != q for q in parents)]
        value = 1 + max((measure(p, trail | {claim}) for p in direct), default=-1)
        depth[claim] = value
        return value

    for claim in up:
        measure(claim, frozenset())
    return depth


def assertion_flags(ctx: Context, a: Assertion, depth: dict[str, int]) -> list[FlagResult]:
    """Return the flags of one assertion: how it departs from what it relays."""
    if a.stance not in SUPPORT:
        return []
    flags = _inflation(ctx, a)
    roots = ctx.roots[a.id]
    root_claims = {ctx.assertions[r].claim for r in roots if r != a.id}
    up = ctx.claims.up[a.claim]
    escalated = [c for c in root_claims if c in up and depth[a.claim] - depth[c] >= 2]
    if escalated:
        path = _claim_path(ctx, a.id)
        flags.append(
            FlagResult(
                kind=Flag.specificity_escalation.value,
                assertions=[a.id, *roots],
                claims=path,
                text="the claim grew more specific along the chain: " + " → ".join(path),
            )
        )
        return flags
    for u in (ctx.assertions[u] for u in ctx.upstream[a.id]):
        if u.claim != a.claim and u.claim not in ctx.claims.down[a.claim]:
            flags.append(
                FlagResult(
                    kind=Flag.claim_drift.value,
                    assertions=[a.id, u.id],
                    claims=[u.claim, a.claim],
                    text=f"relays {u.actor_name} on '{u.claim}' but asserts "
                    f"'{a.claim}', which {u.actor_name} did not say",
                )
            )
    return flags


def _inflation(ctx: Context, a: Assertion) -> list[FlagResult]:
    """Return a certainty-inflation flag if `a` sounds surer than anything upstream."""
    if not ctx.upstream[a.id]:
        return []
    chain = relays.ancestors(ctx.upstream, a.id)
    ceiling = max((CERTAINTY.get(ctx.assertions[u].stance, 0) for u in chain), default=0)
    if not ceiling or CERTAINTY[a.stance] <= ceiling:
        return []
    surest = max(chain, key=lambda i: (CERTAINTY.get(ctx.assertions[i].stance, 0), i))
    return [
        FlagResult(
            kind=Flag.certainty_inflation.value,
            assertions=[a.id, *chain],
            claims=[a.claim],
            text=f"{a.actor_name} {a.stance.word} what upstream only "
            f"{ctx.assertions[surest].stance.word}",
        )
    ]


def _claim_path(ctx: Context, a_id: str) -> list[str]:
    """Return the claims along the first relay chain from its origin down to `a_id`."""
    path: list[str] = []
    for link in reversed(relays.chain(ctx.upstream, a_id, ctx.assertions, ctx.origins_of)):
        claim = ctx.assertions[link].claim
        if not path or path[-1] != claim:
            path.append(claim)
    return path


def claim_flags(f: ClaimFacts) -> list[FlagResult]:
    """Return the flags of one claim's support: a single origin, amplification (at least
    AMPLIFICATION_MIN statements and reposts of spread data from that one origin). A claim
    about what someone said (`said_by`) has that speaker as its one origin by nature, and
    its reports corroborate the attribution: it is never flagged as amplification. A claim
    whose one origin no longer stands (retracted, not said, superseded…) is flagged as
    amplification still, when what relayed it reaches the same count: the spread of words
    never said is what a desk reports on."""
    if len(f.groups) != 1:
        return _amplified_fallen(f)
    only = f.origin_assertions[f.origins[0]["assertion"]]
    flags = [
        FlagResult(
            kind=Flag.single_origin.value,
            assertions=[o["assertion"] for o in f.origins],
            claims=[f.claim],
            text=f"single origin: {only.actor_name}",
        )
    ]
    if f.said_by is None:
        flags += _amplification(f, [*f.live_support, *f.reach], "1 origin", "without corroboration")
    return flags


def _amplification(
    f: ClaimFacts, amplifiers: list[Assertion], origin: str, what: str
) -> list[FlagResult]:
    """The amplification flag, when `amplifiers` and the reposts reach AMPLIFICATION_MIN."""
    if len(amplifiers) + f.reposts < AMPLIFICATION_MIN:
        return []
    count = f"{len(amplifiers)} assertion{'s' if len(amplifiers) != 1 else ''}"
    if f.reposts:
        count += f" and {f.reposts:,} reposts"
    return [
        FlagResult(
            kind=Flag.amplification.value,
            assertions=[a.id for a in amplifiers],
            claims=[f.claim],
            text=f"{count}, {origin}: amplification {what}",
        )
    ]


def _amplified_fallen(f: ClaimFacts) -> list[FlagResult]:
    """The amplification flag of a claim with no live origin and one origin it had."""
    if f.origins or f.said_by is not None or len({o["group"] for o in f.history}) != 1:
        return []
    origin = f"1 origin, {f.origin_state.word}"
    return _amplification(f, [*f.support, *f.reach], origin, "of what does not stand")


def case_flags(ctx: Context) -> list[FlagResult]:
    """Return the case-wide flags: sources citing each other, assertions relaying each
    other, in a circle."""
    flags = []
    cites = nx.DiGraph()
    for u, v, k in ctx.graph.edges(keys=True):
        if k == "cites":
            cites.add_edge(ctx.graph.nodes[u]["id"], ctx.graph.nodes[v]["id"])
    circles = sorted(sorted(c) for c in nx.strongly_connected_components(cites) if len(c) > 1)
    discard(cites)
    for cycle in circles:
        members = set(cycle)
        inside = sorted(a.id for a in ctx.assertions.values() if a.source in members)
        flags.append(
            FlagResult(
                kind=Flag.circular_citation.value,
                assertions=inside,
                claims=sorted({ctx.assertions[a].claim for a in inside}),
                text="sources cite each other in a circle: " + listing(cycle, ", "),
            )
        )
    for cycle in ctx.cycles:
        flags.append(
            FlagResult(
                kind=Flag.circular_relay.value,
                assertions=cycle,
                claims=sorted({ctx.assertions[a].claim for a in cycle}),
                text="assertions relay each other in a circle: " + listing(cycle, ", "),
            )
        )
    return flags


def attribution_flags(ctx: Context, a: Assertion) -> list[FlagResult]:
    """Return the flags of one assertion about who said it and from whose text: a
    challenged attribution, an admitted fabrication, a rewrite or syndicated copy."""
    flags = []
    if a.challenge:
        flags.append(
            FlagResult(
                kind=Flag.attribution_challenged.value,
                assertions=[a.id],
                claims=[a.claim],
                text=f"the attribution to {a.actor_name} is {a.challenge}: "
                + ctx.attribution[a.id]["text"],
            )
        )
    if a.id in ctx.fabricated:
        admits = ctx.assertions[ctx.fabricated[a.id]]
        flags.append(
            FlagResult(
                kind=Flag.fabricated.value,
                assertions=[a.id, admits.id],
                claims=[a.claim],
                text=f"fabricated, admitted by {admits.describe()}",
            )
        )
    text = a.read_in or a.source
    copied = [
        u
        for u in ctx.upstream[a.id]
        if (ctx.assertions[u].read_in or ctx.assertions[u].source)
        in ctx.derivation.originals.get(text, ())
    ]
    if copied:
        originals = sorted({ctx.assertions[u].read_in or ctx.assertions[u].source for u in copied})
        flags.append(
            FlagResult(
                kind=Flag.rewrite.value,
                assertions=[a.id, *copied],
                claims=[a.claim],
                text=f"{text} derives from the text of {listing(originals, ', ')}: "
                "this adds reach, not an independent origin or report",
            )
        )
    return flags


def derivation_flags(ctx: Context) -> list[FlagResult]:
    """Return the case flags of derivation: circular reporting across revisions of one
    publication, and each rewrite found in the texts that the case does not declare."""
    flags = []
    for circle in ctx.derivation.circles:
        inside = sorted(a.id for a in ctx.assertions.values() if (a.read_in or a.source) in circle)
        flags.append(
            FlagResult(
                kind=Flag.circular_reporting.value,
                assertions=inside,
                claims=sorted({ctx.assertions[a].claim for a in inside}),
                text="circular reporting: through revisions of one publication, these sources "
                "cite or copy each other: " + listing(circle, ", ") + " (counted once)",
            )
        )
    for d in ctx.derivation.results:
        if d["how"] in ("declared-rewrite", "revision"):
            continue
        inside = sorted(
            a.id for a in ctx.assertions.values() if (a.read_in or a.source) == d["source"]
        )
        order = "" if d["dated"] else " (which came first is assumed from dates and ids)"
        flags.append(
            FlagResult(
                kind=Flag.rewrite.value,
                assertions=inside,
                claims=sorted({ctx.assertions[a].claim for a in inside}),
                text=f"{d['source']} derives from {d['original']}{order}, found in their texts "
                f"though the case does not declare it: {d['evidence']}",
            )
        )
    return flags
