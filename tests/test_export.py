"""Exports: W3C PROV (read back by the prov library and rdflib), ClaimReview (expanded by
pyld), GraphML and GEXF (read back by networkx), the analysed JSON, and PROV-JSON import."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import prov.model as pm
import pytest
import rdflib
import yaml
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document, build_document
from provenance.errors import ProvenanceError
from provenance.export import FORMATS, ExportOptions, export, export_case, registry
from provenance.export.claimreview import claim_reviews
from provenance.export.prov import prov_document
from provenance.export.terms import claims_named
from provenance.imports import registry as import_formats
from provenance.imports.prov_json import case_from_prov_json
from tests.conftest import write_case

HOSTILE = 'He said "sell" & <b>left</b>\nnew line \\N 日本 農林中金'
runner = CliRunner()


@pytest.fixture
def hostile_data() -> dict[str, Any]:
    return {
        "title": HOSTILE,
        "review": {"author": "Desk", "url": "https://example.org/r", "date": "2025-06-01"},
        "actors": [
            {
                "id": "x",
                "name": HOSTILE,
                "kind": "person",
                "aliases": ["X", {"name": "Wrong Name", "error": True, "note": HOSTILE}],
            },
            {"id": "paper", "name": "Paper", "kind": "outlet"},
        ],
        "sources": [
            {
                "id": "s",
                "title": HOSTILE,
                "kind": "article",
                "publisher": "paper",
                "url": "https://example.org/a?x=1&y=2",
                "date": "2025-04-09",
            },
            {"id": "t", "title": "T", "kind": "broadcast", "cites": ["s"]},
        ],
        "claims": [
            {"id": "c", "text": HOSTILE, "tags": ["a", "b"]},
            {
                "id": "d",
                "text": "D",
                "more_specific_than": ["c"],
                "quantity": {
                    "subject": "holdings",
                    "value": 1.5e12,
                    "unit": "USD",
                    "qualifier": "over",
                    "as_of": "2025-01",
                },
            },
        ],
        "assertions": [
            {
                "id": "a1",
                "actor": "x",
                "claim": "c",
                "source": "t",
                "read_in": "s",
                "stance": "states",
                "basis": "first_hand",
                "quote": HOSTILE,
                "date": "2025-04-09",
                "named_as": "X",
                "title": "Reporter",
            },
            {
                "id": "a2",
                "actor": "paper",
                "claim": "d",
                "source": "s",
                "stance": "hedges",
                "via": "a1",
                "paraphrase": True,
            },
        ],
    }


@pytest.fixture
def hostile_doc(tmp_path: Path, hostile_data: dict[str, Any]) -> Document:
    return build_document(write_case(tmp_path, hostile_data))


def test_prov_json_is_read_back_equal_to_the_document_in_memory(seed_doc: Document) -> None:
    text = export(seed_doc, "prov-json")
    assert pm.ProvDocument.deserialize(content=text, format="json") == prov_document(seed_doc)


def test_prov_json_maps_agents_entities_and_relations(seed_doc: Document) -> None:
    data = json.loads(export(seed_doc, "prov-json"))
    assert data["agent"]["case:actor-gasparino"]["prov:type"]["$"] == "prov:Person"
    assert data["entity"]["case:assertion-gasparino-japan-sold"]["pt:stance"] == "states"
    quotations = [
        r
        for r in data["wasDerivedFrom"].values()
        if r.get("prov:type", {}).get("$") == "prov:Quotation"
    ]
    assert {
        "prov:generatedEntity": "case:assertion-hakimian-liquidation",
        "prov:usedEntity": "case:assertion-gasparino-japan-sold",
        "prov:type": {"$": "prov:Quotation", "type": "xsd:QName"},
    } in quotations
    attributions = list(data["wasAttributedTo"].values())
    assert {
        "prov:entity": "case:assertion-kato-card-zaobao",
        "prov:agent": "case:actor-kato",
    } in attributions


def test_prov_o_parses_with_rdflib(seed_doc: Document) -> None:
    graph = rdflib.Graph().parse(data=export(seed_doc, "prov-o"), format="turtle")
    prov_ns = rdflib.Namespace("http://www.w3.org/ns/prov#")
    gasparino = rdflib.URIRef("urn:prov-tracker:case:actor-gasparino")
    assert (gasparino, rdflib.RDF.type, prov_ns.Agent) in graph
    assert len(graph) > 500


def test_prov_n_and_prov_xml(seed_doc: Document) -> None:
    provn = export(seed_doc, "prov-n")
    assert provn.startswith("document\n")
    assert "agent(case:actor-gasparino, [prov:type='prov:Person'" in provn
    root = ET.fromstring(export(seed_doc, "prov-xml").encode())
    assert root.tag == "{http://www.w3.org/ns/prov#}document"


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_export_import_export_is_stable(
    which: str, seed_doc: Document, hostile_doc: Document, tmp_path: Path
) -> None:
    doc = seed_doc if which == "seed" else hostile_doc
    first = export(doc, "prov-json")
    data, unmapped = case_from_prov_json(first)
    assert unmapped == []
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "case.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    if which == "seed":
        shutil.copytree("seeds/treasuries-2025/sources", tmp_path / "again" / "sources")
    again = build_document(tmp_path / "again")
    assert export(again, "prov-json") == first
    assert again["case"] == doc["case"]


def test_import_reports_what_it_cannot_map() -> None:
    other = pm.ProvDocument()
    other.add_namespace("ex", "https://example.org/")
    other.agent("ex:alice", [("prov:type", pm.PROV["Person"]), ("prov:label", "Alice")])
    other.entity("ex:report", [("prov:label", "A report")])
    other.entity("ex:notes")
    other.activity("ex:writing")
    other.wasGeneratedBy("ex:report", "ex:writing")
    other.wasAttributedTo("ex:report", "ex:alice")
    other.wasDerivedFrom("ex:report", "ex:notes")
    data, unmapped = case_from_prov_json(other.serialize())
    assert data["actors"] == [{"id": "alice", "name": "Alice", "kind": "person"}]
    report = next(s for s in data["sources"] if s["id"] == "report")
    assert (report["publisher"], report["cites"]) == ("alice", ["notes"])
    assert unmapped == [
        "not mapped: activity(ex:writing, -, -)",
        "not mapped: wasGeneratedBy(ex:report, ex:writing, -)",
    ]


def test_claimreview_has_what_google_requires_and_recommends(seed_doc: Document) -> None:
    [review] = claim_reviews(seed_doc, ["norinchukin-sold"], "https://example.org/check")
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://example.org/check#claim-norinchukin-sold"
    assert review["claimReviewed"] == "Norinchukin Bank sold US Treasuries around 9 April 2025"
    assert review["reviewRating"]["alternateName"] == "unconfirmed"
    assert review["reviewRating"]["name"] == "Admiralty credibility 4: doubtful"
    assert (review["author"], review["datePublished"]) == (
        {"@type": "Organization", "name": "prov seed case"},
        "2026-11-21",
    )
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Japanese netizens on X"}
    assert item["firstAppearance"]["headline"] == "Japanese netizens' posts on X about Norinchukin"
    assert "https://www.toutiao.com/article/7492815305761178151/" in [
        a.get("url") for a in item["appearance"]
    ]


def test_claimreview_is_valid_json_ld(seed_doc: Document) -> None:
    from pyld import jsonld

    def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        # The network is not reachable here; schema.org's context maps terms to its vocab.
        assert url.rstrip("/") == "https://schema.org"
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}},
        }

    reviews = claim_reviews(seed_doc, None, "https://example.org/check")
    expanded = jsonld.expand(reviews[0], {"documentLoader": offline_loader})
    assert expanded[0]["@type"] == ["https://schema.org/ClaimReview"]
    assert "https://schema.org/claimReviewed" in expanded[0]
    assert len(reviews) == len(seed_doc["case"]["claims"])


def test_claimreview_without_a_url_says_how_to_give_one() -> None:
    result = runner.invoke(app, ["export", "--format", "claimreview"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "prov: ClaimReview needs the URL of the page that publishes the reviews: add "
        "review: {url: ...} to the case or pass --url"
    )


def test_graphml_and_gexf_keep_kinds_statuses_and_hostile_strings(
    hostile_doc: Document, tmp_path: Path
) -> None:
    (tmp_path / "g.graphml").write_text(export(hostile_doc, "graphml"), encoding="utf-8")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.nodes["claim:c"]["type"] == "claim"
    assert graph.nodes["claim:c"]["status"] == "unconfirmed"
    assert graph.nodes["claim:c"]["text"] == HOSTILE
    assert graph.nodes["actor:x"]["name"] == HOSTILE
    assert json.loads(graph.nodes["claim:d"]["quantity"])["qualifier"] == "over"
    (tmp_path / "g.gexf").write_text(export(hostile_doc, "gexf"), encoding="utf-8")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()


def test_analysed_json_is_versioned(seed_doc: Document) -> None:
    data = json.loads(export(seed_doc, "json"))
    assert (data["format"], data["version"]) == ("prov-tracker/analysed-case", 1)
    assert data["analysis"]["claims"]["norinchukin-sold"]["status"] == "unconfirmed"


def test_export_to_a_file_and_import_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    result = runner.invoke(app, ["export", "-f", "prov-json", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"prov: wrote {target}"
    existing = tmp_path / "case.yaml"
    existing.write_text("title: keep me\n")
    refused = runner.invoke(app, ["import", "prov-json", str(target), "-o", str(existing)])
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"prov: {existing} exists: give another -o, or --force to replace it\n"
    )
    assert existing.read_text() == "title: keep me\n"
    forced = runner.invoke(
        app, ["import", "prov-json", str(target), "-o", str(existing), "--force"]
    )
    assert forced.exit_code == 0
    assert yaml.safe_load(existing.read_text())["title"].startswith("Who sold US Treasuries")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "-f", "provjson"],
            "prov: unknown format 'provjson': use one of prov-json, prov-n, prov-o, prov-xml, "
            "claimreview, graphml, gexf, json (did you mean 'prov-json'?)",
        ),
        (
            ["export", "-f", "graphml", "kato"],
            "prov: a TERM selects claims for --format claimreview only",
        ),
        (
            ["import", "prov-xml", "x.xml"],
            "prov: unknown import format 'prov-xml': only prov-json is read",
        ),
        (
            ["import", "prov-json", "no/such.json"],
            "prov: cannot read no/such.json: No such file or directory",
        ),
    ],
)
def test_export_and_import_refuse_bad_input(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_import_of_something_that_is_not_prov_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["import", "prov-json", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith("prov: not a PROV-JSON document (")


def test_claimreview_carries_hostile_text_verbatim(hostile_doc: Document) -> None:
    reviews = claim_reviews(hostile_doc)
    again = json.loads(export(hostile_doc, "claimreview"))
    assert again == reviews
    by_url = {r["url"]: r for r in reviews}
    review = by_url["https://example.org/r#claim-c"]
    assert review["claimReviewed"] == HOSTILE
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": HOSTILE}
    assert review["itemReviewed"]["firstAppearance"]["url"] == "https://example.org/a?x=1&y=2"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[]", "ProvJSONException: A PROV-JSON document must be a JSON object; found list: []"),
        ('{"foo": 1}', "ProvJSONException: 'foo' is not a recognised PROV-N record-type keyword"),
    ],
)
def test_import_of_json_that_is_not_prov(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content)
    result = runner.invoke(app, ["import", "prov-json", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"prov: not a PROV-JSON document ({reason}")


# --- the registry of formats ----------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "export.md"
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_registered_writer_loads_and_writes(seed_doc: Document, name: str) -> None:
    spec = FORMATS[name]
    text = spec.writer()(seed_doc, ExportOptions(base_url="https://example.org/r"))
    assert text.endswith("\n") and len(text) > 1000
    assert spec.suffix.startswith(".") and "/" in spec.media_type


def test_docs_list_every_registered_format() -> None:
    text = DOCS.read_text(encoding="utf-8")
    begin, end = "<!-- formats: begin -->\n", "<!-- formats: end -->"
    if os.environ.get("PROV_UPDATE_GOLDEN") == "1":
        head, rest = text.split(begin)
        text = head + begin + registry.markdown_table() + end + rest.split(end)[1]
        DOCS.write_text(text, encoding="utf-8")
    assert text.split(begin)[1].split(end)[0] == registry.markdown_table()


def test_readme_export_section_names_every_format() -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme.split("### `prov export")[1].split("\n### ")[0]
    missing = [name for name in FORMATS if name not in section]
    assert missing == [], f"README's export section does not mention {missing}"


def test_cli_help_lists_the_registered_formats() -> None:
    result = runner.invoke(app, ["export", "--help"], terminal_width=400)
    assert registry.choices() in " ".join(result.stdout.split())
    assert registry.choices() == (
        "prov-json, prov-n, prov-o, prov-xml, claimreview, graphml, gexf or json"
    )


def test_every_registered_reader_loads() -> None:
    for spec in import_formats.FORMATS.values():
        assert callable(spec.reader())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_is_byte_identical_for_a_reordered_case(
    hostile_data: dict[str, Any], tmp_path: Path, fmt: str
) -> None:
    reordered = {
        k: list(reversed(v)) if isinstance(v, list) else v for k, v in hostile_data.items()
    }
    first = build_document(write_case(tmp_path, hostile_data))
    (tmp_path / "again").mkdir()
    second = build_document(write_case(tmp_path / "again", reordered))
    one, other = export(first, fmt), export(second, fmt)
    assert one == export(first, fmt)
    if fmt == "json":
        # Findings point at a file and line, which a reordered case file moves.
        one, other = (json.dumps({**json.loads(t), "checks": []}) for t in (one, other))
    assert one == other


def test_a_term_selects_the_claims_it_names(seed_doc: Document) -> None:
    url = "https://example.org/check"
    reviews = json.loads(export_case(seed_doc, "claimreview", "norinchukin", url))
    named = claims_named(seed_doc, "norinchukin")
    assert [r["url"] for r in reviews] == [f"{url}#claim-{c}" for c in named]
    assert "norinchukin-sold" in named
    with pytest.raises(ProvenanceError, match="names no claim"):
        claims_named(seed_doc, "gasparino")


def test_prov_o_is_byte_identical_from_run_to_run(seed_doc: Document) -> None:
    # The seed case has sources with several qualified relations of one kind, whose
    # blank nodes rdflib would otherwise order by random ids.
    first = export(seed_doc, "prov-o")
    assert first.count("prov:qualifiedDerivation [") > 5
    assert all(export(seed_doc, "prov-o") == first for _ in range(3))


def test_issue_13_fields_survive_export_and_import(tmp_path: Path) -> None:
    """Quote mode and language, speech act, self-interest, challenges, fabrication,
    screenshots, captures, rewrites and revisions come back from PROV-JSON unchanged."""
    said = {"actor": "x", "claim": "c", "stance": "states", "quote": "words"}
    data = {
        "actors": [{"id": "x", "name": "X", "kind": "person"}],
        "sources": [
            {"id": "wire", "title": "Wire", "kind": "article", "screenshot": True},
            {"id": "copy", "title": "Copy", "kind": "article", "rewrites": ["wire"]},
            {
                "id": "v2",
                "title": "Page v2",
                "kind": "other",
                "revision_of": "copy",
                "capture": {"sha256": "ab" * 32, "date": "2025-04-10", "note": "saved"},
            },
        ],
        "claims": [{"id": "c", "text": "C"}],
        "assertions": [
            {
                "id": "a1",
                "source": "wire",
                **said,
                "quote_mode": "translation",
                "quote_language": "ja",
                "speech_act": "intent",
                "self_interested": True,
                "interest_note": "its own deal",
                "attribution": {
                    "challenge": "refuted",
                    "assertions": ["a2"],
                    "sources": ["v2"],
                    "note": "not on the tape",
                },
            },
            {
                "id": "a2",
                "source": "copy",
                **said,
                "stance": "retracts",
                "via": "a1",
                "admits_fabrication": True,
                "quote_mode": "paraphrase",
            },
        ],
    }
    doc = build_document(write_case(tmp_path, data))
    back, unmapped = case_from_prov_json(export(doc, "prov-json", ExportOptions()))
    assert unmapped == []
    (tmp_path / "again").mkdir()
    again = build_document(write_case(tmp_path / "again", back))
    assert again["case"] == doc["case"]
    sources = {s["id"]: s for s in again["case"]["sources"]}
    assert (sources["v2"].get("revision_of"), sources["copy"]["rewrites"]) == ("copy", ["wire"])
    assert again["case"]["assertions"][0].get("attribution", {}).get("sources") == ["v2"]
