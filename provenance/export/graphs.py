"""GraphML (yEd, Gephi, igraph) and GEXF 1.2 (Gephi): the provenance graph with the
engine's results on its nodes.

Node ids are unique across kinds (`actor:ikeda`, `claim:japan-sold`); each node says
its record type in `type` and the case's id in `record_id`; an edge's kind (said, about,
via, cites, ...) is its `kind` attribute (GEXF's own edge `type` is Gephi's
directed/undirected/mutual: always directed here). GEXF is dynamic with
`timeformat="date"`: each dated node and edge has a `start` (the first day of its
date), and the graph's `start`/`end` bound the timeline, so Gephi's timeline replays
the spread. Every attribute is declared once with its type.

Written with ElementTree from plain tables, so the output is deterministic (nodes by id,
edges by ends and kind; no clock) and well-formed: every string passes through
`escape.xml_chars`, every URL through `escape.safe_url`.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from provenance.escape import safe_url, xml_chars
from provenance.export.options import ExportOptions
from provenance.records import Document

if TYPE_CHECKING:
    from networkx import MultiDiGraph

Value = str | int | float | bool
GEXF_NS = "http://www.gexf.net/1.2draft"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: Python type -> (GEXF attribute type, GraphML attr.type)
TYPES = {bool: ("boolean", "boolean"), int: ("long", "long"), float: ("double", "double")}
#: Where a record's date comes from, by record type.
DATED = {"source": "date", "assertion": "date", "claim": "first_seen"}


@dataclass
class Table:
    """The graph as plain rows: nodes (id, attributes), edges (source, target, kind,
    start date) and the type of every attribute, in a fixed order."""

    nodes: list[tuple[str, dict[str, Value]]] = field(default_factory=list)
    edges: list[tuple[str, str, str, str | None]] = field(default_factory=list)

    def node_types(self) -> dict[str, type]:
        """Return each node attribute's type (str when its values disagree), by name."""
        found: dict[str, type] = {}
        for _, attrs in self.nodes:
            for key, value in attrs.items():
                kind = type(value)
                found[key] = kind if found.get(key, kind) is kind else str
        return dict(sorted(found.items()))


def _plain(key: str, value: object) -> Value | None:
    """Return a record's field as one plain value: text cleaned for XML, URLs only when
    safe, lists and mappings as JSON; None when there is nothing to write."""
    if value is None or value == [] or value == {}:
        return None
    if key == "url":
        return safe_url(value)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_chars(value)
    return xml_chars(json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False))


def _day(date: object) -> str | None:
    """Return the first day of a case date ("2025-04" -> "2025-04-01"), or None."""
    if not isinstance(date, str) or not date:
        return None
    from provenance import dates

    try:
        return dates.parse(date).start.date().isoformat()
    except ValueError:
        return None


def table(doc: Document) -> Table:
    """Return the analysed provenance graph as a `Table`: status and grade on claims,
    attribution and flags on assertions, a `label` and a `start` day where dated."""
    graph = _graph(doc)
    verdicts = doc["analysis"]["claims"]
    results = doc["analysis"]["assertions"]
    out = Table()
    starts: dict[str, str | None] = {}
    for key in sorted(graph.nodes):
        data = dict(graph.nodes[key])
        kind, record = data["type"], data.pop("id")
        data["record_id"] = record  # "id" is the node's own id to igraph and Gephi
        if kind == "claim":
            verdict = verdicts[record]
            data.update(status=verdict["status"], grade=verdict["grade"])
            data["first_seen"] = verdict["first_seen"]
        elif kind == "assertion":
            data["attribution"] = results[record]["attribution"]["status"]
            data["flags"] = sorted({f["kind"] for f in results[record]["flags"]})
        data["label"] = data.get("name") or data.get("title") or data.get("text") or record
        starts[key] = _day(data.get(DATED.get(kind, "")))
        if starts[key]:
            data["start"] = starts[key]
        attrs = {k: v for k, v in ((k, _plain(k, v)) for k, v in data.items()) if v is not None}
        out.nodes.append((key, attrs))
    for source, target, kind in sorted(graph.edges(keys=True)):
        dated = source if graph.nodes[source]["type"] in ("assertion", "source") else target
        out.edges.append((source, target, kind, starts.get(dated)))
    return out


def _graph(doc: Document) -> MultiDiGraph:
    from provenance.graph import build_graph
    from provenance.model import Case

    return build_graph(Case.model_validate(doc["case"]))


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _serialize(root: ET.Element, namespace: str) -> str:
    ET.register_namespace("", namespace)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def graphml(doc: Document, options: ExportOptions) -> str:
    """Return the analysed graph as GraphML: node attributes and the edge `kind`
    declared as <key>s; read by networkx, igraph, yEd and Gephi."""
    rows = table(doc)
    ns = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{ns}graphml")
    keys = {}
    for i, (name, python_type) in enumerate(rows.node_types().items()):
        keys[name] = f"n{i}"
        attr_type = _graphml_type(python_type)
        ET.SubElement(
            root,
            f"{ns}key",
            {"id": f"n{i}", "for": "node", "attr.name": name, "attr.type": attr_type},
        )
    ET.SubElement(
        root, f"{ns}key", {"id": "e0", "for": "edge", "attr.name": "kind", "attr.type": "string"}
    )
    graph = ET.SubElement(root, f"{ns}graph", {"id": "provenance", "edgedefault": "directed"})
    for node_id, attrs in rows.nodes:
        node = ET.SubElement(graph, f"{ns}node", {"id": xml_chars(node_id)})
        for name, value in attrs.items():
            ET.SubElement(node, f"{ns}data", {"key": keys[name]}).text = _text(value)
    for source, target, kind, _ in rows.edges:
        edge = ET.SubElement(graph, f"{ns}edge", {"source": source, "target": target})
        ET.SubElement(edge, f"{ns}data", {"key": "e0"}).text = kind
    return _serialize(root, GRAPHML_NS)


def _graphml_type(kind: type) -> str:
    return TYPES[kind][1] if kind in TYPES else "string"


def gexf(doc: Document, options: ExportOptions) -> str:
    """Return the analysed graph as dynamic GEXF 1.2 for Gephi: unique node ids, the
    edge kind as an attribute, `start` days for the timeline, declared attributes."""
    rows = table(doc)
    ns = f"{{{GEXF_NS}}}"
    root = ET.Element(f"{ns}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{ns}meta")
    ET.SubElement(meta, f"{ns}creator").text = "prov-tracker"
    title = doc["case"].get("title")
    if title:
        ET.SubElement(meta, f"{ns}description").text = xml_chars(title)
    days = sorted({s for _, a in rows.nodes if isinstance(s := a.get("start"), str)})
    bounds = {"start": days[0], "end": days[-1]} if days else {}
    graph = ET.SubElement(
        root,
        f"{ns}graph",
        {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date", **bounds},
    )
    node_types = {k: v for k, v in rows.node_types().items() if k not in ("label", "start")}
    ids = _declare(graph, ns, "node", node_types)
    _declare(graph, ns, "edge", {"kind": str})
    nodes = ET.SubElement(graph, f"{ns}nodes")
    for node_id, attrs in rows.nodes:
        spans = {"start": str(attrs["start"])} if "start" in attrs else {}
        label = _text(attrs["label"])
        node = ET.SubElement(nodes, f"{ns}node", {"id": node_id, "label": label, **spans})
        values = ET.SubElement(node, f"{ns}attvalues")
        for name, value in attrs.items():
            if name in ids:
                ET.SubElement(values, f"{ns}attvalue", {"for": ids[name], "value": _text(value)})
    edges = ET.SubElement(graph, f"{ns}edges")
    for i, (source, target, kind, start) in enumerate(rows.edges):
        spans = {"start": start} if start else {}
        edge = ET.SubElement(
            edges,
            f"{ns}edge",
            {"id": f"e{i}", "source": source, "target": target, "type": "directed", "label": kind}
            | spans,
        )
        values = ET.SubElement(edge, f"{ns}attvalues")
        ET.SubElement(values, f"{ns}attvalue", {"for": "e_kind", "value": kind})
    return _serialize(root, GEXF_NS)


def _declare(graph: ET.Element, ns: str, cls: str, types: dict[str, type]) -> dict[str, str]:
    """Declare the attributes of a class (node or edge); return their ids by name."""
    block = ET.SubElement(graph, f"{ns}attributes", {"class": cls, "mode": "static"})
    ids = {}
    for name, kind in types.items():
        ids[name] = f"{cls[0]}_{name}"
        gexf_type = TYPES[kind][0] if kind in TYPES else "string"
        ET.SubElement(block, f"{ns}attribute", {"id": ids[name], "title": name, "type": gexf_type})
    return ids
