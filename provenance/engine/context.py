"""The case as the engine sees it: everything computed once, before any claim is judged.

`build_context(graph, rules, texts)` reads the graph (provenance.engine.read), works out
which sources derive from which (provenance.engine.derivation), the relays, withdrawals
and origins (provenance.engine.relays), who counts as independent
(provenance.engine.independence), fabrications, and every assertion's attribution
(provenance.engine.attribution). Per-claim facts (provenance.engine.facts), verdicts and
flags are then pure functions of this context.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import networkx as nx

from provenance.engine import relays, timing
from provenance.engine.bearing import BearingIndex
from provenance.engine.derivation import Derivation, derivations
from provenance.engine.discredit import discredited, fabricated
from provenance.engine.independence import Independence, Strengths, families, strengths
from provenance.engine.read import (
    Assertion,
    ClaimLinks,
    actor_names,
    claim_links,
    claim_texts,
    read_assertions,
    reliabilities,
)
from provenance.model import Rules
from provenance.records import AttributionResult, ReliabilityNote


@dataclass(frozen=True, slots=True)
class Context:
    """What the engine knows about a case before judging any claim."""

    graph: nx.MultiDiGraph
    rules: Rules
    assertions: dict[str, Assertion]  # by id, in id order
    names: dict[str, str]  # actor id -> display name
    texts: dict[str, str]  # claim id -> text
    claims: ClaimLinks
    by_claim: dict[str, list[str]]  # claim id -> its own assertions, in id order
    upstream: relays.Upstream  # assertion -> what it derives from (circles cut)
    order: list[str]  # assertions, upstream first
    cycles: list[list[str]]  # relay circles, as sorted id lists
    roots: dict[str, list[str]]  # assertion -> first assertions of its relay chains
    withdrawn: set[str]  # assertions retracted, or relaying only retracted ones
    origins_of: dict[str, dict[str, list[str]]]  # assertion -> claim -> its origins
    independence: Independence
    reliability: dict[str, ReliabilityNote]  # actor -> the grade a checker recorded
    periods: dict[str, timing.Period]  # claim -> the period it is about (docs: Time)
    bearing: BearingIndex  # claim -> what bears on it (provenance.engine.bearing)
    strengths: Strengths  # an origin's strength by stance and basis, under `rules`
    # Attribution and independence (issue 13): computed by build_context after the rest.
    derivation: Derivation  # which sources' texts derive from which
    fabricated: dict[str, str]  # assertion -> the retraction admitting it was invented
    attribution: dict[str, AttributionResult] = field(default_factory=dict)  # by assertion
    discredited: dict[str, str] = field(default_factory=dict)  # -> refuted attribution
    reposts: dict[str, int] = field(default_factory=dict)  # assertion -> posts relaying it
    # Assertions whose attribution challenge does not count yet (its evidence is later):
    # only in the verdict history (provenance.engine.history), as `--as-of` cuts it.
    unchallenged: set[str] = field(default_factory=set)


def build_context(
    graph: nx.MultiDiGraph,
    rules: Rules,
    texts: Mapping[str, str] | None = None,
    reposts: Mapping[str, int] | None = None,
) -> Context:
    """Return the context of a provenance graph under the case's thresholds; `texts` are
    the sources' archived texts by id, read for rewrites the case does not declare;
    `reposts` how many posts of spread data relay each assertion, directly or not."""
    from provenance.engine.attribution import attributions

    names = actor_names(graph)
    assertions = read_assertions(graph, names)
    links = claim_links(graph)
    by_claim: dict[str, list[str]] = defaultdict(list)
    for a in assertions.values():
        by_claim[a.claim].append(a.id)
    derivation = derivations(graph, texts)
    derived = relays.derivations(graph, assertions, derivation.originals)
    order, cycles = relays.topological(derived)
    upstream = relays.cut_cycles(derived, cycles)
    withdrawn = relays.withdrawn(assertions, order, upstream)
    periods = timing.claim_periods(graph)
    ctx = Context(
        graph=graph,
        rules=rules,
        assertions=assertions,
        names=names,
        texts=claim_texts(graph),
        claims=links,
        by_claim=dict(by_claim),
        upstream=upstream,
        order=order,
        cycles=cycles,
        roots=relays.roots(order, upstream),
        withdrawn=withdrawn,
        origins_of=relays.claim_origins(assertions, order, upstream, links.up, None, withdrawn),
        independence=Independence.of(families(graph), cycles),
        reliability=reliabilities(graph),
        periods=periods,
        bearing=BearingIndex.of(links, periods, assertions),
        strengths=strengths(rules),
        derivation=derivation,
        fabricated=fabricated(assertions, order, upstream, withdrawn),
    )
    attribution = attributions(ctx)
    return replace(
        ctx,
        attribution=attribution,
        discredited=discredited(assertions, order, upstream, attribution, withdrawn),
        reposts=dict(reposts or {}),
    )
