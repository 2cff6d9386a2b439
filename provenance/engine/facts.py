"""The facts about one claim that the rules read, computed once per claim.

`claim_facts(ctx, claim)` gathers what bears on a claim (docs/rules.md, section 1):
support from the claim and every more specific claim, opposition against it and every
more general claim, what retractions withdrew, the independent origins and their
strength. A rule (provenance.engine.rules) reads only a `ClaimFacts` and the thresholds.

Two facts depend on other claims' statuses: the claims it contradicts and the claims
that are context for it. They start unknown; `settle` fills them in from a first pass
over every claim. A new rule that needs a new fact adds a field here and computes it in
`claim_facts`; nothing else changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from provenance import dates
from provenance.engine import timing
from provenance.engine.context import Context
from provenance.engine.independence import Strength, group_origins
from provenance.engine.read import Assertion
from provenance.records import Origin, ReliabilityNote
from provenance.vocab import ENDORSING, UNINFORMED, Stance, Status


@dataclass(frozen=True, slots=True)
class OtherClaim:
    """Another claim this one depends on, with its status from the first pass."""

    id: str
    text: str
    status: str | None  # None until `settle`
    assertions: tuple[str, ...]  # its own assertions, in id order


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """Everything the rules and notes may read about one claim. Assertion tuples are in
    id order; groups are independence groups (provenance.engine.independence)."""

    claim: str
    support: tuple[Assertion, ...]  # confirms/states/hedges it or a more specific claim
    live_support: tuple[Assertion, ...]  # support not withdrawn by a retraction
    withdrawn: tuple[str, ...]  # support withdrawn, sorted ids
    retractions: tuple[Assertion, ...]
    conditionals: tuple[Assertion, ...]
    reach: tuple[Assertion, ...]  # reports without endorsement
    opposition: tuple[Assertion, ...]  # denies or doubts it or a more general claim
    denials: tuple[Assertion, ...]
    authoritative_denials: tuple[Assertion, ...]  # basis in authoritative_bases
    grounded_denials: tuple[Assertion, ...]  # basis in grounded_bases
    doubts: tuple[Assertion, ...]
    origins: tuple[Origin, ...]  # of the live support, in id order
    origin_assertions: dict[str, Assertion]  # the assertion of each origin, by id
    groups: frozenset[str]  # independent origins
    authoritative: frozenset[str]  # groups with an authoritative origin
    grounded: frozenset[str]  # groups with an authoritative or grounded origin
    informed: frozenset[str]  # groups with an origin giving a basis beyond hearsay
    contradicts: tuple[OtherClaim, ...]  # claims it contradicts, either direction
    context: tuple[OtherClaim, ...]  # claims that are context for it
    status_before: str | None  # its own status in the first pass (None until `settle`)
    first_seen: str | None
    reliability: tuple[ReliabilityNote, ...]  # of the actors supporting or opposing it
    # Time (provenance.engine.timing): support left out of `support` above, and why.
    set_aside: tuple[timing.SetAside, ...] = ()  # predictions, support about another period
    superseded_support: tuple[timing.Supersession, ...] = ()  # origins a later denial ends
    superseded_denials: tuple[timing.Supersession, ...] = ()  # denials a later origin ends

    @property
    def contradicted_by(self) -> tuple[OtherClaim, ...]:
        """The claims it contradicts that are confirmed."""
        return tuple(c for c in self.contradicts if c.status == Status.confirmed)

    @property
    def confirmed_context(self) -> tuple[OtherClaim, ...]:
        """The context claims that are confirmed."""
        return tuple(c for c in self.context if c.status == Status.confirmed)

    @property
    def depends_on_others(self) -> bool:
        """Whether its verdict can change with other claims' statuses."""
        return bool(self.contradicts or self.context)


def claim_facts(ctx: Context, claim: str) -> ClaimFacts:
    """Return the facts about `claim`, with other claims' statuses still unknown."""
    relevant = sorted(
        (ctx.assertions[i] for c in ctx.claims.down[claim] for i in ctx.by_claim.get(c, [])),
        key=lambda a: a.id,
    )
    opposition = sorted(
        (
            a
            for c in ctx.claims.up[claim]
            for a in (ctx.assertions[i] for i in ctx.by_claim.get(c, []))
            if a.stance in (Stance.denies, Stance.doubts)
        ),
        key=lambda a: a.id,
    )
    support, aside = timing.set_aside(
        ctx.periods, claim, [a for a in relevant if a.stance in ENDORSING]
    )
    live = [a for a in support if a.id not in ctx.withdrawn]
    origins = _origins(ctx, claim, live)
    denials = [a for a in opposition if a.stance == Stance.denies]
    (support, live, origins, denials), ended, overruled = _supersede(
        ctx, (support, live, origins, denials)
    )
    groups, authoritative, grounded, informed = _strengths(ctx, origins)
    rules = ctx.rules
    return ClaimFacts(
        claim=claim,
        support=tuple(support),
        live_support=tuple(live),
        withdrawn=tuple(sorted(a.id for a in support if a.id in ctx.withdrawn)),
        retractions=tuple(a for a in relevant if a.stance == Stance.retracts),
        conditionals=tuple(a for a in relevant if a.stance == Stance.conditional),
        reach=tuple(a for a in relevant if a.stance == Stance.reports),
        opposition=tuple(opposition),
        denials=tuple(denials),
        authoritative_denials=tuple(a for a in denials if a.basis in rules.authoritative_bases),
        grounded_denials=tuple(a for a in denials if a.basis in rules.grounded_bases),
        doubts=tuple(a for a in opposition if a.stance == Stance.doubts),
        origins=tuple(origins),
        origin_assertions={o["assertion"]: ctx.assertions[o["assertion"]] for o in origins},
        groups=groups,
        authoritative=authoritative,
        grounded=grounded,
        informed=informed,
        contradicts=tuple(_other(ctx, c) for c in ctx.claims.contradicts[claim]),
        context=tuple(_other(ctx, c) for c in ctx.claims.context[claim]),
        status_before=None,
        first_seen=dates.earliest([ctx.assertions[i].said for i in ctx.by_claim.get(claim, [])]),
        reliability=tuple(
            ctx.reliability[actor]
            for actor in sorted({a.actor for a in (*live, *opposition)})
            if actor in ctx.reliability
        ),
        set_aside=tuple(aside),
        superseded_support=tuple(ended),
        superseded_denials=tuple(overruled),
    )


def settle(facts: ClaimFacts, statuses: dict[str, str]) -> ClaimFacts:
    """Return `facts` with every claim's status from a first pass filled in."""
    return replace(
        facts,
        contradicts=tuple(replace(c, status=statuses.get(c.id)) for c in facts.contradicts),
        context=tuple(replace(c, status=statuses.get(c.id)) for c in facts.context),
        status_before=statuses.get(facts.claim),
    )


Found = tuple[list[Assertion], list[Assertion], list[Origin], list[Assertion]]


def _supersede(
    ctx: Context, found: Found
) -> tuple[Found, list[timing.Supersession], list[timing.Supersession]]:
    """Return support, live support, origins and denials without what a later statement
    superseded (provenance.engine.timing): the denials overruled, the ended origins, and
    the support that derives only from them; then the supersessions of support and of
    denials. A support deriving from an ended origin and a standing one keeps only the
    standing one."""
    support, live, origins, denials = found
    ended, overruled = timing.supersede(
        [ctx.assertions[o["assertion"]] for o in origins],
        denials,
        ctx.independence.family,
        ctx.rules,
    )
    if not (ended or overruled):
        return found, ended, overruled
    stopped = {s.earlier.id for s in ended}
    alive = {s for o in origins if o["assertion"] not in stopped for s in o["supports"]}
    gone = {s for o in origins if o["assertion"] in stopped for s in o["supports"]} - alive
    kept = (
        [a for a in support if a.id not in gone],
        [a for a in live if a.id not in gone],
        [o for o in origins if o["assertion"] not in stopped],
        [a for a in denials if a.id not in {s.earlier.id for s in overruled}],
    )
    return kept, ended, overruled


def _origins(ctx: Context, claim: str, live: list[Assertion]) -> list[Origin]:
    """Return the origins of `claim`'s live support that are not themselves withdrawn."""
    ids = {
        o for a in live for o in ctx.origins_of[a.id].get(claim, [a.id]) if o not in ctx.withdrawn
    }
    chosen = [ctx.assertions[o] for o in sorted(ids)]
    return group_origins(claim, chosen, live, ctx.origins_of, ctx.independence, ctx.rules)


def _strengths(ctx: Context, origins: list[Origin]) -> tuple[frozenset[str], ...]:
    """Return the independent groups, then those that are authoritative, grounded and
    informed (see the fields of ClaimFacts)."""
    by: dict[str, set[str]] = defaultdict(set)
    for o in origins:
        by[o["strength"]].add(o["group"])
    grounded = by[Strength.authoritative] | by[Strength.grounded]
    basis_given = {
        o["group"] for o in origins if ctx.assertions[o["assertion"]].basis not in UNINFORMED
    }
    return (
        frozenset(o["group"] for o in origins),
        frozenset(by[Strength.authoritative]),
        frozenset(grounded),
        frozenset(grounded | by[Strength.informed] | basis_given),
    )


def _other(ctx: Context, claim: str) -> OtherClaim:
    return OtherClaim(
        id=claim,
        text=ctx.texts[claim],
        status=None,
        assertions=tuple(ctx.by_claim.get(claim, [])),
    )
