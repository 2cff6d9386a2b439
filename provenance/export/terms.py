"""Which claims an export covers when the user names a TERM (`prov export -f claimreview
norinchukin`): the claims `provenance.trace.find` matches."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from provenance.errors import ProvenanceError
from provenance.records import Document

if TYPE_CHECKING:
    from provenance.document import Document as LooseDocument


def claims_named(doc: Document, term: str) -> list[str]:
    """Return the ids of the claims `term` names; raise ProvenanceError when it names
    none (or LookupFailed, with suggestions, when it names nothing at all)."""
    from provenance.trace import find

    # provenance.trace still takes the loosely typed document; the same data.
    claims = [m.id for m in find(cast("LooseDocument", doc), term) if m.kind == "claim"]
    if not claims:
        raise ProvenanceError(f"'{term}' names no claim: 'prov status' lists them")
    return claims
