"""W3C PROV, written by the `prov` library: PROV-JSON, PROV-N, PROV-O (Turtle) and
PROV-XML. The mapping is documented in docs/export.md; `provenance.imports.prov_json`
reads PROV-JSON back.

Every function here is pure: analysed document in, text out. PROV-O is byte-identical
from run to run: its blank nodes (the qualified relations) get canonical labels.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from provenance.export.options import ExportOptions
from provenance.records import (
    ActorRecord,
    AssertionRecord,
    CaseRecord,
    ClaimRecord,
    Document,
    SourceRecord,
    Verdict,
)
from provenance.vocab import ActorKind

if TYPE_CHECKING:
    from prov.model import ProvDocument

PT = "urn:prov-tracker:terms#"  # our vocabulary: stance, basis, quote, ...
CASE = "urn:prov-tracker:case:"  # the records of a case
AGENT_TYPE = {
    ActorKind.person: "prov:Person",
    ActorKind.organization: "prov:Organization",
    ActorKind.outlet: "prov:Organization",
    ActorKind.government: "prov:Organization",
    ActorKind.crowd: "prov:Agent",
    ActorKind.anonymous: "prov:Agent",
}

#: (PROV attribute, value) pairs; None and empty values are left out.
Pairs = list[tuple[str, object]]
#: Turns "pt:Claim" into the document's qualified name.
QName = Callable[[str], object]


def qname(kind: str, record_id: str) -> str:
    """Return the PROV qualified name of a case record, e.g. case:actor-gasparino."""
    return f"case:{kind}-{record_id}"


def _kept(pairs: Pairs) -> Pairs:
    return [(k, v) for k, v in pairs if v is not None and v != []]


def prov_document(doc: Document) -> ProvDocument:
    """Return the case as a `prov.model.ProvDocument`: actors as agents, sources, claims
    and assertions as entities, with attribution, citation and quotation relations."""
    import prov.model as pm

    case = doc["case"]
    out = pm.ProvDocument()
    out.add_namespace("pt", PT)
    out.add_namespace("case", CASE)

    def q(value: str) -> object:
        return out.valid_qualified_name(value)

    out.entity("case:case", _kept(_case_pairs(case, q)))
    for actor in case["actors"]:
        out.agent(qname("actor", actor["id"]), _kept(_actor_pairs(actor, q)))
    for actor in case["actors"]:
        if actor.get("affiliation"):
            out.actedOnBehalfOf(qname("actor", actor["id"]), qname("actor", actor["affiliation"]))
    for source in case["sources"]:
        out.entity(qname("source", source["id"]), _kept(_source_pairs(source, q)))
    for source in case["sources"]:
        _source_relations(out, source, q)
    verdicts = doc["analysis"]["claims"]
    for claim in case["claims"]:
        pairs = _claim_pairs(claim, verdicts.get(claim["id"]), q)
        out.entity(qname("claim", claim["id"]), _kept(pairs))
    for a in case["assertions"]:
        out.entity(qname("assertion", a["id"]), _kept(_assertion_pairs(a, q)))
    for a in case["assertions"]:
        node = qname("assertion", a["id"])
        out.wasAttributedTo(node, qname("actor", a["actor"]))
        if a.get("read_in"):
            out.hadPrimarySource(node, qname("source", a["source"]))
        if a.get("via"):
            out.wasQuotedFrom(node, qname("assertion", a["via"]))
    return out


def _case_pairs(case: CaseRecord, q: QName) -> Pairs:
    pairs: Pairs = [("prov:type", q("pt:Case")), ("pt:title", case.get("title"))]
    pairs += [("pt:description", case.get("description"))]
    for key, value in sorted((case.get("review") or {}).items()):
        pairs.append((f"pt:review_{key}", value))
    if case.get("rules"):
        pairs.append(("pt:rules", json.dumps(case.get("rules"), sort_keys=True)))
    return pairs


def _actor_pairs(actor: ActorRecord, q: QName) -> Pairs:
    pairs: Pairs = [
        ("prov:type", q(AGENT_TYPE[ActorKind(actor["kind"])])),
        ("prov:label", actor["name"]),
        ("pt:kind", actor["kind"]),
        ("pt:role", actor.get("role")),
        ("pt:note", actor.get("note")),
    ]
    for alias in actor["aliases"]:
        pairs.append(("pt:wrongName" if alias.get("error") else "pt:alias", alias["name"]))
        if alias.get("note"):
            pairs.append(("pt:aliasNote", f"{alias['name']}: {alias.get('note')}"))
    rel = actor.get("reliability")
    if rel:
        pairs += [
            ("pt:reliabilityGrade", rel["grade"]),
            ("pt:reliabilityBy", rel["by"]),
            ("pt:reliabilityReason", rel["reason"]),
            ("pt:reliabilityDate", rel.get("date")),
        ]
    return pairs


def _source_pairs(source: SourceRecord, q: QName) -> Pairs:
    pairs: Pairs = [
        ("prov:type", q("pt:Source")),
        ("prov:label", source["title"]),
        ("pt:kind", source["kind"]),
        ("pt:date", source.get("date")),
        ("pt:dateNote", source.get("date_note")),
        ("pt:url", source.get("url")),
        ("pt:archive", source.get("archive")),
        ("pt:note", source.get("note")),
    ]
    if source.get("recorded"):
        pairs.append(("pt:recorded", True))
    if source.get("screenshot"):
        pairs.append(("pt:screenshot", True))
    capture = source.get("capture")
    if capture:
        pairs += [(f"pt:capture_{k}", v) for k, v in sorted(capture.items())]
    return pairs


def _source_relations(out: ProvDocument, source: SourceRecord, q: QName) -> None:
    """Add who published or wrote a source, and what it cites."""
    node = qname("source", source["id"])
    for role, agent in (("publisher", source.get("publisher")), ("author", source.get("author"))):
        if agent:
            out.wasAttributedTo(
                node, qname("actor", agent), other_attributes=[("prov:role", q(f"pt:{role}"))]
            )
    for cited in source["cites"]:
        out.wasDerivedFrom(
            node, qname("source", cited), other_attributes=[("prov:type", q("pt:Citation"))]
        )
    for original in source["rewrites"]:
        out.wasDerivedFrom(
            node, qname("source", original), other_attributes=[("prov:type", q("pt:Rewrite"))]
        )
    revised = source.get("revision_of")
    if revised:
        out.wasRevisionOf(node, qname("source", revised))


def _claim_pairs(claim: ClaimRecord, verdict: Verdict | None, q: QName) -> Pairs:
    pairs: Pairs = [
        ("prov:type", q("pt:Claim")),
        ("prov:label", claim["text"]),
        ("pt:note", claim.get("note")),
    ]
    pairs += [("pt:tag", tag) for tag in claim["tags"]]
    for term, others in (
        ("pt:moreSpecificThan", claim["more_specific_than"]),
        ("pt:contradicts", claim["contradicts"]),
        ("pt:contextFor", claim["context_for"]),
    ):
        pairs += [(term, q(qname("claim", other))) for other in others]
    quantity = claim.get("quantity")
    if quantity:
        pairs += [(f"pt:quantity_{k}", v) for k, v in sorted(quantity.items())]
    pairs.append(("pt:about", claim.get("about")))
    if claim["future"]:
        pairs.append(("pt:future", True))
    if verdict:
        pairs += [("pt:status", verdict["status"]), ("pt:grade", verdict["grade"])]
    return pairs


def _assertion_pairs(a: AssertionRecord, q: QName) -> Pairs:
    pairs: Pairs = [
        ("prov:type", q("pt:Assertion")),
        ("pt:stance", a["stance"]),
        ("pt:basis", a["basis"]),
        ("pt:claim", q(qname("claim", a["claim"]))),
        ("pt:source", q(qname("source", a["source"]))),
        ("pt:date", a.get("date")),
        ("pt:quote", a.get("quote")),
        ("pt:namedAs", a.get("named_as")),
        ("pt:speakerTitle", a.get("title")),
        ("pt:note", a.get("note")),
    ]
    read_in = a.get("read_in")
    if read_in:
        pairs.append(("pt:readIn", q(qname("source", read_in))))
    if a["quote_mode"] != "verbatim":
        pairs.append(("pt:quoteMode", a["quote_mode"]))
    if a["speech_act"] != "fact":
        pairs.append(("pt:speechAct", a["speech_act"]))
    pairs.append(("pt:about", a.get("about")))
    if a["undated"]:
        pairs.append(("pt:undated", True))
    pairs.append(("pt:quoteLanguage", a.get("quote_language")))
    if a["self_interested"]:
        pairs += [("pt:selfInterested", True), ("pt:interestNote", a.get("interest_note"))]
    if a["admits_fabrication"]:
        pairs.append(("pt:admitsFabrication", True))
    challenge = a.get("attribution")
    if challenge:
        pairs += [
            ("pt:attributionChallenge", challenge["challenge"]),
            ("pt:attributionNote", challenge.get("note")),
        ]
        pairs += [
            ("pt:challengedByAssertion", q(qname("assertion", x))) for x in challenge["assertions"]
        ]
        pairs += [("pt:challengedBySource", q(qname("source", x))) for x in challenge["sources"]]
    return pairs


def prov_json(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-JSON."""
    return str(prov_document(doc).serialize(format="json", indent=2)) + "\n"


def prov_n(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-N."""
    return str(prov_document(doc).get_provn()) + "\n"


def prov_xml(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-XML."""
    return str(prov_document(doc).serialize(format="xml"))


def prov_o(doc: Document, options: ExportOptions) -> str:
    """Return the case as PROV-O in Turtle, byte-identical from run to run: the prov
    library's RDF graph with its blank nodes relabelled canonically (rdflib.compare), so
    Turtle's sorted output no longer depends on random blank-node ids."""
    from prov.serializers.provrdf import ProvRDFSerializer
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    document = prov_document(doc)
    dataset = ProvRDFSerializer(document).encode_document(document)
    triples = Graph()
    for triple in dataset.triples((None, None, None)):
        triples.add(triple)
    out = Graph(bind_namespaces="none")
    for prefix, namespace in dataset.namespaces():
        out.bind(prefix, namespace, override=True)
    out += to_canonical_graph(triples)
    return str(out.serialize(format="turtle"))
