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

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from provenance.engine import authority, timing
from provenance.engine.bearing import Bearing
from provenance.engine.context import Context
from provenance.engine.independence import Strength
from provenance.engine.origins import Led, counted, had, independent_groups, live_support
from provenance.engine.read import Assertion
from provenance.records import AttributionResult, Origin, ReliabilityNote
from provenance.vocab import OriginState, Stance, Status


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
    authoritative_denials: tuple[Assertion, ...]  # authoritative once weighed (authority)
    grounded_denials: tuple[Assertion, ...]  # grounded or authoritative once weighed
    doubts: tuple[Assertion, ...]
    origins: tuple[Origin, ...]  # of the live support, in id order
    origin_assertions: dict[str, Assertion]  # the assertion of each origin (or history), by id
    groups: frozenset[str]  # independent origins
    authoritative: frozenset[str]  # groups with an authoritative origin
    grounded: frozenset[str]  # groups with an authoritative or grounded origin
    informed: frozenset[str]  # groups with an origin giving a basis beyond hearsay
    contradicts: tuple[OtherClaim, ...]  # claims it contradicts, either direction
    context: tuple[OtherClaim, ...]  # claims that are context for it
    status_before: str | None  # its own status in the first pass (None until `settle`)
    first_seen: str | None
    reliability: tuple[ReliabilityNote, ...]  # of the actors supporting or opposing it
    # Attribution and independence (issue 13).
    said_by: str | None = None  # the actor whose words the claim is about ("X said Y")
    attribution: Mapping[str, AttributionResult] = field(default_factory=dict)  # bearing on it
    weakened: dict[str, list[str]] = field(default_factory=dict)  # denial -> its weaknesses
    discredited: tuple[str, ...] = ()  # support whose attribution is refuted, sorted
    reposts: int = 0  # posts of spread data relaying its live support and reach
    fabricated: dict[str, Assertion] = field(default_factory=dict)  # -> admitting retraction
    history: tuple[Origin, ...] = ()  # when no live origin: the withdrawn or reported ones
    origin_state: OriginState = OriginState.none  # what became of its origins
    context_against: tuple[OtherClaim, ...] = ()  # claims that make it less plausible
    # Time (provenance.engine.timing): support left out of `support` above, and why.
    set_aside: tuple[timing.SetAside, ...] = ()  # predictions, support about another period
    superseded_support: tuple[timing.Supersession, ...] = ()  # origins a later denial ends
    superseded_denials: tuple[timing.Supersession, ...] = ()  # denials a later origin ends

    def assertion(self, a_id: str) -> Assertion:
        """Return an assertion bearing on the claim (an origin, support, report or
        opposition) by id."""
        found = self.origin_assertions.get(a_id)
        if found is None:
            found = next(a for a in (*self.support, *self.reach, *self.opposition) if a.id == a_id)
        return found

    @property
    def speaker(self) -> tuple[Assertion, ...]:
        """For a claim "X said Y": X's own supporting assertions, live or not."""
        return tuple(a for a in self.support if a.actor == self.said_by)

    @property
    def contradicted_by(self) -> tuple[OtherClaim, ...]:
        """The claims it contradicts that are confirmed."""
        return tuple(c for c in self.contradicts if c.status == Status.confirmed)

    @property
    def confirmed_context(self) -> tuple[OtherClaim, ...]:
        """The context claims that are confirmed."""
        return tuple(c for c in self.context if c.status == Status.confirmed)

    @property
    def confirmed_context_against(self) -> tuple[OtherClaim, ...]:
        """The claims making it less plausible that are confirmed."""
        return tuple(c for c in self.context_against if c.status == Status.confirmed)

    @property
    def depends_on_others(self) -> bool:
        """Whether its verdict can change with other claims' statuses."""
        return bool(self.contradicts or self.context or self.context_against)


class Attributions(Mapping[str, AttributionResult]):
    """The attributions of the assertions bearing on a claim (`ClaimFacts.attribution`),
    read from the case's map when asked instead of copied for every claim. A whole
    analysis never changes its map; the verdict history updates its own in place, and
    judges again every claim an assertion bears on once its attribution status changes, so
    facts it keeps never decide on a status they were not judged with."""

    __slots__ = ("_bearing", "_ids", "_of")

    def __init__(
        self, of: Mapping[str, AttributionResult], *bearing: tuple[Assertion, ...]
    ) -> None:
        self._of = of
        self._bearing = bearing
        self._ids: dict[str, None] | None = None

    def _keys(self) -> dict[str, None]:
        if self._ids is None:
            self._ids = dict.fromkeys(a.id for group in self._bearing for a in group)
        return self._ids

    def __getitem__(self, a_id: str) -> AttributionResult:
        if a_id not in self._keys():
            raise KeyError(a_id)
        return self._of[a_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())


#: Per claim, its denials a later authoritative statement overruled (see `overruled_on`).
Overruled = Mapping[str, frozenset[str]]


def claim_facts(ctx: Context, claim: str, shown_wrong: Overruled | None = None) -> ClaimFacts:
    """Return the facts about `claim`, with other claims' statuses still unknown.
    `shown_wrong` holds, per claim, the denials of it a later authoritative statement
    overruled there (see `overruled_denials`): they no longer weigh on its more specific
    claims."""
    bearing = ctx.bearing[claim]
    relevant, reach = bearing.tupled("relevant"), bearing.tupled("reach")
    filed, aside = _support(ctx, claim)
    opposition, denied, doubts = _against(ctx, bearing, claim, shown_wrong)
    said_by = ctx.claims.said_by.get(claim)
    led = live_support(ctx, claim)
    found: Found = (filed, led.live, led.origins, denied)
    (support, live, origins, denials), ended, overruled = _supersede(ctx, found, led, said_by)
    authoritative_denials, grounded_denials, weakened = authority.weighed_denials(
        ctx, denials, said_by
    )
    groups, authoritative, grounded, informed = (
        led.groups if len(origins) == len(led.origins) else independent_groups(origins)
    )
    # Not the origins of its reports: what a later statement superseded, what is set aside.
    left_out = frozenset([*(s.earlier.id for s in ended), *(s.assertion.id for s in aside)])
    history, state = had(ctx, claim, origins, support, reach, left_out, led.origins)
    return ClaimFacts(
        claim=claim,
        support=tuple(support),
        live_support=tuple(live),
        withdrawn=_among(support, ctx.withdrawn, len(live)),
        retractions=bearing.tupled("retractions"),
        conditionals=bearing.tupled("conditionals"),
        reach=tuple(reach),
        opposition=opposition,
        denials=tuple(denials),
        authoritative_denials=authoritative_denials,
        grounded_denials=grounded_denials,
        doubts=doubts,
        origins=tuple(origins),
        origin_assertions=_origin_assertions(ctx, origins, history, led.by_id),
        groups=groups,
        authoritative=authoritative,
        grounded=grounded,
        informed=informed,
        contradicts=tuple(_other(ctx, c) for c in ctx.claims.contradicts[claim]),
        context=tuple(_other(ctx, c) for c in ctx.claims.context[claim]),
        status_before=None,
        first_seen=bearing.first[1] if bearing.first else None,
        reliability=_reliability(ctx, [*live, *opposition]),
        said_by=said_by,
        reposts=sum(ctx.reposts.get(a.id, 0) for a in (*live, *reach)) if ctx.reposts else 0,
        attribution=Attributions(ctx.attribution, relevant, opposition),
        weakened=weakened,
        discredited=_among(support, ctx.discredited, len(live)),
        fabricated=_fabricated(ctx, support),
        history=tuple(history),
        origin_state=state,
        context_against=tuple(_other(ctx, c) for c in ctx.claims.context_against[claim]),
        set_aside=tuple(aside),
        superseded_support=tuple(ended),
        superseded_denials=tuple(overruled),
    )


def _support(ctx: Context, claim: str) -> tuple[tuple[Assertion, ...], Sequence[timing.SetAside]]:
    """Return the claim's support and the support set aside for it, with the support
    that derives only from set-aside statements moved aside (`timing.derived_aside`)."""
    bearing = ctx.bearing[claim]
    support = bearing.tupled("support")
    if not bearing.set_aside:
        return support, bearing.aside
    derived = []
    for a in support:
        origins, through = counted(ctx, claim, a.id)
        if not origins:
            derived.append(timing.derived_aside(bearing.aside, a, through))
    if not derived:
        return support, bearing.aside
    moved = {s.assertion.id for s in derived}
    kept = tuple(a for a in support if a.id not in moved)
    return kept, sorted([*bearing.aside, *derived], key=lambda s: s.assertion.id)


def _origin_assertions(
    ctx: Context,
    origins: Sequence[Origin],
    history: list[Origin],
    origin_of: dict[str, Assertion],
) -> dict[str, Assertion]:
    """Return the assertion of each origin (`origin_of`: of each before supersession), or
    of each origin in the history when none is left."""
    if not origins:
        return {o["assertion"]: ctx.assertions[o["assertion"]] for o in history}
    if len(origins) == len(origin_of):
        return origin_of
    return {o["assertion"]: origin_of[o["assertion"]] for o in origins}


def _among(
    support: Sequence[Assertion], found: set[str] | dict[str, str], live: int
) -> tuple[str, ...]:
    """Return the ids of `support` in `found` (withdrawn, or discredited), sorted. `live`:
    how many of `support` are neither (when all are, none is)."""
    if live == len(support):
        return ()
    return tuple(sorted(a.id for a in support if a.id in found))


def _fabricated(ctx: Context, support: Sequence[Assertion]) -> dict[str, Assertion]:
    """Return the support whose actor admitted inventing it, with the admitting retraction."""
    if not ctx.fabricated:
        return {}
    return {a.id: ctx.assertions[ctx.fabricated[a.id]] for a in support if a.id in ctx.fabricated}


def _reliability(ctx: Context, bearing: list[Assertion]) -> tuple[ReliabilityNote, ...]:
    """Return the grades a checker recorded for the actors of `bearing`, by actor id."""
    if not ctx.reliability:
        return ()
    actors = sorted({a.actor for a in bearing})
    return tuple(ctx.reliability[x] for x in actors if x in ctx.reliability)


Opposition = tuple[tuple[Assertion, ...], tuple[Assertion, ...], tuple[Assertion, ...]]


def _against(
    ctx: Context, bearing: Bearing, claim: str, shown_wrong: Overruled | None
) -> Opposition:
    """Return the opposition to `claim` (see `_opposition`), then its denials and its
    doubts: the bearing's own lists by stance when nothing is left out of it."""
    against = bearing.tupled("against")
    opposition = _opposition(ctx, against, claim, shown_wrong)
    if opposition is against:
        return opposition, bearing.tupled("denials"), bearing.tupled("doubts")
    denials = tuple(a for a in opposition if a.stance == Stance.denies)
    return opposition, denials, tuple(a for a in opposition if a.stance == Stance.doubts)


def _opposition(
    ctx: Context, against: tuple[Assertion, ...], claim: str, shown_wrong: Overruled | None
) -> tuple[Assertion, ...]:
    """Return the assertions denying or doubting the claim or a more general one, in id
    order, but not a denial of a more general claim that was shown wrong there
    (`shown_wrong`); `against` itself when none is left out. Only the more general claims'
    overruled denials are looked for: no other can be among `against`."""
    if not shown_wrong:
        return against
    wrong = [shown_wrong[c] for c in ctx.claims.up[claim] if c != claim and shown_wrong.get(c)]
    if not wrong:
        return against
    gone = wrong[0].union(*wrong[1:])
    kept = [a for a in against if a.claim == claim or a.id not in gone]
    return against if len(kept) == len(against) else tuple(kept)


def overruled_denials(facts: Mapping[str, ClaimFacts]) -> dict[str, frozenset[str]]:
    """Return, per claim, the denials overruled on the very claim they deny (claims with
    none left out): a denial shown wrong there (a later first-hand or official
    confirmation) does not count against the claim's more specific versions either."""
    found = {c: overruled_on(f) for c, f in facts.items()}
    return {c: denials for c, denials in found.items() if denials}


def overruled_on(facts: ClaimFacts) -> frozenset[str]:
    """Return the denials of the claim itself (not of a more general one) that its facts
    show overruled: each denial is overruled on one claim at most, its own."""
    return frozenset(
        s.earlier.id for s in facts.superseded_denials if s.earlier.claim == facts.claim
    )


def settle(facts: ClaimFacts, statuses: dict[str, str]) -> ClaimFacts:
    """Return `facts` with every claim's status from a first pass filled in."""
    return replace(
        facts,
        contradicts=tuple(replace(c, status=statuses.get(c.id)) for c in facts.contradicts),
        context=tuple(replace(c, status=statuses.get(c.id)) for c in facts.context),
        context_against=tuple(replace(c, status=statuses.get(c.id)) for c in facts.context_against),
        status_before=statuses.get(facts.claim),
    )


Found = tuple[Sequence[Assertion], Sequence[Assertion], Sequence[Origin], Sequence[Assertion]]


def _supersede(
    ctx: Context, found: Found, led: Led, said_by: str | None
) -> tuple[Found, list[timing.Supersession], list[timing.Supersession]]:
    """Return support, live support, origins and denials without what a later statement
    superseded (provenance.engine.timing): the denials overruled, the ended origins, and
    the support that derives only from them; then the supersessions of support and of
    denials. A support deriving from an ended origin and a standing one keeps only the
    standing one. `led`: the claim's live support and origins. Only a statement
    that is authoritative once weighed (provenance.engine.authority: not self-interested,
    its attribution established) supersedes, or stands against a later one."""
    support, live, origins, denials = found
    weighed = {o["assertion"] for o in origins if o["strength"] == Strength.authoritative}
    weighed.update(a.id for a in authority.authoritative(ctx, denials, said_by))
    ended, overruled = timing.supersede(led.assertions, denials, ctx.independence.family, weighed)
    if overruled:
        shown = {s.earlier.id for s in overruled}
        denials = [a for a in denials if a.id not in shown]
    if not ended:
        return (support, live, origins, denials), ended, overruled
    stopped = {s.earlier.id for s in ended}
    alive = {s for o in origins if o["assertion"] not in stopped for s in o["supports"]}
    gone = {s for o in origins if o["assertion"] in stopped for s in o["supports"]} - alive
    if gone:
        support = [a for a in support if a.id not in gone]
        live = [a for a in live if a.id not in gone]
    origins = [o for o in origins if o["assertion"] not in stopped]
    return (support, live, origins, denials), ended, overruled


def _other(ctx: Context, claim: str) -> OtherClaim:
    return OtherClaim(
        id=claim,
        text=ctx.texts[claim],
        status=None,
        assertions=tuple(ctx.by_claim.get(claim, [])),
    )
