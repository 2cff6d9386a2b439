"""The analysed case as JSON, for other programs: the case's records, every verdict with
its origins, reasons, rule trace and flags, per-assertion attribution and chains, and the
findings of `prov check`, under a format name and version. Written by orjson with the
json module's bytes (provenance.export.json_text): NaN and Infinity are refused."""

from __future__ import annotations

from provenance.export.json_text import dumps
from provenance.export.options import ExportOptions
from provenance.records import Document

FORMAT = "prov-tracker/analysed-case"
ANALYSED_JSON_VERSION = 1


def analysed_json(doc: Document, options: ExportOptions) -> str:
    """Return the analysed case (records, verdicts, origins, flags, findings) as JSON with
    a format name and version."""
    return dumps(analysed_case(doc), sort_keys=True) + "\n"


def analysed_case(doc: Document) -> dict[str, object]:
    """Return what the `json` export writes: the document under a format name and
    version (and, cut to a date, what was left out)."""
    out: dict[str, object] = {
        "format": FORMAT,
        "version": ANALYSED_JSON_VERSION,
        "case": doc["case"],
        "analysis": doc["analysis"],
        "checks": doc["checks"],
    }
    if "as_of" in doc:  # cut to a date (--as-of): say so, and what was left out
        out["as_of"] = doc["as_of"]
    return out
