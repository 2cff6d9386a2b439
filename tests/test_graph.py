from __future__ import annotations

import random

import networkx as nx

from provenance.casefile import read_case
from provenance.graph import EDGE_KINDS, build_graph, nodes_of_kind, targets
from provenance.model import Case
from tests.conftest import SEED


def test_every_record_is_a_typed_node_and_every_reference_a_typed_edge() -> None:
    case = read_case(SEED).case
    graph = build_graph(case)
    assert len(nodes_of_kind(graph, "assertion")) == len(case.assertions)
    assert len(nodes_of_kind(graph, "claim")) == len(case.claims)
    assert {data["type"] for _, _, data in graph.edges(data=True)} == set(EDGE_KINDS)


def test_relays_cites_and_specificity_point_upstream() -> None:
    graph = build_graph(read_case(SEED).case)
    assert targets(graph, "assertion:hakimian-liquidation", "via") == [
        "assertion:gasparino-japan-sold"
    ]
    assert "source:fox-broadcast" in targets(graph, "source:guancha-article", "cites")
    assert targets(graph, "claim:norinchukin-sold", "more-specific-than") == [
        "claim:japanese-institution-sold"
    ]
    assert targets(graph, "actor:gasparino", "said") == [
        "assertion:gasparino-japan-sold",
        "assertion:gasparino-not-china",
        "assertion:gasparino-pause-bonds",
    ]


def test_the_graph_does_not_depend_on_the_order_of_the_case_file() -> None:
    case = read_case(SEED).case
    data = case.model_dump(mode="json")
    rng = random.Random(7)
    for key in ("actors", "sources", "claims", "assertions"):
        rng.shuffle(data[key])
    shuffled = build_graph(Case.model_validate(data))
    original = build_graph(case)
    assert list(shuffled.nodes(data=True)) == list(original.nodes(data=True))
    assert list(shuffled.edges(keys=True, data=True)) == list(original.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(shuffled, original)
