"""`prov import FORMAT FILE` for every W3C PROV format the `prov` library reads:
PROV-JSON, PROV-XML, PROV-N, and PROV-O as Turtle or JSON-LD (via rdflib). Each reader
parses the text into a `prov.model.ProvDocument` and maps it with
provenance.imports.prov_case; a text that is not a document of its format is one
ProvenanceError naming the format and what the parser said.
"""

from __future__ import annotations

import json
from typing import Any

from provenance.errors import ProvenanceError
from provenance.escape import terminal
from provenance.imports.prov_case import case_from_document
from provenance.imports.registry import CaseData

Result = tuple[CaseData, list[str]]


def _parse(text: str, name: str, fmt: str, **options: str) -> Any:
    """Return the prov library's document for `text`, or raise ProvenanceError."""
    import prov.model as pm

    try:
        return pm.ProvDocument.deserialize(content=text, format=fmt, **options)
    # The prov library and rdflib raise whatever their parsers trip over on foreign
    # input; any failure to read the file is the file's problem, reported as one line.
    except Exception as exc:
        reason = terminal(f"{exc.__class__.__name__}: {exc}"[:300])
        raise ProvenanceError(f"not a {name} document ({reason})") from exc


def _json(text: str, name: str) -> Any:
    """Return the JSON in `text`, or raise ProvenanceError: not JSON, or nested deeper
    than Python's JSON reader can go (a hostile file)."""
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ProvenanceError(f"not a {name} document (JSONDecodeError: {exc})") from exc
    except RecursionError as exc:
        raise ProvenanceError(
            f"not imported: the {name} document is nested too deeply to read"
        ) from exc


def read_prov_json(text: str) -> Result:
    """Return case data from a PROV-JSON document."""
    _json(text, "PROV-JSON")
    return case_from_document(_parse(text, "PROV-JSON", "json"))


def read_prov_xml(text: str) -> Result:
    """Return case data from a PROV-XML document (entities are not resolved and nothing
    is fetched: the prov library parses with resolve_entities=False, no_network=True)."""
    return case_from_document(_parse(text, "PROV-XML", "xml"))


def read_prov_n(text: str) -> Result:
    """Return case data from a PROV-N document."""
    return case_from_document(_parse(text, "PROV-N", "provn"))


def read_prov_o(text: str) -> Result:
    """Return case data from PROV-O in Turtle."""
    return case_from_document(_parse(text, "PROV-O Turtle", "rdf", rdf_format="turtle"))


def read_prov_o_jsonld(text: str) -> Result:
    """Return case data from PROV-O in JSON-LD. A remote `@context` is refused, never
    fetched: importing a file must not reach the network."""
    data = _json(text, "PROV-O JSON-LD")
    if _remote_context(data):
        raise ProvenanceError(
            "not imported: the JSON-LD names a remote @context, which prov does not fetch; "
            "inline the context"
        )
    return case_from_document(_parse(text, "PROV-O JSON-LD", "rdf", rdf_format="json-ld"))


def _remote_context(data: object) -> bool:
    """Return whether any @context in `data` is (or lists) a URL to fetch."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            context = item.get("@context")
            contexts = context if isinstance(context, list) else [context]
            if any(isinstance(c, str) for c in contexts):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
