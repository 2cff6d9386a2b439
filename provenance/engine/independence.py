"""Independence: which origins count as one, and how strong each origin is.

Actors linked by affiliation are one family (a reporter and their outlet are one
origin), named by the family's smallest actor id. Assertions that relay each other in a
circle are one origin, named "circle:<first id>", whoever said them. The strength of an
origin is that of the origin assertion itself: a relay cannot make it stronger.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from provenance.engine.read import Assertion
from provenance.gcpause import discard
from provenance.graph import nodes_of_kind
from provenance.model import Rules
from provenance.vocab import UNINFORMED, Basis, Stance


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
    return _strength(a.stance, a.basis, rules)


def _strength(stance: Stance, basis: Basis, rules: Rules) -> Strength:
    if stance == Stance.conditional:
        return Strength.conditional
    if stance == Stance.hedges:
        return Strength.hedged
    if basis in rules.authoritative_bases:
        return Strength.authoritative
    if basis in rules.grounded_bases:
        return Strength.grounded
    return Strength.informed if basis not in UNINFORMED else Strength.unsourced


#: `strength` of every stance and basis under one case's thresholds: looked up per origin.
Strengths = dict[tuple[Stance, Basis], Strength]


def strengths(rules: Rules) -> Strengths:
    """Return the strength of an origin of each stance and basis under `rules`."""
    return {(s, b): _strength(s, b, rules) for s in Stance for b in Basis}


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
    discard(sub)
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
