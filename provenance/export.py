"""Speaking the standards: W3C PROV (through the `prov` library), schema.org ClaimReview,
GraphML and GEXF (through networkx), and the analysed case as JSON.

Every function here is pure: analysed document in, text out. The PROV mapping is
documented in docs/export.md; `provenance.importer` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from provenance.document import Document
from provenance.errors import ProvenanceError

PT = "urn:prov-tracker:terms#"  # our vocabulary: stance, basis, quote, ...
CASE = "urn:prov-tracker:case:"  # the records of a case
PROV_FORMATS = {
    "prov-json": ("json", {}),
    "prov-n": ("provn", {}),
    "prov-o": ("rdf", {"rdf_format": "turtle"}),
    "prov-xml": ("xml", {}),
}
FORMATS = (*PROV_FORMATS, "claimreview", "graphml", "gexf", "json")
ANALYSED_JSON_VERSION = 1
AGENT_TYPE = {
    "person": "prov:Person",
    "organization": "prov:Organization",
    "outlet": "prov:Organization",
    "government": "prov:Organization",
    "crowd": "prov:Agent",
    "anonymous": "prov:Agent",
}


def qname(kind: str, record_id: str) -> str:
    """Return the PROV qualified name of a case record, e.g. case:actor-gasparino."""
    return f"case:{kind}-{record_id}"


def prov_document(doc: Document) -> Any:
    """Return the case as a `prov.model.ProvDocument`: actors as agents, sources, claims
    and assertions as entities, with attribution, citation and quotation relations."""
    import prov.model as pm

    case = doc["case"]
    verdicts = doc["analysis"]["claims"]
    out = pm.ProvDocument()
    out.add_namespace("pt", PT)
    out.add_namespace("case", CASE)

    def q(value: str) -> Any:
        return out.valid_qualified_name(value)

    def attrs(pairs: list[tuple[str, Any]]) -> list[tuple[Any, Any]]:
        return [(k, v) for k, v in pairs if v is not None and v != []]

    header = [("prov:type", q("pt:Case")), ("pt:title", case.get("title"))]
    header += [("pt:description", case.get("description"))]
    for key, value in sorted((case.get("review") or {}).items()):
        header.append((f"pt:review_{key}", value))
    if case.get("rules"):
        header.append(("pt:rules", json.dumps(case["rules"], sort_keys=True)))
    out.entity("case:case", attrs(header))

    for actor in case.get("actors", []):
        pairs: list[tuple[str, Any]] = [
            ("prov:type", q(AGENT_TYPE[actor["kind"]])),
            ("prov:label", actor["name"]),
            ("pt:kind", actor["kind"]),
            ("pt:role", actor.get("role")),
            ("pt:note", actor.get("note")),
        ]
        for alias in actor.get("aliases", []):
            pairs.append(("pt:wrongName" if alias.get("error") else "pt:alias", alias["name"]))
            if alias.get("note"):
                pairs.append(("pt:aliasNote", f"{alias['name']}: {alias['note']}"))
        rel = actor.get("reliability")
        if rel:
            pairs += [
                ("pt:reliabilityGrade", rel["grade"]),
                ("pt:reliabilityBy", rel["by"]),
                ("pt:reliabilityReason", rel["reason"]),
                ("pt:reliabilityDate", rel.get("date")),
            ]
        out.agent(qname("actor", actor["id"]), attrs(pairs))
    for actor in case.get("actors", []):
        if actor.get("affiliation"):
            out.actedOnBehalfOf(qname("actor", actor["id"]), qname("actor", actor["affiliation"]))

    for source in case.get("sources", []):
        pairs = [
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
        out.entity(qname("source", source["id"]), attrs(pairs))
    for source in case.get("sources", []):
        node = qname("source", source["id"])
        for role in ("publisher", "author"):
            if source.get(role):
                out.wasAttributedTo(
                    node,
                    qname("actor", source[role]),
                    other_attributes=[("prov:role", q(f"pt:{role}"))],
                )
        for cited in source.get("cites", []):
            out.wasDerivedFrom(
                node, qname("source", cited), other_attributes=[("prov:type", q("pt:Citation"))]
            )

    for claim in case.get("claims", []):
        verdict: Mapping[str, Any] = verdicts.get(claim["id"], {})
        pairs = [
            ("prov:type", q("pt:Claim")),
            ("prov:label", claim["text"]),
            ("pt:note", claim.get("note")),
        ]
        pairs += [("pt:tag", tag) for tag in claim.get("tags", [])]
        for field, term in (
            ("more_specific_than", "pt:moreSpecificThan"),
            ("contradicts", "pt:contradicts"),
            ("context_for", "pt:contextFor"),
        ):
            links: Mapping[str, Any] = claim
            pairs += [(term, q(qname("claim", other))) for other in links.get(field, [])]
        quantity = claim.get("quantity")
        if quantity:
            pairs += [(f"pt:quantity_{k}", v) for k, v in sorted(quantity.items())]
        if verdict:
            pairs += [("pt:status", verdict["status"]), ("pt:grade", verdict["grade"])]
        out.entity(qname("claim", claim["id"]), attrs(pairs))

    for a in case.get("assertions", []):
        pairs = [
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
        if a.get("read_in"):
            pairs.append(("pt:readIn", q(qname("source", a["read_in"]))))
        if a.get("paraphrase"):
            pairs.append(("pt:paraphrase", True))
        out.entity(qname("assertion", a["id"]), attrs(pairs))
    for a in case.get("assertions", []):
        node = qname("assertion", a["id"])
        out.wasAttributedTo(node, qname("actor", a["actor"]))
        if a.get("read_in"):
            out.hadPrimarySource(node, qname("source", a["source"]))
        if a.get("via"):
            out.wasQuotedFrom(node, qname("assertion", a["via"]))
    return out


def serialize_prov(doc: Document, fmt: str) -> str:
    """Return the case as a PROV document in `fmt`: prov-json, prov-n, prov-o or prov-xml."""
    if fmt not in PROV_FORMATS:
        raise ProvenanceError(f"unknown PROV format '{fmt}'")
    document = prov_document(doc)
    if fmt == "prov-n":
        return str(document.get_provn()) + "\n"
    name, options = PROV_FORMATS[fmt]
    if fmt == "prov-json":
        return str(document.serialize(format=name, indent=2)) + "\n"
    text = document.serialize(format=name, **options)
    return text.decode() if isinstance(text, bytes) else str(text)


def _agent_ld(actor: Mapping[str, Any]) -> dict[str, Any]:
    kind = "Person" if actor["kind"] == "person" else "Organization"
    return {"@type": kind, "name": actor["name"]}


def _work_ld(source: Mapping[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source["title"]}
    if source.get("url"):
        work["url"] = source["url"]
    if source.get("date"):
        work["datePublished"] = source["date"]
    return work


def claim_reviews(
    doc: Document, claim_ids: list[str] | None = None, base_url: str | None = None
) -> list[dict[str, Any]]:
    """Return one schema.org ClaimReview (JSON-LD) per claim: the claim, our status as the
    rating's alternateName with the Admiralty grade, the origins' actors as the claim's
    author, and the sources where it appeared. `base_url` (or the case's review.url) is
    the page the reviews are published on; each review's url is it plus #claim-<id>."""
    case = doc["case"]
    review = case.get("review") or {}
    page = base_url or review.get("url")
    if not page:
        raise ProvenanceError(
            "ClaimReview needs the URL of the page that publishes the "
            "reviews: add review: {url: ...} to the case or pass --url"
        )
    actors = {a["id"]: a for a in case.get("actors", [])}
    sources = {s["id"]: s for s in case.get("sources", [])}
    assertions = {a["id"]: a for a in case.get("assertions", [])}
    claims = {c["id"]: c for c in case.get("claims", [])}
    out = []
    for claim_id in claim_ids or sorted(claims):
        verdict = doc["analysis"]["claims"][claim_id]
        origin_actors = sorted({o["actor"] for o in verdict["origins"]})
        bearing = [assertions[a] for a in [*verdict["support"], *verdict["reach"]]]
        # Where it appeared: where it was said, and where we read it (often the only URL).
        seen = {a["source"] for a in bearing} | {a["read_in"] for a in bearing if a.get("read_in")}
        said = {a["source"] for a in bearing}
        appearances = sorted(
            seen, key=lambda s: (sources[s].get("date") or "9999", s not in said, s)
        )
        item: dict[str, Any] = {"@type": "Claim"}
        if origin_actors:
            authors = [_agent_ld(actors[a]) for a in origin_actors]
            item["author"] = authors[0] if len(authors) == 1 else authors
        if verdict["first_seen"]:
            item["datePublished"] = verdict["first_seen"]
        if appearances:
            item["firstAppearance"] = _work_ld(sources[appearances[0]])
            item["appearance"] = [_work_ld(sources[s]) for s in appearances]
        grade = verdict["grade"]
        rating = {
            "@type": "Rating",
            "alternateName": verdict["status"],
            "name": f"Admiralty credibility {grade}: {verdict['grade_meaning']}",
            # Admiralty grades run from 1 (best) to 6; schema.org ratings run up to best.
            "ratingValue": 7 - grade,
            "bestRating": 6,
            "worstRating": 1,
            "ratingExplanation": "; ".join(r["text"] for r in verdict["reasons"][:3]),
        }
        entry: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page}#claim-{claim_id}",
            "claimReviewed": claims[claim_id]["text"],
            "reviewRating": rating,
            "itemReviewed": item,
        }
        if review.get("author"):
            entry["author"] = {"@type": "Organization", "name": review["author"]}
        if review.get("date"):
            entry["datePublished"] = review["date"]
        out.append(entry)
    return out


def _string_safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def analysed_graph(doc: Document) -> Any:
    """Return the provenance graph with the engine's results on its nodes (status and
    grade on claims, attribution on assertions) and every attribute a plain value."""
    import networkx as nx

    from provenance.graph import build_graph
    from provenance.model import Case

    graph = build_graph(Case.model_validate(doc["case"]))
    verdicts = doc["analysis"]["claims"]
    results = doc["analysis"]["assertions"]
    for _, data in graph.nodes(data=True):
        if data["type"] == "claim":
            data["status"] = verdicts[data["id"]]["status"]
            data["grade"] = verdicts[data["id"]]["grade"]
        elif data["type"] == "assertion":
            data["attribution"] = results[data["id"]]["attribution"]["status"]
            data["flags"] = [f["kind"] for f in results[data["id"]]["flags"]]
        for key in list(data):
            data[key] = _string_safe(data[key])
    plain = nx.MultiDiGraph()
    plain.add_nodes_from(graph.nodes(data=True))
    plain.add_edges_from(graph.edges(keys=True, data=True))
    plain.graph["title"] = _string_safe(doc["case"].get("title"))
    return plain


def graphml(doc: Document) -> str:
    """Return the analysed graph as GraphML, for yEd and Gephi."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(analysed_graph(doc))) + "\n"


def gexf(doc: Document) -> str:
    """Return the analysed graph as GEXF, for Gephi."""
    import networkx as nx

    return "\n".join(nx.generate_gexf(analysed_graph(doc))) + "\n"


def analysed_json(doc: Document) -> str:
    """Return the analysed case (records, verdicts, origins, flags, findings) as JSON with
    a format name and version, for other programs."""
    out = {
        "format": "prov-tracker/analysed-case",
        "version": ANALYSED_JSON_VERSION,
        "case": doc["case"],
        "analysis": doc["analysis"],
        "checks": [{k: v for k, v in f.items()} for f in doc["checks"]],
    }
    return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export(
    doc: Document, fmt: str, claim_ids: list[str] | None = None, base_url: str | None = None
) -> str:
    """Return the case (or, for claimreview, the given claims) in `fmt`."""
    if fmt in PROV_FORMATS:
        return serialize_prov(doc, fmt)
    if fmt == "claimreview":
        reviews = claim_reviews(doc, claim_ids, base_url)
        return json.dumps(reviews, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "graphml":
        return graphml(doc)
    if fmt == "gexf":
        return gexf(doc)
    if fmt == "json":
        return analysed_json(doc)
    from provenance.suggest import hint

    raise ProvenanceError(
        f"unknown format '{fmt}': use one of {', '.join(FORMATS)}{hint(fmt, FORMATS)}"
    )
