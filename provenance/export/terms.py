"""Which claims an export covers when the user names a TERM (`prov export -f claimreview
norinchukin`): the claims `provenance.views.find.find` matches."""

from __future__ import annotations

from provenance.errors import ProvenanceError
from provenance.records import Document


def claims_named(doc: Document, term: str) -> list[str]:
    """Return the ids of the claims `term` names; raise ProvenanceError when it names
    none (or LookupFailed, with suggestions, when it names nothing at all)."""
    from provenance.views.find import find

    claims = [m.id for m in find(doc, term) if m.kind == "claim"]
    if not claims:
        raise ProvenanceError(f"'{term}' names no claim: 'prov status' lists them")
    return claims
