"""Speaking the standards: W3C PROV (`prov`, built from `prov_model` and
`prov_analysis`; PROV-O's blank nodes labelled by `rdf_labels`), schema.org ClaimReview
(`claimreview`), GraphML and GEXF (`graphs`) and the analysed case as JSON
(`analysed_json`), each writer pure (analysed document in, text out).
`registry.FORMATS` names them all; `export`, `export_case` and `export_folder` are what
callers use.

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

__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "export", "export_case", "export_folder"]


def export(doc: Document, fmt: str, options: ExportOptions | None = None) -> str:
    """Return the case (or, for formats that select claims, `options.claims`) in `fmt`."""
    return get(fmt).writer()(doc, options or ExportOptions())


def selected_claims(
    doc: Document, fmt: str, term: str | None, claims: list[str] | None
) -> tuple[str, ...] | None:
    """Return the claims a TERM and `--claim` ids select (None: no selection); raise
    ProvenanceError when the format selects no claims or an id names no claim."""
    if term is None and not claims:
        return None
    spec = get(fmt)
    if not spec.selects_claims:
        selecting = " or ".join(f.name for f in FORMATS.values() if f.selects_claims)
        what = "a TERM" if term is not None else "--claim"
        raise ProvenanceError(f"{what} selects claims for --format {selecting} only")
    from provenance.export.terms import claim_ids, claims_named

    chosen = claims_named(doc, term) if term is not None else []
    chosen += claim_ids(doc, claims or [])
    return tuple(dict.fromkeys(chosen))


def export_case(
    doc: Document,
    fmt: str,
    term: str | None = None,
    base_url: str | None = None,
    claims: list[str] | None = None,
    one_file: bool = False,
) -> str:
    """Return what `prov export -f FMT [TERM] [--claim ID] [--url URL]` prints: the case
    in `fmt`, or for a format that selects claims (claimreview), the claims named. With
    `one_file` (the output is a file, which one page publishes) such a format must
    cover exactly one claim: ProvenanceError otherwise."""
    chosen = selected_claims(doc, fmt, term, claims)
    if one_file and get(fmt).selects_claims:
        every = tuple(c["id"] for c in doc["case"]["claims"])
        chosen = every if chosen is None and len(every) == 1 else chosen
        if chosen is None or len(chosen) != 1:
            raise ProvenanceError(
                f"a {fmt} file holds one review (one page, one claim), and "
                f"{len(chosen or every)} claims are selected: give --claim ID, or -o FOLDER/ "
                "for one file per claim"
            )
    return export(doc, fmt, ExportOptions(claims=chosen, base_url=base_url))


def export_folder(
    doc: Document,
    fmt: str,
    term: str | None = None,
    base_url: str | None = None,
    claims: list[str] | None = None,
) -> dict[str, str]:
    """Return what `prov export -f claimreview -o FOLDER/` writes: one file per claim
    (all, or those named), as {file name: text}, e.g. "japan-sold.jsonld"."""
    spec = get(fmt)
    if not spec.selects_claims:
        selecting = " or ".join(f.name for f in FORMATS.values() if f.selects_claims)
        raise ProvenanceError(f"-o FOLDER/ writes one file per claim, for --format {selecting}")
    chosen = selected_claims(doc, fmt, term, claims)
    ids = chosen if chosen is not None else tuple(sorted(c["id"] for c in doc["case"]["claims"]))
    return {
        f"{claim}{spec.suffix}": export(doc, fmt, ExportOptions(claims=(claim,), base_url=base_url))
        for claim in ids
    }
