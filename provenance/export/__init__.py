"""Speaking the standards: W3C PROV (`prov`), schema.org ClaimReview (`claimreview`),
GraphML and GEXF (`graphs`) and the analysed case as JSON (`analysed_json`), one module
per family, each writer pure (analysed document in, text out). `registry.FORMATS` names
them all; `export` and `export_case` are what callers use.

Importing this package is cheap (the CLI lists the formats at start-up); each writer's
module and library load when it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.errors import ProvenanceError
from provenance.export.options import ExportOptions
from provenance.export.registry import FORMATS, ExportFormat, get

if TYPE_CHECKING:
    from provenance.records import Document

__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "export", "export_case"]


def export(doc: Document, fmt: str, options: ExportOptions | None = None) -> str:
    """Return the case (or, for formats that select claims, `options.claims`) in `fmt`."""
    return get(fmt).writer()(doc, options or ExportOptions())


def export_case(
    doc: Document, fmt: str, term: str | None = None, base_url: str | None = None
) -> str:
    """Return what `prov export -f FMT [TERM] [--url URL]` prints: the case in `fmt`, or
    for a format that selects claims (claimreview), the claims `term` names."""
    claims = None
    if term is not None:
        spec = FORMATS.get(fmt)
        if spec is None or not spec.selects_claims:
            selecting = " or ".join(f.name for f in FORMATS.values() if f.selects_claims)
            raise ProvenanceError(f"a TERM selects claims for --format {selecting} only")
        from provenance.export.terms import claims_named

        claims = tuple(claims_named(doc, term))
    return export(doc, fmt, ExportOptions(claims=claims, base_url=base_url))
