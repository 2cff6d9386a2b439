"""A case as it could have been known at the end of a date (`--as-of DATE`).

Every published fact-check answers "what could a careful desk say on that day?". This
module cuts a validated case down to what existed by the end of `as_of`, before the graph
is built and the engine runs, and lists everything it left out with the reason.

The dating rules (docs/rules.md, "Time"):

- An assertion counts when its date, or else the date of the source it was said in, ends
  no later than the end of `as_of` (a month-precise "2025-04" is not known by 10 April:
  April may end after it). An assertion with no date at all counts only when the case
  marks it `undated: true`; otherwise it is left out and the output says so.
- Whatever a counted assertion relays (`via`) counts too: it must have existed.
- A source counts when it is dated by the end of `as_of`, when it is undated, or when a
  counted assertion was said in it. A later source we *read* an earlier statement in is
  left out, and the statement keeps only the source it was said in.
- Retractions are assertions: a retraction made later is left out like any other.
- A claim counts when an assertion about it, or about a more specific claim, counts.

>>> from provenance.model import Case
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

from dataclasses import dataclass
from typing import TypedDict

from provenance import dates
from provenance.model import Assertion, Case, Source


class Omission(TypedDict):
    """A record left out of an `--as-of` view, and why."""

    kind: str  # "source", "assertion" or "claim"
    id: str
    date: str | None
    reason: str


@dataclass(frozen=True)
class CaseAsOf:
    """A case cut to a date, with what was left out."""

    case: Case
    as_of: str
    omitted: list[Omission]


def _said_on(a: Assertion, sources: dict[str, Source]) -> str | None:
    return a.date or sources[a.source].date


def _counted_assertions(case: Case, when: str) -> tuple[set[str], list[Omission]]:
    sources = {s.id: s for s in case.sources}
    by_id = {a.id: a for a in case.assertions}
    kept: set[str] = set()
    omitted: dict[str, Omission] = {}
    for a in case.assertions:
        said = _said_on(a, sources)
        if said is None and not a.undated:
            reason = "no date: mark it `undated: true` to count it in every --as-of view"
        elif said is not None and not dates.known_by(said, when):
            reason = f"dated {dates.display(said)}, not known by the end of {dates.display(when)}"
        else:
            kept.add(a.id)
            continue
        omitted[a.id] = Omission(kind="assertion", id=a.id, date=said, reason=reason)
    # What a counted assertion relays had been said by then, whatever its own date says.
    frontier = sorted(kept)
    while frontier:
        via = by_id[frontier.pop()].via
        if via and via not in kept:
            kept.add(via)
            omitted.pop(via, None)
            frontier.append(via)
    return kept, list(omitted.values())


def _claims_in_view(case: Case, asserted: set[str]) -> set[str]:
    """Return the asserted claims and every claim more general than one of them."""
    general = {c.id: c.more_specific_than for c in case.claims}
    kept: set[str] = set()
    frontier = sorted(asserted)
    while frontier:
        claim = frontier.pop()
        if claim not in kept:
            kept.add(claim)
            frontier.extend(general.get(claim, []))
    return kept


def as_of(case: Case, when: str) -> CaseAsOf:
    """Return `case` as it could have been known at the end of the date `when`.

    Raises ValueError for a date that is not a date, or one before every dated event
    of the case (there is nothing to show)."""
    dates.parse(when)
    dated = [d for d in [*(s.date for s in case.sources), *(a.date for a in case.assertions)] if d]
    first = dates.earliest(list(dated))
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
            reason=f"published {dates.display(s.date)}, after {dates.display(when)}",
        )
        for s in case.sources
        if s.id not in source_ids
    ]
    claim_ids = _claims_in_view(case, {a.claim for a in assertions})
    omitted += [
        Omission(kind="claim", id=c.id, date=None, reason="nothing was said about it yet")
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
        s.model_copy(update={"cites": [c for c in s.cites if c in source_ids]})
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
    assertions = [
        a.model_copy(update={"read_in": a.read_in if a.read_in in source_ids else None})
        for a in kept
    ]
    return case.model_copy(update={"sources": sources, "claims": claims, "assertions": assertions})
