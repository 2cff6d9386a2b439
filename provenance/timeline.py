"""A case as it could have been known at the end of a date (`--as-of DATE`).

Every published fact-check answers "what could a careful desk say on that day?". This
module cuts a validated case down to what existed by the end of `as_of`, before the graph
is built and the engine runs, and lists everything it left out with the reason.

The dating rules (docs/rules.md, "Time"):

- An assertion is *placed* by its own date, else the date of the source it was said in,
  else the date of the source we read it in (it had been said by then). It counts when
  that date ends no later than the end of `as_of` (a month-precise "2025-04" is not
  known by 10 April: April may end after it). An assertion that nothing places counts
  only when the case marks it `undated: true` (from the start, or from the end of the
  latest date of a source its source cites or rewrites: it cannot be older than that);
  otherwise it is left out, and the output and `prov check` say so.
- Whatever a counted assertion relays (`via`) counts too: it must have existed.
- A source counts when it is dated by the end of `as_of`, when it is undated, or when a
  counted assertion was said in it. A later source we *read* an earlier statement in is
  left out, and the statement keeps only the source it was said in.
- Retractions are assertions: a retraction made later is left out like any other.
- A challenge to an assertion's attribution (`attribution:`) counts once its evidence
  does: it keeps the evidence assertions and sources that count, and is left out when it
  names evidence and none of it counts yet (the speaker's denial of 10 April does not
  make a 2 April quote "not said" as of 5 April). A challenge with only a note counts
  always: nothing dates it.
- A claim counts when a counted assertion bears on it (support of it or of a more
  specific claim; a denial or doubt of it or of a more general claim). A claim nothing
  bears on is left out, even one a confirmed claim refutes.

`counts_from` gives, per assertion, the moment from which it counts: the engine's verdict
history (provenance.engine.history) sweeps the same moments, so a history entry and
`--as-of` its date always agree.

>>> from provenance.model import Assertion, AttributionChallenge, Case
>>> case = Case.model_validate({
...     "actors": [{"id": "a", "name": "A", "kind": "person"}],
...     "sources": [{"id": "s1", "title": "T1", "kind": "article", "date": "2025-04-09"},
...                 {"id": "s2", "title": "T2", "kind": "article", "date": "2025-05-02"}],
...     "claims": [{"id": "c", "text": "C"}],
...     "assertions": [
...         {"id": "x1", "actor": "a", "claim": "c", "source": "s1", "stance": "states"},
...         {"id": "x2", "actor": "a", "claim": "c", "source": "s2", "stance": "retracts"}]})
>>> cut = as_of(case, "2025-04-30")
>>> [a.id for a in cut.case.assertions], [o["id"] for o in cut.omitted]
(['x1'], ['s2', 'x2'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from provenance import dates
from provenance.model import Assertion, AttributionChallenge, Case
from provenance.records import Omission
from provenance.vocab import Stance

_OPPOSING = (Stance.denies, Stance.doubts)  # bear on the claim and every more specific one

__all__ = [
    "CaseAsOf",
    "Omission",
    "Placed",
    "as_of",
    "challenge_known",
    "counts_from",
    "placing_date",
]


class Placed(NamedTuple):
    """What the timeline needs to know of an assertion to place it in time. `after` is
    the latest date of a source its source cites or rewrites (see `not_before`)."""

    id: str
    date: str | None
    source: str
    read_in: str | None
    via: str | None
    undated: bool
    after: str | None = None


def not_before(
    source_dates: Mapping[str, str | None], drawn_on: Mapping[str, Iterable[str]]
) -> dict[str, str | None]:
    """Return, per source, the latest date of the sources it cites or rewrites
    (`drawn_on`): it cannot have been published before that date ended.

    >>> not_before({"a": "2025-05-02", "b": "2025-05", "c": None}, {"c": ["a", "b"]})["c"]
    '2025-05'
    """
    return {
        s: dates.latest([source_dates.get(d) for d in drawn_on.get(s, ())]) for s in source_dates
    }


def placing_date(a: Placed, source_dates: Mapping[str, str | None]) -> str | None:
    """Return the date that places an assertion: its own, else its source's, else the date
    of the source we read it in (it had been said by then); None when nothing does."""
    return a.date or source_dates.get(a.source) or (a.read_in and source_dates.get(a.read_in))


def counts_from(
    assertions: Iterable[Placed], source_dates: Mapping[str, str | None]
) -> dict[str, dt.datetime | None]:
    """Return, per assertion, the moment from which it counts in an `--as-of` view: the
    end of its placing date, or the earliest moment a relay of it counts (what is relayed
    existed by then). Marked undated, it counts from the start (`dates.ALWAYS`), or, when
    its source draws on a dated source (`Placed.after`), once that date has ended: a page
    citing a 2 May broadcast did not exist in April. None when it never counts.

    >>> p = [Placed("x", "2025-04", "s", None, None, False),
    ...      Placed("r", "2025-04-09", "s", None, "x", False)]
    >>> {k: str(v) for k, v in counts_from(p, {}).items()}
    {'x': '2025-04-10 00:00:00', 'r': '2025-04-10 00:00:00'}
    """
    items = list(assertions)
    via = {a.id: a.via for a in items}
    found: dict[str, dt.datetime | None] = {}
    for a in items:
        placed = placing_date(a, source_dates)
        if placed:
            found[a.id] = dates.end(placed)
        elif a.undated:
            found[a.id] = dates.end(a.after) if a.after else dates.ALWAYS
        else:
            found[a.id] = None
    # Earliest first, so each relayed assertion is lowered once and the walk stops early.
    for moment, a_id in sorted((m, k) for k, m in found.items() if m is not None):
        target = via.get(a_id)
        while target is not None and target in found:
            current = found[target]
            if current is not None and current <= moment:
                break
            found[target] = moment
            target = via.get(target)
    return found


@dataclass(frozen=True)
class CaseAsOf:
    """A case cut to a date, with what was left out."""

    case: Case
    as_of: str
    omitted: list[Omission]


def placed(case: Case) -> list[Placed]:
    """Return the case's assertions as the timeline places them."""
    after = not_before(
        {s.id: s.date for s in case.sources}, {s.id: [*s.cites, *s.rewrites] for s in case.sources}
    )
    return [
        Placed(a.id, a.date, a.source, a.read_in, a.via, a.undated, after[a.source])
        for a in case.assertions
    ]


def _counted_assertions(case: Case, when: str) -> tuple[set[str], list[Omission]]:
    source_dates = {s.id: s.date for s in case.sources}
    moments = counts_from(placed(case), source_dates)
    kept: set[str] = set()
    omitted: list[Omission] = []
    for a in placed(case):
        moment = moments[a.id]
        if moment is not None and dates.counted_by(moment, when):
            kept.add(a.id)
            continue
        said = placing_date(a, source_dates)
        if said is None and a.undated and a.after:
            why = "later"
            reason = (
                f"undated, but its source draws on one dated {dates.display(a.after)}, "
                f"after {dates.display(when)}"
            )
        elif said is None:
            why = "undated"
            reason = "no date: mark it `undated: true` to count it in every --as-of view"
        else:
            why = "later"
            by = (
                "dated"
                if a.date or source_dates.get(a.source)
                else "undated; read in a source dated"
            )
            reason = f"{by} {dates.display(said)}, not known by the end of {dates.display(when)}"
        omitted.append(Omission(kind="assertion", id=a.id, date=said, why=why, reason=reason))
    return kept, omitted


def _claims_in_view(case: Case, counted: list[Assertion]) -> set[str]:
    """Return the claims a counted assertion bears on. Support, a condition, a report or a
    retraction bears on its claim and every more general one; a denial or a doubt on its
    claim and every more specific one (as in the engine, docs/rules.md section 1)."""
    general = {c.id: c.more_specific_than for c in case.claims}
    specific: dict[str, list[str]] = {c.id: [] for c in case.claims}
    for c in case.claims:
        for g in c.more_specific_than:
            specific[g].append(c.id)
    kept: set[str] = set()
    for links, claims in (
        (general, {a.claim for a in counted if a.stance not in _OPPOSING}),
        (specific, {a.claim for a in counted if a.stance in _OPPOSING}),
    ):
        seen: set[str] = set()
        frontier = sorted(claims)
        while frontier:
            claim = frontier.pop()
            if claim not in seen:
                seen.add(claim)
                frontier.extend(links.get(claim, []))
        kept |= seen
    return kept


def as_of(case: Case, when: str) -> CaseAsOf:
    """Return `case` as it could have been known at the end of the date `when`.

    Raises ValueError for a date that is not a date, or one before every dated event
    of the case (there is nothing to show)."""
    dates.parse(when)
    first = dates.earliest([*(s.date for s in case.sources), *(a.date for a in case.assertions)])
    if first is not None and dates.certainly_before(when, first):
        raise ValueError(
            f"{dates.display(when)} is before anything in the case happened "
            f"(the first event is dated {dates.display(first)}): choose a later date"
        )
    kept, omitted = _counted_assertions(case, when)
    assertions = [a for a in case.assertions if a.id in kept]
    said_in = {a.source for a in assertions}
    sources = [
        s for s in case.sources if s.id in said_in or not s.date or dates.known_by(s.date, when)
    ]
    source_ids = {s.id for s in sources}
    omitted += [
        Omission(
            kind="source",
            id=s.id,
            date=s.date,
            why="later",
            reason=f"published {dates.display(s.date)}, after {dates.display(when)}",
        )
        for s in case.sources
        if s.id not in source_ids
    ]
    claim_ids = _claims_in_view(case, assertions)
    omitted += [
        Omission(
            kind="claim",
            id=c.id,
            date=None,
            why="unasserted",
            reason="nothing was said about it yet",
        )
        for c in case.claims
        if c.id not in claim_ids
    ]
    cut = _rebuild(case, source_ids, claim_ids, assertions)
    order = {"source": 0, "assertion": 1, "claim": 2}
    omitted.sort(key=lambda o: (order[o["kind"]], o["id"]))
    return CaseAsOf(case=cut, as_of=when, omitted=omitted)


def _rebuild(case: Case, source_ids: set[str], claim_ids: set[str], kept: list[Assertion]) -> Case:
    """Return a copy of `case` holding only the given records, with references to
    records left out removed."""
    sources = [
        s.model_copy(
            update={
                "cites": [c for c in s.cites if c in source_ids],
                "rewrites": [r for r in s.rewrites if r in source_ids],
                "revision_of": s.revision_of if s.revision_of in source_ids else None,
            }
        )
        for s in case.sources
        if s.id in source_ids
    ]
    claims = [
        c.model_copy(
            update={
                "more_specific_than": [x for x in c.more_specific_than if x in claim_ids],
                "contradicts": [x for x in c.contradicts if x in claim_ids],
                "context_for": [x for x in c.context_for if x in claim_ids],
            }
        )
        for c in case.claims
        if c.id in claim_ids
    ]
    ids = {a.id for a in kept}
    assertions = [
        a.model_copy(
            update={
                "read_in": a.read_in if a.read_in in source_ids else None,
                "attribution": challenge_known(a.attribution, ids, source_ids),
            }
        )
        for a in kept
    ]
    return case.model_copy(update={"sources": sources, "claims": claims, "assertions": assertions})


def challenge_known(
    challenge: AttributionChallenge | None, assertions: set[str], sources: set[str]
) -> AttributionChallenge | None:
    """Return an attribution challenge as known when only `assertions` and `sources`
    count: with the evidence among them, or None when it names evidence and none of it
    counts yet (a challenge with only a note counts always).

    >>> c = AttributionChallenge(challenge="refuted", assertions=["denial"], note="denied")
    >>> challenge_known(c, set(), set()) is None, challenge_known(c, {"denial"}, set()) == c
    (True, True)
    """
    if challenge is None:
        return None
    found = [x for x in challenge.assertions if x in assertions]
    shown = [x for x in challenge.sources if x in sources]
    if (challenge.assertions or challenge.sources) and not (found or shown):
        return None
    return challenge.model_copy(update={"assertions": found, "sources": shown})
