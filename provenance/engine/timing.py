"""Time in the engine: what period a claim is about, which support is set aside for it,
and which statements a later, more authoritative one supersedes (docs/rules.md, "Time").

Every comparison of dates goes through provenance.dates, with dates as intervals: a
statement supersedes another only when it was *certainly* made later (`2025-04` is not
certainly after `2025-04-09`), and two periods differ only when they do not overlap.

- *Authority* of a statement comes from its basis, under the case's thresholds: a basis
  in `authoritative_bases` (first-hand, official) ranks highest, then `grounded_bases`
  (documents, unnamed sources), then any other basis beyond hearsay (analysis), then
  hearsay or none (provenance.vocab.Authority).
- *Supersession*: a statement on an authoritative basis supersedes every opposite
  statement made certainly before it by the same or a lesser authority. A supporting
  origin superseded by a later denial no longer supports the claim (nor do the relays
  that derive only from it); a denial superseded by a later confirmation no longer
  opposes it. Two opposite statements of the same date stand, and the claim is disputed.
- *Periods*: a claim may say what date or period it is about (`about`), and that it is
  about the future (`future`). Support about another period (its own `about`, or its more
  specific claim's, not overlapping the claim's) is set aside; support said before the
  period it speaks of began is a prediction, and so is every supporting statement of a
  claim about the future that names no period.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

import networkx as nx

from provenance import dates
from provenance.engine.read import Assertion
from provenance.engine.wording import listing
from provenance.graph import nodes_of_kind
from provenance.model import Rules
from provenance.vocab import ENDORSING, UNINFORMED, Authority, Basis, Stance


@dataclass(frozen=True, slots=True)
class Period:
    """The date or period a claim is about, and whether it is about the future."""

    about: str | None = None
    future: bool = False


@dataclass(frozen=True, slots=True)
class SetAside:
    """Support that does not count for a claim: a `prediction`, or about another `period`
    (`when` is the period it speaks of); `source`, the set-aside statement it relays or
    derives from, when it is not set aside for what it says itself."""

    assertion: Assertion
    why: str  # "prediction" or "period"
    when: str | None
    source: Assertion | None = None


@dataclass(frozen=True, slots=True)
class Supersession:
    """An earlier statement and the later, authoritative, opposite one that supersedes it;
    `correction` when both come from one actor (or its affiliation family)."""

    earlier: Assertion
    later: Assertion
    correction: bool


def claim_periods(graph: nx.MultiDiGraph) -> dict[str, Period]:
    """Return each claim's period (`about`, `future`) by id."""
    out = {}
    for node in nodes_of_kind(graph, "claim"):
        data = graph.nodes[node]
        out[data["id"]] = Period(data.get("about"), bool(data.get("future", False)))
    return out


def authority(basis: Basis, rules: Rules) -> Authority:
    """Return the authority of a statement on `basis` under the case's thresholds.

    >>> authority(Basis.official, Rules()), authority(Basis.analysis, Rules())
    (<Authority.authoritative: 'authoritative'>, <Authority.informed: 'informed'>)
    """
    if basis in rules.authoritative_bases:
        return Authority.authoritative
    if basis in rules.grounded_bases:
        return Authority.grounded
    return Authority.uninformed if basis in UNINFORMED else Authority.informed


_VERB = {Stance.confirms: "confirmed", Stance.states: "stated", Stance.hedges: "suggested"}


def statement(a: Assertion, rules: Rules, confirming: bool = True) -> str:
    """Return how time reasons name a statement: "confirmed officially by X on 30 Mar
    2025", "denied by Y (basis unstated) on 2 Mar 2025". A supporting statement on an
    authoritative basis is "confirmed" when `confirming` (it decides as a confirmation)."""
    grand = authority(a.basis, rules) is Authority.authoritative
    upgrade = confirming and grand and a.stance in ENDORSING
    verb = "confirmed" if upgrade else _VERB.get(a.stance, a.stance.word)
    when = f" on {dates.display(a.said)}" if a.said else ""
    if grand:
        return f"{verb} {a.basis.adverb} by {a.actor_name}{when}"
    return f"{verb} by {a.actor_name} ({a.basis.word}){when}"


def aside_why(
    periods: dict[str, Period],
    claim: str,
    a: Assertion,
    assertions: Mapping[str, Assertion] | None = None,
    up: Mapping[str, Sequence[str]] | None = None,
) -> SetAside | None:
    """Return why supporting assertion `a` is set aside for `claim` (about another
    period, or a prediction), or None when it counts. A relay (`via`, at any depth, of
    `assertions`) of a statement set aside for the claim is set aside with it, for the
    same reason: repeating a prediction, or a statement about another period, is no more
    about this claim's period than the statement was. Only while what it relays is about
    its own claim or a more specific one (`up`: each claim and the more general ones): a
    statement of another claim that names a prediction in `via` (a "spiritual" Judgment
    Day announced after the predicted one passed) says something new, and is its own."""
    why = _aside(periods, claim, a)
    seen = {a.id}
    relayed = _relayed(a, assertions, up)
    while why is None and relayed is not None and relayed.id not in seen:
        found = _aside(periods, claim, relayed)
        if found is not None:
            return SetAside(a, found.why, found.when, relayed)
        seen.add(relayed.id)
        relayed = _relayed(relayed, assertions, up)
    return why


def _relayed(
    a: Assertion, assertions: Mapping[str, Assertion] | None, up: Mapping[str, Sequence[str]] | None
) -> Assertion | None:
    """Return what `a` relays (`via`), when it is about `a`'s claim or a more specific one."""
    relayed = assertions.get(a.via) if assertions is not None and a.via else None
    if relayed is None or (up is not None and a.claim not in up.get(relayed.claim, ())):
        return None
    return relayed


def derived_aside(aside: Sequence[SetAside], a: Assertion, through: Sequence[str]) -> SetAside:
    """Return supporting assertion `a` set aside for a claim because it derives only from
    statements set aside for it (`through`, their ids, among `aside`): a citation or a
    copy of a prediction, or of a statement about another period, is no more about the
    claim's period than the statement it derives from (the first one gives the reason)."""
    first = next(s for s in aside if s.assertion.id == through[0])
    return SetAside(a, first.why, first.when, first.source or first.assertion)


def _aside(periods: dict[str, Period], claim: str, a: Assertion) -> SetAside | None:
    """Return why `a` itself is set aside for `claim` (see `aside_why`), or None."""
    own = periods.get(claim, _NO_PERIOD)
    theirs = periods.get(a.claim, _NO_PERIOD)
    when = a.about or theirs.about
    if own.about and when and not dates.overlaps(own.about, when):
        return SetAside(a, "period", when)
    event = when or own.about
    future = own.future or theirs.future
    if (event and dates.certainly_before(a.said, event)) or (future and not event):
        return SetAside(a, "prediction", event)
    return None


_NO_PERIOD = Period()


def supersede(
    origins: Sequence[Assertion],
    denials: Sequence[Assertion],
    family: dict[str, str],
    authoritative: Collection[str],
) -> tuple[list[Supersession], list[Supersession]]:
    """Return the supporting origins superseded by a later denial, and the denials
    superseded by a later origin (each in the order given). `authoritative`: the ids of
    the statements that are authoritative once weighed (provenance.engine.authority: on
    an authoritative basis, not self-interested, their attribution established).

    A statement is superseded by the earliest opposite authoritative statement, of the
    same or a higher authority, made certainly after it and itself not
    superseded (of several made at that same moment, its own actor's, a correction):
    the latest authoritative word wins, and what agrees with it stands (a report denied
    on 2 March and confirmed officially on 30 March stands again).
    Statements are judged latest first, so whether a later one stands is known."""
    if not origins or not denials:
        return [], []
    # Standing authoritative statements per side (True: support), by their sort key:
    # the first whose interval starts at or after another's end is the one that
    # supersedes it (provenance.dates.certainly_before, done by bisection).
    standing: dict[bool, list[Keyed]] = {True: [], False: []}
    by: dict[int, Assertion] = {}  # what supersedes each, by identity (`id`, not read again)
    # Only a dated statement (one with an `after_key`) on an authoritative basis can
    # stand, and so supersede; which of them stand is decided among them, latest first.
    deciding = [
        (a.said_key, side, a)
        for side, group in ((True, origins), (False, denials))
        for a in group
        if a.after_key is not None and a.id in authoritative
    ]
    for _, supporting, a in sorted(deciding, reverse=True):  # keys differ (ids do)
        # A superseder is authoritative, so of the same or a higher authority than `a`.
        later = _first_certainly_after(a, standing[not supporting], family)
        if later is not None:
            by[id(a)] = later
        else:
            insort(standing[supporting], (*a.said_key, a))
    # Every other statement is superseded by the first standing opposite one said
    # certainly after it (if any is): all of those sort after it, so were decided above.
    for group, opposite in ((origins, standing[False]), (denials, standing[True])):
        for a in group if opposite else ():
            key = a.after_key  # below the last standing one's key: one is said after `a`
            if key is not None and key <= opposite[-1] and a.id not in authoritative:
                later = _first_certainly_after(a, opposite, family)
                if later is not None:
                    by[id(a)] = later
    if not by:
        return [], []

    def kin(a: Assertion, b: Assertion) -> bool:
        return family.get(a.actor, a.actor) == family.get(b.actor, b.actor)

    def ended(group: Sequence[Assertion]) -> list[Supersession]:
        found = [(a, by[id(a)]) for a in group if id(a) in by]
        return [Supersession(a, later, kin(a, later)) for a, later in found]

    return ended(origins), ended(denials)


_SAID_KEY = attrgetter("said_key")  # (provenance.dates.sort_key of when it was said, id)


#: A standing statement: its sort key (provenance.dates.sort_key, id), and itself.
Keyed = tuple[tuple[dt.datetime, int], str, Assertion]


def _first_certainly_after(
    a: Assertion, keyed: list[Keyed], family: dict[str, str]
) -> Assertion | None:
    """Return the first statement of `keyed` (sorted by date) said certainly after `a`. Of
    several said at that same moment, the one by `a`'s own actor (or its affiliation
    family) when there is one, a correction; otherwise the first by id. Whether `a` was
    corrected then never depends on how the case file labels the statements."""
    if a.after_key is None or not keyed:
        return None
    at = bisect_left(keyed, a.after_key)
    if at == len(keyed):
        return None
    moment, own = keyed[at][0], family.get(a.actor, a.actor)
    for i in range(at, len(keyed)):
        when, _, later = keyed[i]
        if when != moment:
            break
        if family.get(later.actor, later.actor) == own:
            return later
    return keyed[at][2]


def sequence(pairs: list[Supersession], rules: Rules) -> str:
    """Return the words of supersessions in time order: "denied by X on 2 Mar 2025;
    confirmed officially by X on 30 Mar 2025" (each statement named once)."""
    said = {a.id: a for p in pairs for a in (p.earlier, p.later)}
    ordered = sorted(said.values(), key=_SAID_KEY)
    return listing([statement(a, rules) for a in ordered])


def pair_ids(pairs: tuple[Supersession, ...]) -> list[str]:
    """Return the ids of the statements of supersessions, each once, sorted: what a
    rule that fires on them cites."""
    return sorted({a.id for pair in pairs for a in (pair.earlier, pair.later)})
