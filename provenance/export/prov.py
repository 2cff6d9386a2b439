"""W3C PROV serializations of the case written by the `prov` library, from one
`prov.model.ProvDocument` (provenance.export.prov_model): PROV-N, PROV-XML (valid
against the W3C PROV-XML schema) and PROV-O in Turtle, and PROV-JSON as the reference
the direct writer (provenance.export.prov_json, what `prov export -f prov-json` runs)
is tested and measured against.

PROV-O carries both forms a PROV user queries: the qualified relations the prov library
writes (`prov:qualifiedDerivation [ prov:entity ... ]`, with their attributes) and the
unqualified ones (`prov:wasDerivedFrom`, `prov:wasAttributedTo`, `prov:wasQuotedFrom`,
`prov:hadPrimarySource`, `prov:wasGeneratedBy`, ...), with `prov:wasDerivedFrom` also
stated for quotations, primary sources and revisions, so a query needs no inference.

Every function here is pure. PROV-O is byte-identical from run to run: its blank nodes
(the qualified relations) get labels from their content (provenance.export.rdf_labels).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.escape import xml_chars
from provenance.export.options import ExportOptions
from provenance.export.prov_model import CASE, PT, prov_document
from provenance.gcpause import paused
from provenance.records import Document

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "CASE",
    "PT",
    "prov_json_library",
    "prov_n",
    "prov_o",
    "prov_o_canonical",
    "prov_o_canonical_graph",
    "prov_o_graph",
    "prov_xml",
]

PROV_NS = "http://www.w3.org/ns/prov#"
#: prov:qualifiedX -> (the unqualified relation, the influence's property naming its object)
QUALIFIED = {
    "qualifiedAttribution": ("wasAttributedTo", "agent"),
    "qualifiedDerivation": ("wasDerivedFrom", "entity"),
    "qualifiedRevision": ("wasRevisionOf", "entity"),
    "qualifiedQuotation": ("wasQuotedFrom", "entity"),
    "qualifiedPrimarySource": ("hadPrimarySource", "entity"),
    "qualifiedGeneration": ("wasGeneratedBy", "activity"),
    "qualifiedUsage": ("used", "entity"),
    "qualifiedAssociation": ("wasAssociatedWith", "agent"),
    "qualifiedDelegation": ("actedOnBehalfOf", "agent"),
}
#: Sub-properties of prov:wasDerivedFrom in PROV-O.
DERIVATIONS = ("wasRevisionOf", "wasQuotedFrom", "hadPrimarySource")


def prov_json_library(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-JSON written by the `prov` library's serializer: the
    reference for provenance.export.prov_json.prov_json, which writes the same bytes
    ten times as fast (benchmarks/export.py)."""
    return str(prov_document(doc, options).serialize(format="json", indent=2)) + "\n"


def prov_n(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-N."""
    return str(prov_document(doc, options).get_provn()) + "\n"


def prov_xml(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-XML: characters XML 1.0 forbids in case text are replaced
    (escape.xml_chars), so the document is always well-formed."""
    return str(prov_document(doc, options, xml_chars).serialize(format="xml"))


def prov_o_graph(doc: Document, options: ExportOptions) -> Graph:
    """Return the case as a PROV-O RDF graph with both qualified and unqualified
    relations and `prov:generatedAtTime`, its blank nodes labelled from their content
    (provenance.export.rdf_labels, linear in the case)."""
    from provenance.export.rdf_labels import stable_labels

    return stable_labels(_prov_o_triples(doc, options))


def prov_o_canonical_graph(doc: Document, options: ExportOptions) -> Graph:
    """Return the graph of `prov_o_graph` with rdflib's canonical blank-node labels
    (`to_canonical_graph`, about the square of the case): what PROV-O was written from
    before, and the reference its output is tested isomorphic to."""
    from provenance.export.rdf_labels import canonical_labels

    return canonical_labels(_prov_o_triples(doc, options))


def _prov_o_triples(doc: Document, options: ExportOptions) -> Graph:
    """Return the prov library's PROV-O triples of the case with the unqualified
    relations added, bound to the document's prefixes; blank nodes as minted."""
    from prov.serializers.provrdf import ProvRDFSerializer
    from rdflib import Graph

    document = prov_document(doc, options)
    dataset = ProvRDFSerializer(document).encode_document(document)
    triples = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        triples.bind(prefix, namespace, override=True)
    for triple in dataset.triples((None, None, None)):
        triples.add(triple)
    _add_unqualified(triples)
    return triples


def _add_unqualified(graph: Graph) -> None:
    """Add the unqualified relation of every qualified one (and wasDerivedFrom for its
    sub-properties), and prov:generatedAtTime for every generation with a time."""
    from rdflib import Namespace

    prov = Namespace(PROV_NS)
    added = []
    for qualified, (relation, role) in QUALIFIED.items():
        for subject, influence in graph.subject_objects(prov[qualified]):
            for target in graph.objects(influence, prov[role]):
                added.append((subject, prov[relation], target))
                if relation in DERIVATIONS:
                    added.append((subject, prov.wasDerivedFrom, target))
            if qualified == "qualifiedGeneration":
                added += [
                    (subject, prov.generatedAtTime, moment)
                    for moment in graph.objects(influence, prov.atTime)
                ]
    for relation in DERIVATIONS:
        added += [(s, prov.wasDerivedFrom, o) for s, o in graph.subject_objects(prov[relation])]
    for triple in added:
        graph.add(triple)


def prov_o(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-O in Turtle, byte-identical from run to run. The cyclic
    garbage collector is paused meanwhile (provenance.gcpause): rdflib's millions of
    small objects made it walk ever more of them, a third of the time at 10,000
    assertions."""
    with paused():
        return str(prov_o_graph(doc, options).serialize(format="turtle"))


def prov_o_canonical(doc: Document, options: ExportOptions) -> str:
    """Return PROV-O in Turtle as it was written before, from `prov_o_canonical_graph`:
    the reference `prov_o` is tested and measured against (benchmarks/export.py)."""
    return str(prov_o_canonical_graph(doc, options).serialize(format="turtle"))
