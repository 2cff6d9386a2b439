"""What loses its support outright: admitted fabrications and refuted attributions.

- A retraction with `admits_fabrication` says its actor invented what it withdraws. The
  assertion it names (`via`) is fabricated, and so is every relay all of whose upstream
  assertions are fabricated. They stay in the history (the claim keeps "1 origin,
  retracted"); the reasons say "fabricated, admitted by X".
- An assertion whose attribution is refuted was not said by its actor, so it supports
  nothing; nor does a relay that rests only on such assertions.

A relay that rests on such assertions and, for the rest, on retracted ones (`withdrawn`)
rests on nothing that stands: it is fabricated, or discredited, with them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from provenance.vocab import OPPOSING, Attribution, Stance

if TYPE_CHECKING:
    from provenance.engine.read import Assertion
    from provenance.engine.relays import Upstream
    from provenance.records import AttributionResult


def fabricated(
    assertions: Mapping[str, Assertion],
    order: list[str],
    upstream: Upstream,
    withdrawn: Collection[str] = (),
) -> dict[str, str]:
    """Return, per fabricated assertion, the retraction that admits it (for a relay, the
    one that admits its first fabricated upstream assertion)."""
    return spread(assertions, order, upstream, admitted(assertions.values()), withdrawn)


def admitted(assertions: Iterable[Assertion]) -> dict[str, str]:
    """Return, per assertion a retraction admits inventing, that retraction."""
    return {
        a.via: a.id
        for a in assertions
        if a.stance == Stance.retracts and a.admits_fabrication and a.via
    }


def discredited(
    assertions: Mapping[str, Assertion],
    order: list[str],
    upstream: Upstream,
    attribution: Mapping[str, AttributionResult],
    withdrawn: Collection[str] = (),
) -> dict[str, str]:
    """Return, per assertion whose attribution is refuted (or that relays only such
    assertions), the refuted assertion it rests on."""
    refuted = {
        a_id: a_id
        for a_id, result in attribution.items()
        if result["status"] == Attribution.refuted.value
    }
    return spread(assertions, order, upstream, refuted, withdrawn)


def spread(
    assertions: Mapping[str, Assertion],
    order: list[str],
    upstream: Upstream,
    seeds: dict[str, str],
    withdrawn: Collection[str] = (),
) -> dict[str, str]:
    """Return `seeds` (assertion -> cause) and every non-opposing assertion, in relay
    order, all of whose upstream assertions are in it or `withdrawn`, one at least in it
    (with the first one's cause). `order` needs to hold, upstream first, only the seeds
    and what derives from them (provenance.engine.relays.downstream): nothing else can
    join."""
    if not seeds:
        return {}
    out = dict(seeds)
    for a_id in order:
        if a_id in out or assertions[a_id].stance in OPPOSING:
            continue
        ups = upstream[a_id]
        within = [u for u in ups if u in out]
        if within and all(u in out or u in withdrawn for u in ups):
            out[a_id] = out[within[0]]
    return out
