"""GraphML (yEd, Gephi) and GEXF (Gephi), written by networkx: the provenance graph with
the engine's results on its nodes and every attribute a plain value."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from provenance.export.options import ExportOptions
from provenance.records import Document

if TYPE_CHECKING:
    from networkx import MultiDiGraph


def _string_safe(value: object) -> str | int | float | bool:
    """Return `value` as GraphML can hold it: None as "", lists and mappings as JSON."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def analysed_graph(doc: Document) -> MultiDiGraph:
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


def graphml(doc: Document, options: ExportOptions) -> str:
    """Return the analysed graph as GraphML, for yEd and Gephi."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(analysed_graph(doc))) + "\n"


def gexf(doc: Document, options: ExportOptions) -> str:
    """Return the analysed graph as GEXF, for Gephi."""
    import networkx as nx

    return "\n".join(nx.generate_gexf(analysed_graph(doc))) + "\n"
