"""Which claims an export covers when the user names them: a TERM (`prov export -f
claimreview norinchukin`), matched as `provenance.views.find.find` matches, or exact ids
(`--claim norinchukin-sold`)."""

from __future__ import annotations

from provenance.errors import ProvenanceError
from provenance.records import Document


def claims_named(doc: Document, term: str) -> list[str]:
    """Return the ids of the claims `term` names; raise ProvenanceError when it names
    none (or LookupFailed, with suggestions, when it names nothing at all)."""
    from provenance.views.find import find

    claims = [m.id for m in find(doc, term) if m.kind == "claim"]
    if not claims:
        from provenance.escape import terminal

        raise ProvenanceError(f"'{terminal(term)}' names no claim: 'prov status' lists them")
    return claims


def claim_ids(doc: Document, ids: list[str]) -> list[str]:
    """Return `ids` (a leading "claim:" allowed) when each is a claim's id; raise
    ProvenanceError naming the first that is not, with the closest id."""
    known = sorted(c["id"] for c in doc["case"]["claims"])
    found = []
    for given in ids:
        claim = given.removeprefix("claim:")
        if claim not in known:
            from provenance.escape import terminal
            from provenance.suggest import hint

            raise ProvenanceError(
                f"--claim {terminal(given)}: no claim has this id ('prov status' lists them)"
                f"{hint(claim, known)}"
            )
        found.append(claim)
    return found
