"""PROV-O's blank-node labels (provenance.export.rdf_labels): the Turtle `prov export -f
prov-o` writes is the same graph as the canonical one written before
(`prov_o_canonical`, rdflib's `to_canonical_graph`), byte-identical whatever the order
of the case file, on the seed case and on generated hostile cases; and no two blank
nodes ever share a label, even with identical triples or colliding hashes."""

from __future__ import annotations

import doctest
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from provenance.document import Document, build_document
from provenance.export import ExportOptions, export, rdf_labels
from provenance.export.prov import prov_o_canonical, prov_o_canonical_graph, prov_o_graph
from tests.conftest import SEED
from tests.test_prov_json import EXAMPLES, hostile_cases, write_json

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def _turtle(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def assert_same_graph_as_before(doc: Document, options: ExportOptions) -> str:
    """The new Turtle reads back as the graph the canonical path writes; return it."""
    text = export(doc, "prov-o", options)
    assert isomorphic(prov_o_graph(doc, options), prov_o_canonical_graph(doc, options))
    assert isomorphic(_turtle(text), _turtle(prov_o_canonical(doc, options)))
    return text


def _shuffled(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    shuffled = {k: list(v) if isinstance(v, list) else v for k, v in data.items()}
    for value in shuffled.values():
        if isinstance(value, list):
            rng.shuffle(value)
    return shuffled


def test_the_seed_case_is_the_canonical_graph(seed_doc: Document) -> None:
    text = assert_same_graph_as_before(seed_doc, ExportOptions())
    assert_same_graph_as_before(seed_doc, ExportOptions(as_of="2025-04-10"))
    assert text.count("prov:qualifiedDerivation [") > 5  # blank nodes, inlined
    assert "_:" not in text


@pytest.mark.parametrize("seed", range(3))
def test_the_seed_case_in_any_order_gives_the_same_bytes(
    seed_doc: Document, tmp_path: Path, seed: int
) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    data = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    shuffled = _shuffled(data, random.Random(seed))
    assert shuffled != data
    text = yaml.safe_dump(shuffled, allow_unicode=True, sort_keys=False)
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    assert export(build_document(folder), "prov-o") == export(seed_doc, "prov-o")


@settings(
    max_examples=max(EXAMPLES // 2, 5),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(hostile_cases(), st.randoms(use_true_random=False))
def test_generated_cases_are_the_canonical_graph_in_any_order(
    data: dict[str, Any], rng: random.Random
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = build_document(write_json(Path(folder), data))
        (Path(folder) / "again").mkdir()
        again = build_document(write_json(Path(folder) / "again", _shuffled(data, rng)))
    text = assert_same_graph_as_before(doc, ExportOptions())
    assert export(again, "prov-o") == text
    assert all(str(url).startswith(("http://", "https://")) for url in _urls(_turtle(text)))


def _urls(graph: Graph) -> list[Literal]:
    return [
        o for o in graph.objects() if isinstance(o, Literal) and o.datatype == rdflib.XSD.anyURI
    ]


# --- the labels themselves ---------------------------------------------------------------


def _twins(order: list[int], subjects: tuple[str, str]) -> Graph:
    """Two associations with the same agent and role, hung off `subjects`, added in
    `order`; the blank nodes are fresh each time."""
    graph = Graph()
    nodes = [BNode(), BNode()]
    for i in order:
        graph.add((URIRef(subjects[i]), PROV.qualifiedAssociation, nodes[i]))
        graph.add((nodes[i], rdflib.RDF.type, PROV.Association))
        graph.add((nodes[i], PROV.agent, URIRef("urn:x:agent")))
    return graph


def _labels(graph: Graph) -> set[str]:
    return {str(t) for triple in graph for t in triple if isinstance(t, BNode)}


@pytest.mark.parametrize("subjects", [("urn:x:a", "urn:x:b"), ("urn:x:a", "urn:x:a")])
def test_identical_blank_nodes_keep_their_own_labels(subjects: tuple[str, str]) -> None:
    """Two qualified relations whose triples differ only in what points at them, or not
    at all (one activity associated twice alike), stay two nodes, and the Turtle does
    not depend on which was added first."""
    first = rdf_labels.stable_labels(_twins([0, 1], subjects))
    second = rdf_labels.stable_labels(_twins([1, 0], subjects))
    assert len(_labels(first)) == 2 and len(first) == 6
    assert isomorphic(first, _twins([0, 1], subjects))
    assert set(first) == set(second)  # the same labels, whichever came first
    assert first.serialize(format="turtle") == second.serialize(format="turtle")


def test_colliding_hashes_still_give_distinct_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rdf_labels, "_digest", lambda signature: "0")
    first = rdf_labels.stable_labels(_twins([0, 1], ("urn:x:a", "urn:x:b")))
    second = rdf_labels.stable_labels(_twins([1, 0], ("urn:x:a", "urn:x:b")))
    assert _labels(first) == {"q00", "q01"}
    assert set(first) == set(second)  # the same labels, whichever came first
    assert isomorphic(first, _twins([0, 1], ("urn:x:a", "urn:x:b")))


def _nested(order: list[int]) -> Graph:
    """Blank nodes of another shape: one pointing at another, one pointed at twice."""
    graph = Graph()
    outer, inner, shared = BNode(), BNode(), BNode()
    triples = [
        (URIRef("urn:x:a"), PROV.qualifiedDerivation, outer),
        (outer, PROV.hadActivity, inner),
        (inner, PROV.used, URIRef("urn:x:e")),
        (URIRef("urn:x:a"), PROV.qualifiedUsage, shared),
        (URIRef("urn:x:b"), PROV.qualifiedUsage, shared),
        (shared, PROV.entity, Literal("x")),
    ]
    for i in order:
        graph.add(triples[i])
    return graph


def test_blank_nodes_of_another_shape_get_canonical_labels() -> None:
    first = rdf_labels.stable_labels(_nested(list(range(6))))
    second = rdf_labels.stable_labels(_nested([5, 3, 1, 4, 0, 2]))
    assert isomorphic(first, _nested(list(range(6))))
    assert first.serialize(format="turtle") == second.serialize(format="turtle")


def test_the_module_example_runs() -> None:
    assert doctest.testmod(rdf_labels).failed == 0
