"""The export formats, declared once: name → writer spec, the way the `prov` library
registers its serializers. The CLI's `--format` choices and help, the error for an
unknown format and the table in docs/export.md all read `FORMATS`.

Like the `prov` library's registry, writers are loaded on first use: a spec names its
writer as "module:function", so listing the formats (every `prov` start-up builds the
help text) imports none of them. A test checks every writer resolves.

>>> FORMATS["prov-o"].suffix
'.ttl'
>>> get("claimreview").selects_claims
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, cast

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.export.options import ExportOptions
    from provenance.records import Document

#: A writer: the analysed document and the options in, the file's text out. Pure.
Writer = Callable[["Document", "ExportOptions"], str]


class ExportFormat(NamedTuple):
    """One export format: its `--format` name, what it is (one line, for help and
    docs), its media type and usual file suffix, its writer ("module:function" under
    provenance.export), and whether a TERM may select the claims it covers."""

    name: str
    description: str
    media_type: str
    suffix: str
    writer_name: str
    selects_claims: bool = False

    def writer(self) -> Writer:
        """Return the writer function, importing its module."""
        import importlib

        module, _, function = self.writer_name.partition(":")
        found = getattr(importlib.import_module(f"provenance.export.{module}"), function)
        return cast(Writer, found)


FORMATS: dict[str, ExportFormat] = {
    spec.name: spec
    for spec in (
        ExportFormat(
            "prov-json",
            "W3C PROV as PROV-JSON; `prov import prov-json` reads it back",
            "application/json",
            ".json",
            "prov_json:prov_json",
        ),
        ExportFormat(
            "prov-n",
            "W3C PROV as PROV-N, the readable notation; `prov import prov-n` reads it back",
            "text/provenance-notation",
            ".provn",
            "prov:prov_n",
        ),
        ExportFormat(
            "prov-o",
            "W3C PROV as PROV-O RDF in Turtle, qualified and unqualified relations",
            "text/turtle",
            ".ttl",
            "prov:prov_o",
        ),
        ExportFormat(
            "prov-xml",
            "W3C PROV as PROV-XML, valid against the W3C schema",
            "application/provenance+xml",
            ".provx",
            "prov:prov_xml",
        ),
        ExportFormat(
            "claimreview",
            "schema.org ClaimReview JSON-LD, one review per claim (`--claim ID`, or "
            "`-o FOLDER/` for a file each)",
            "application/ld+json",
            ".jsonld",
            "claimreview:claimreview",
            selects_claims=True,
        ),
        ExportFormat(
            "graphml",
            "the analysed provenance graph as GraphML, for yEd, igraph and Gephi",
            "application/graphml+xml",
            ".graphml",
            "graphs:graphml",
        ),
        ExportFormat(
            "gexf",
            "the analysed provenance graph as dynamic GEXF 1.2, for Gephi's timeline",
            "application/gexf+xml",
            ".gexf",
            "graphs:gexf",
        ),
        ExportFormat(
            "json",
            "the analysed case (records, verdicts, findings), versioned, for programs",
            "application/json",
            ".json",
            "analysed_json:analysed_json",
        ),
    )
}


def names() -> list[str]:
    """Return the format names, in the order help and docs list them."""
    return list(FORMATS)


def choices() -> str:
    """Return the format names as words: "prov-json, prov-n, ... or json"."""
    *rest, last = names()
    return f"{', '.join(rest)} or {last}"


def get(name: str) -> ExportFormat:
    """Return the format called `name`; raise ProvenanceError naming the choices (and
    the closest one) when there is none."""
    if name in FORMATS:
        return FORMATS[name]
    from provenance.suggest import hint

    raise ProvenanceError(
        f"unknown format '{name}': use one of {', '.join(names())}{hint(name, names())}"
    )


def markdown_table() -> str:
    """Return the table of formats docs/export.md shows (a test keeps it in step)."""
    rows = ["| format | what | media type | suffix |", "|---|---|---|---|"]
    rows += [
        f"| `{f.name}` | {f.description} | `{f.media_type}` | `{f.suffix}` |"
        for f in FORMATS.values()
    ]
    return "\n".join(rows) + "\n"
