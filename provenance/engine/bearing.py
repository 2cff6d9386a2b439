"""What bears on each claim, kept per claim: the closure `claim_facts` reads.

An assertion bears on its claim and every more general one as support (or report,
condition, retraction), and on its claim and every more specific one as opposition when
it denies or doubts (docs/rules.md, section 1). `BearingIndex` files each assertion once,
when it is added, under every claim it bears on, already sorted by kind and set aside
for a claim's period or not (provenance.engine.timing), each list in id order. A claim's
facts then read its lists instead of gathering, sorting and classifying the assertions of
its whole specificity tree again: once per claim for an analysis, and once per claim and
day for the verdict history (provenance.engine.history), which adds each day's arrivals.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from provenance.engine.origins import LiveOrigins
from provenance.engine.read import Assertion, ClaimLinks
from provenance.engine.timing import Period, SetAside, aside_why
from provenance.vocab import ENDORSING, Stance

_OPPOSING = (Stance.denies, Stance.doubts)


@dataclass(slots=True)
class Bearing:
    """The assertions bearing on one claim, each list in id order: changed only through
    `put` (a claim's facts keep the tuples `tupled` gives, never the lists)."""

    relevant: list[Assertion] = field(default_factory=list)  # about it or a more specific one
    support: list[Assertion] = field(default_factory=list)  # endorsing, not set aside
    aside: list[SetAside] = field(default_factory=list)  # endorsing, set aside (and why)
    reach: list[Assertion] = field(default_factory=list)  # reports without endorsement
    conditionals: list[Assertion] = field(default_factory=list)
    retractions: list[Assertion] = field(default_factory=list)
    against: list[Assertion] = field(default_factory=list)  # denying or doubting it or a
    # more general claim; and the same by stance:
    denials: list[Assertion] = field(default_factory=list)
    doubts: list[Assertion] = field(default_factory=list)
    first: tuple[Any, str] | None = None  # its own assertions' earliest (said_key, said)
    supporting: set[str] = field(default_factory=set)  # the ids of `support`
    set_aside: set[str] = field(default_factory=set)  # the ids of `aside`
    live_origins: LiveOrigins = field(default_factory=LiveOrigins)  # provenance.engine.origins
    frozen: dict[Kind, tuple[Assertion, ...]] = field(default_factory=dict)  # see `tupled`
    ranks: dict[Kind, array[int]] = field(default_factory=dict)  # see `put`

    def tupled(self, kind: Kind) -> tuple[Assertion, ...]:
        """Return one of the lists as a tuple, the same tuple until that list changes: the
        facts of a claim judged again share what did not change since the last time
        instead of copying it (at a million assertions, touching every item again costs
        more than the judgement itself)."""
        found = self.frozen.get(kind)
        if found is None:
            items: list[Assertion] = getattr(self, kind)
            found = self.frozen[kind] = tuple(items)
        return found

    def put(self, kind: Kind, a: Assertion) -> None:
        """Insert `a` into one of the lists, in id order: appended when it comes last (the
        order an analysis adds in), else where bisection of the list's ranks places it
        (a day's arrivals in the history). The ranks (`Assertion.rank`) sit side by side
        in an array: bisecting the assertions themselves would read one scattered object
        per step, at a million assertions a trip to main memory each."""
        self.frozen.pop(kind, None)
        items: list[Assertion] = getattr(self, kind)
        ranks = self.ranks.get(kind)
        if ranks is None:
            ranks = self.ranks[kind] = array("q")
        if not ranks or ranks[-1] < a.rank:
            ranks.append(a.rank)
            items.append(a)
        else:
            at = bisect_left(ranks, a.rank)
            ranks.insert(at, a.rank)
            items.insert(at, a)


#: The lists of a `Bearing` that hold assertions.
Kind = Literal[
    "relevant", "support", "reach", "conditionals", "retractions", "against", "denials", "doubts"
]


_NONE = Bearing()  # what bears on a claim nothing bears on (never filled)


def _put(into: list[Any], item: Any, key: Any) -> None:
    """Insert `item` into `into`, kept in order of `key` (as `Bearing.put` does)."""
    if not into or key(into[-1]) < key(item):
        into.append(item)
    else:
        insort(into, item, key=key)


class BearingIndex:
    """Per claim, what bears on it (`Bearing`), extended as assertions are added."""

    __slots__ = ("_assertions", "_links", "_of", "_periods")

    def __init__(
        self,
        links: ClaimLinks,
        periods: dict[str, Period],
        assertions: Mapping[str, Assertion] | None = None,
    ) -> None:
        self._links = links
        self._periods = periods
        self._assertions = assertions  # what relays name (`via`): see `timing.aside_why`
        self._of: dict[str, Bearing] = {}

    @classmethod
    def of(
        cls, links: ClaimLinks, periods: dict[str, Period], assertions: dict[str, Assertion]
    ) -> BearingIndex:
        """Return the index of `assertions` (by id, in id order)."""
        index = cls(links, periods, assertions)
        for a in assertions.values():
            index.add(a)
        return index

    def __getitem__(self, claim: str) -> Bearing:
        return self._of.get(claim, _NONE)

    def _bearing(self, claim: str) -> Bearing:
        found = self._of.get(claim)
        if found is None:
            found = self._of[claim] = Bearing()
        return found

    def add(self, a: Assertion) -> None:
        """File `a` under every claim it bears on."""
        for claim in self._links.up[a.claim]:
            self._file(self._bearing(claim), claim, a)
        if a.stance in _OPPOSING:
            kind: Kind = "denials" if a.stance == Stance.denies else "doubts"
            for claim in self._links.down[a.claim]:
                into = self._bearing(claim)
                into.put("against", a)
                into.put(kind, a)
        if a.said and not self._relays_its_claim(a):
            own = self._bearing(a.claim)
            if own.first is None or a.said_key < own.first[0]:
                own.first = (a.said_key, a.said)

    def _relays_its_claim(self, a: Assertion) -> bool:
        """Whether `a` relays (`via`) a dated assertion of its own claim: when the claim
        was first seen is that one's date, or earlier, never the relay's (a year-dated
        relay of a July article would otherwise sort before it)."""
        relayed = self._assertions.get(a.via) if a.via and self._assertions else None
        return relayed is not None and relayed.claim == a.claim and relayed.said is not None

    def changed(self, assertions: Iterable[Assertion]) -> None:
        """Mark `assertions` changed (arrived, led back to other origins, withdrawn or
        not, discredited or not, attributed otherwise) for the claims whose origins they
        can change: those they support, as live support or as an origin."""
        for a in assertions:
            for claim in self._links.up[a.claim]:
                found = self._of.get(claim)
                if found is not None and found.live_origins.built:
                    found.live_origins.dirty.add(a.id)

    def forget_origins(self) -> None:
        """Forget every claim's origins, built again when next asked for: when relay
        circles changed (every group may have), or once every claim is judged."""
        for found in self._of.values():
            found.live_origins = LiveOrigins()

    def _file(self, into: Bearing, claim: str, a: Assertion) -> None:
        """File `a`, about `claim` or a more specific claim, by its stance."""
        into.put("relevant", a)
        if a.stance in ENDORSING:
            why = aside_why(self._periods, claim, a, self._assertions, self._links.up)
            if why is None:
                into.put("support", a)
                into.supporting.add(a.id)
            else:
                _put(into.aside, why, key=_ASIDE_ID)
                into.set_aside.add(a.id)
        elif a.stance == Stance.reports:
            into.put("reach", a)
        elif a.stance == Stance.conditional:
            into.put("conditionals", a)
        elif a.stance == Stance.retracts:
            into.put("retractions", a)


def _aside_id(s: SetAside) -> str:
    return s.assertion.id


_ASIDE_ID = _aside_id
