"""A claim's origins: the assertions its live support leads back to, best attributed
first, each with its independence group, its strength once weighed for who may confirm
(provenance.engine.authority) and the supporting assertions deriving from it.

Each claim keeps its live support and its origins, best first (`LiveOrigins`, in its
provenance.engine.bearing.Bearing), from one judgement to the next. The verdict history
judges a claim again on every day something bears on it, and marks which assertions
changed meanwhile (`BearingIndex.changed`: arrivals, new origins, withdrawals,
attributions; everything when relay circles change); only those are looked at again
(live or not, led back to which origins), and only the origins they touch are weighed
again and put in their place, and counted in or out of their independence groups
(`Tally`), so that the groups are read without looking at every origin again. An
analysis judges each claim once, so it builds them once.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from provenance.engine.authority import weigh
from provenance.engine.independence import Strength
from provenance.records import Origin
from provenance.vocab import ATTRIBUTION_LEVELS, UNINFORMED, OriginState, QuoteMode

if TYPE_CHECKING:
    from provenance.engine.context import Context
    from provenance.engine.read import Assertion

#: The key that lists origins best first: the best-attributed (the attribution level's
#: rank), then the speaker's own words before a translation before a paraphrase before
#: no words at all (no `quote`), then the earliest, then by id.
BestFirst = tuple[int, int, tuple[dt.datetime, int], str]
Record = tuple[BestFirst, Origin, "Assertion"]  # an origin's key, record and assertion

_LEVEL_RANK = {level.value: rank for rank, level in enumerate(ATTRIBUTION_LEVELS)}
_MODES = (QuoteMode.verbatim, QuoteMode.translation, QuoteMode.paraphrase)
_MODE_RANK = {mode: rank for rank, mode in enumerate(_MODES)}
_KEY = itemgetter(0)
#: A claim's independent groups, then those that are authoritative, grounded, informed.
Groups = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
_NO_GROUPS: Groups = (frozenset(), frozenset(), frozenset(), frozenset())
_ID = attrgetter("id")


@dataclass(slots=True)
class LiveOrigins:
    """One claim's live support and the origins it leads back to, as of its last
    judgement, and the assertions changed since (`dirty`)."""

    built: bool = False
    dirty: set[str] = field(default_factory=set)
    live: list[Assertion] = field(default_factory=list)  # live support, in id order
    leads: dict[str, Sequence[str]] = field(default_factory=dict)  # live support -> origins
    supported_by: dict[str, list[str]] = field(default_factory=dict)  # origin -> support
    records: dict[str, Record] = field(default_factory=dict)  # standing origins
    # The standing origins best first: their keys, records and assertions, and the
    # assertions by id.
    keys: list[BestFirst] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    by_id: dict[str, Assertion] = field(default_factory=dict)
    tally: Tally = field(default_factory=lambda: Tally())  # of the standing origins
    # What the last judgement read (None: something changed since): facts keep it, and
    # a judgement with nothing changed shares it instead of copying every item again.
    frozen: Led | None = None

    def rank(self, was: Record | None, now: Record | None) -> None:
        """Put origin record `now` in the place of `was` (either may be None)."""
        self.frozen = None
        if was is not None:
            self.tally.count(was[1], -1)
            at = bisect_left(self.keys, was[0])
            del self.keys[at], self.origins[at], self.assertions[at]
            del self.by_id[was[2].id]
        if now is not None:
            at = bisect_left(self.keys, now[0])
            self.keys.insert(at, now[0])
            self.origins.insert(at, now[1])
            self.assertions.insert(at, now[2])
            self.by_id[now[2].id] = now[2]
            self.tally.count(now[1], 1)


class Led(NamedTuple):
    """A claim's live support and the origins it leads back to: never changed once made."""

    live: tuple[Assertion, ...]  # its support neither withdrawn nor discredited, in id order
    origins: tuple[Origin, ...]  # of the live support, not themselves withdrawn or discredited
    assertions: tuple[Assertion, ...]  # the origins' assertions, in the same order
    by_id: dict[str, Assertion]  # the same by id
    groups: Groups  # independent_groups(origins)


_NO_ORIGINS = Led((), (), (), {}, _NO_GROUPS)


def live_support(ctx: Context, claim: str) -> Led:
    """Return `claim`'s live support and its origins, best attributed first (see
    `BestFirst`), each weighed for who may confirm."""
    bearing = ctx.bearing[claim]
    state = bearing.live_origins
    if not state.built:
        if not bearing.support:
            return _NO_ORIGINS
        state.built = True
        state.dirty = set(bearing.supporting)
    if bearing.set_aside:  # what leads through a set-aside statement can change with
        state.dirty.update(bearing.supporting)  # anything upstream: looked at every time
    if state.dirty:
        _update(ctx, claim, state)
    if state.frozen is None:
        state.frozen = Led(
            tuple(state.live),
            tuple(state.origins),
            tuple(state.assertions),
            dict(state.by_id),
            state.tally.groups(),
        )
    return state.frozen


def _update(ctx: Context, claim: str, state: LiveOrigins) -> None:
    """Lead the assertions changed since the claim was last judged back to their origins
    again, and weigh again the origins they touch (or drop those no longer standing)."""
    supporting, aside = ctx.bearing[claim].supporting, ctx.bearing[claim].set_aside
    withdrawn, discredited = ctx.withdrawn, ctx.discredited
    touched: set[str] = set()
    for x in state.dirty:
        before = state.leads.pop(x, None)
        for o in before or ():
            state.supported_by[o].remove(x)
            touched.add(o)
        found: Sequence[str] = ()
        if x in supporting and x not in withdrawn and x not in discredited:
            # Led back as `leads` does; through set-aside statements only: set aside.
            found = counted(ctx, claim, x)[0] if aside else ctx.origins_of[x].get(claim, (x,))
        if found:
            state.leads[x] = found
            for o in found:
                insort(state.supported_by.setdefault(o, []), x)
                touched.add(o)
            if before is None:
                insort(state.live, ctx.assertions[x], key=_ID)
                state.frozen = None
        elif before is not None:
            del state.live[bisect_left(state.live, x, key=_ID)]
            state.frozen = None
        touched.add(x)
    state.dirty = set()
    said_by = ctx.claims.said_by.get(claim)
    for o in touched:
        was = state.records.get(o)
        supports = state.supported_by.get(o)
        now = None
        if supports and o not in withdrawn and o not in discredited:
            now = state.records[o] = _record(ctx, ctx.assertions[o], list(supports), said_by, was)
        else:
            state.records.pop(o, None)
            if not supports:
                state.supported_by.pop(o, None)
        if now is not was:
            state.rank(was, now)


def leads(ctx: Context, claim: str, x: str) -> Sequence[str]:
    """Return the origins assertion `x` leads back to for `claim` (itself when it relays
    nothing), but not through statements set aside for the claim (about another period,
    a prediction: a copy or a citation of such a statement is no more about this claim's
    period than it is), unless every way back passes through one (support that does is
    set aside with them: `counted`)."""
    found = ctx.origins_of[x].get(claim, (x,))
    if ctx.bearing[claim].set_aside:
        return counted(ctx, claim, x)[0] or found
    return found


def counted(ctx: Context, claim: str, x: str) -> tuple[list[str], list[str]]:
    """Return the origins `x` leads back to for `claim` without passing through a
    statement set aside for the claim, and the set-aside statements it derives from
    (both sorted). No origin and some such statements: `x` derives only from them."""
    aside = ctx.bearing[claim].set_aside
    found: dict[str, set[str]] = {}
    through: set[str] = set()
    stack = [(x, False)]
    while stack:
        a, ready = stack.pop()
        if a in found:
            continue
        ups = [u for u in _standing(ctx, a) if claim in ctx.origins_of[u]]
        if not ready:
            stack.append((a, True))
            stack.extend((u, False) for u in ups if u not in aside and u not in found)
            continue
        if ctx.origins_of[a].get(claim) == [a]:  # its own origin
            found[a] = {a}
            continue
        found[a] = set()
        for u in ups:
            if u in aside:
                through.add(u)
            else:
                found[a] |= found[u]
    return sorted(found[x]), sorted(through)


def _standing(ctx: Context, a: str) -> list[str]:
    """Return what `a` derives from as `relays.claim_origins` reads it: what no retraction
    withdrew, unless everything was."""
    ups = ctx.upstream[a]
    return [u for u in ups if u not in ctx.withdrawn] or ups


def of_all(ctx: Context, claim: str, support: Sequence[Assertion]) -> list[Origin]:
    """Return the origins of `support` (of `claim`), withdrawn or not, best first: what
    a claim had when none of its origins stands."""
    supported_by: dict[str, list[str]] = defaultdict(list)  # origin -> support from it
    for a in support:
        for o in leads(ctx, claim, a.id):
            supported_by[o].append(a.id)
    said_by = ctx.claims.said_by.get(claim)
    found = [
        _record(ctx, ctx.assertions[o], sorted(ids), said_by) for o, ids in supported_by.items()
    ]
    return [origin for _, origin, _ in sorted(found, key=_KEY)]


def had(
    ctx: Context,
    claim: str,
    origins: Sequence[Origin],
    support: Sequence[Assertion],
    reach: Sequence[Assertion],
    left_out: frozenset[str] = frozenset(),
    superseded: Sequence[Origin] = (),
) -> tuple[list[Origin], OriginState]:
    """Return, when no live origin remains, the origins the claim had, and what became of
    them: live; withdrawn, fabricated or not said (those of its support, none live: some
    withdrawn by a retraction, one admitted invented, or every one's attribution refuted);
    superseded (`superseded`: those of its live support before a later statement
    superseded them all); reported (those of its reports, leaving out `left_out`, what a later
    statement superseded and support set aside for the claim's period, unless nothing
    else is left: a rewrite's copy of a report derives from the original's endorsements
    too, which must not add origins; and leaving out the reports read in a text that
    derives from another, unless there are only such reports); or none."""
    if origins:
        return [], OriginState.live
    if support:
        kept = of_all(ctx, claim, support)
        if any(o["assertion"] in ctx.fabricated for o in kept):
            return kept, OriginState.fabricated
        unsaid = not any(a.id in ctx.withdrawn for a in support) or all(
            o["assertion"] in ctx.discredited for o in kept
        )  # each supporting assertion discredited, or each origin never said
        return kept, OriginState.not_said if unsaid else OriginState.withdrawn
    if superseded:  # every live support led to them, so no support is left
        return list(superseded), OriginState.superseded
    if reach:  # a rewrite's copy of a report adds reach, never an origin
        primary = [a for a in reach if not ctx.derivation.derived(a.read_in or a.source)]
        found = of_all(ctx, claim, primary or reach)
        return [o for o in found if o["assertion"] not in left_out] or found, OriginState.reported
    return [], OriginState.none


def _record(
    ctx: Context,
    a: Assertion,
    supports: list[str],
    said_by: str | None,
    before: Record | None = None,
) -> Record:
    """Return the key and record of origin `a` supporting `supports`: `before` (its
    record from the claim's last judgement) when nothing it was built from changed."""
    result = ctx.attribution[a.id]
    group = ctx.independence.group(a)
    if before is not None:
        key, origin, _ = before
        if origin["group"] == group and origin["attribution"] == result["status"]:
            if origin["supports"] == supports:
                return before
            origin = origin.copy()
            origin["supports"] = supports
            return key, origin, a
    strength, why = weigh(a, ctx.strengths[(a.stance, a.basis)], result, said_by)
    mode = _MODE_RANK[a.quote_mode] if a.quote else len(_MODES)  # no words: after them all
    key = (_LEVEL_RANK[result["status"]], mode, a.date_key, a.id)
    origin = Origin(
        assertion=a.id,
        actor=a.actor,
        group=group,
        stance=a.stance.value,
        basis=a.basis.value,
        strength=strength.value,
        supports=supports,
        attribution=result["status"],
        quote_mode=a.quote_mode.value,
        weakened=why,
    )
    return key, origin, a


_UNINFORMED = frozenset(b.value for b in UNINFORMED)


class Tally:
    """How many origins each independence group has, of every strength and of each kind
    the rules count (authoritative, grounded, informed), kept as origins come and go: a
    claim judged again reads its groups without looking at every origin again."""

    __slots__ = ("_of",)

    def __init__(self) -> None:
        self._of: tuple[dict[str, int], ...] = ({}, {}, {}, {})

    def count(self, origin: Origin, step: int) -> None:
        """Count `origin` in (`step` 1) or out (-1)."""
        group, strength = origin["group"], origin["strength"]
        authoritative = strength == Strength.authoritative
        grounded = authoritative or strength == Strength.grounded
        # Informed: grounded, or informed, or giving a basis beyond hearsay.
        informed = grounded or strength == Strength.informed
        informed = informed or origin["basis"] not in _UNINFORMED
        for counts, kind in zip(self._of, (True, authoritative, grounded, informed), strict=True):
            if kind:
                left = counts.get(group, 0) + step
                if left:
                    counts[group] = left
                else:
                    del counts[group]

    def groups(self) -> Groups:
        """Return the groups counted, then those that are authoritative, grounded and
        informed (see the fields of provenance.engine.facts.ClaimFacts)."""
        every, authoritative, grounded, informed = self._of
        return frozenset(every), frozenset(authoritative), frozenset(grounded), frozenset(informed)


def independent_groups(origins: Sequence[Origin]) -> Groups:
    """Return the independent groups of `origins`, then those that are authoritative,
    grounded and informed (see the fields of provenance.engine.facts.ClaimFacts)."""
    tally = Tally()
    for o in origins:
        tally.count(o, 1)
    return tally.groups()
