"""Independence: which origins count as one, and how strong each origin is.

Actors linked by affiliation are one family (a reporter and their outlet are one
origin), named by the family's smallest actor id. Assertions that relay each other in a
circle are one origin, named "circle:<first id>", whoever said them. The strength of an
origin is that of the origin assertion itself: a relay cannot make it stronger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from provenance.engine.read import Assertion
from provenance.graph import nodes_of_kind
from provenance.model import Rules
from provenance.records import Origin
from provenance.vocab import UNINFORMED, Stance


class Strength(StrEnum):
    """How much an origin can carry, strongest first (docs/rules.md, "strength")."""

    authoritative = "authoritative"
    grounded = "grounded"
    informed = "informed"
    unsourced = "unsourced"
    hedged = "hedged"
    conditional = "conditional"


def strength(a: Assertion, rules: Rules) -> Strength:
    """Return the strength of an origin assertion under the case's thresholds."""
    if a.stance == Stance.conditional:
        return Strength.conditional
    if a.stance == Stance.hedges:
        return Strength.hedged
    if a.basis in rules.authoritative_bases:
        return Strength.authoritative
    if a.basis in rules.grounded_bases:
        return Strength.grounded
    return Strength.informed if a.basis not in UNINFORMED else Strength.unsourced


def families(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Return each actor's independence group: actors linked by affiliation are one group,
    named by its smallest id."""
    sub = nx.Graph()
    for node in nodes_of_kind(graph, "actor"):
        sub.add_node(graph.nodes[node]["id"])
    for u, v, k in graph.edges(keys=True):
        if k == "affiliated-with":
            sub.add_edge(graph.nodes[u]["id"], graph.nodes[v]["id"])
    family = {}
    for component in nx.connected_components(sub):
        head = min(component)
        for actor in component:
            family[actor] = head
    return family


@dataclass(frozen=True, slots=True)
class Independence:
    """Which origins count as one: relay circles first, then affiliation families."""

    family: dict[str, str]  # actor -> its family's name
    circle_of: dict[str, str]  # assertion in a relay circle -> "circle:<first id>"

    @classmethod
    def of(cls, family: dict[str, str], cycles: list[list[str]]) -> Independence:
        """Return the grouping for these families and relay circles (sorted id lists)."""
        return cls(family, {a: f"circle:{cycle[0]}" for cycle in cycles for a in cycle})

    def group(self, a: Assertion) -> str:
        """Return the independence group of an origin assertion."""
        return self.circle_of.get(a.id) or self.family.get(a.actor, a.actor)


#: Weighs an origin (provenance.engine.authority): its strength after its weaknesses, the
#: weaknesses in words, and its attribution level.
Weigh = Callable[[Assertion, Strength], tuple[Strength, list[str], str]]


def group_origins(
    claim: str,
    origins: list[Assertion],
    live: list[Assertion],
    origins_of: dict[str, dict[str, list[str]]],
    independence: Independence,
    rules: Rules,
    weigh: Weigh | None = None,
) -> list[Origin]:
    """Return the origins of `claim`'s live support (in the order given), each with its
    independence group, its strength (weighed by `weigh` when given) and the supporting
    assertions deriving from it."""
    supported_by: dict[str, list[str]] = defaultdict(list)
    for a in live:
        for o in origins_of[a.id].get(claim, [a.id]):
            supported_by[o].append(a.id)
    out = []
    for a in origins:
        base = strength(a, rules)
        weighed, why, level = weigh(a, base) if weigh else (base, [], "")
        out.append(
            Origin(
                assertion=a.id,
                actor=a.actor,
                group=independence.group(a),
                stance=a.stance.value,
                basis=a.basis.value,
                strength=weighed.value,
                supports=sorted(supported_by[a.id]),
                attribution=level,
                quote_mode=a.quote_mode.value,
                weakened=why,
            )
        )
    return out
