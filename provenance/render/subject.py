"""Which claim a diagram (or a report) is about: one story per picture.

A term may name several records (`prov render kato` names four claims and an actor).
The picture has one subject claim: a claim the term names, preferring one that a named
actor or source itself asserts, then the most discussed; the other names are listed in
the caption so the reader can draw them too. An actor or a source alone leads to the
claim it says the most about. Pure: analysed document in, ids out.

>>> Subject("japan-sold", ("claim:china-sold",)).also
('claim:china-sold',)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from provenance.errors import LookupFailed
from provenance.views.find import find
from provenance.views.index import CaseIndex

if TYPE_CHECKING:
    from provenance.records import Document


class Subject(NamedTuple):
    """The claim a picture is about, and what else the term named ("kind:id")."""

    claim: str
    also: tuple[str, ...] = ()


def _assertions_of(ix: CaseIndex, kind: str, record_id: str) -> list[str]:
    """Return the assertions a named record makes (actor), holds (source) or is."""
    if kind == "actor":
        return ix.said_by(record_id)
    if kind == "source":
        return sorted({*ix.said_in(record_id), *ix.reported_in(record_id)})
    if kind == "assertion":
        return [record_id]
    return []


def choose_subject(doc: Document, term: str, ix: CaseIndex | None = None) -> Subject:
    """Return the subject claim of `term` and the other records it names.

    Claims the term names come first; among them, one asserted by a named actor or in a
    named source wins, then the one with the most statements, then the first by id.
    Without a named claim, the claim the named records say most about is the subject.
    Raises LookupFailed when the term names nothing, or nothing that bears on a claim.
    """
    ix = ix or CaseIndex(doc)
    matches = find(doc, term)
    named_claims = [m.id for m in matches if m.kind == "claim"]
    said = [a for m in matches for a in _assertions_of(ix, m.kind, m.id)]
    own_claims = [ix.assertions[a]["claim"] for a in said]
    candidates = named_claims or sorted(set(own_claims))
    if not candidates:
        raise LookupFailed(f"'{term}' names no claim and nothing said about one: nothing to draw")

    def rank(claim_id: str) -> tuple[int, int, str]:
        return (-own_claims.count(claim_id), -len(ix.about(claim_id)), claim_id)

    chosen = min(candidates, key=rank)
    if not named_claims:  # the named actor or source led to the claim: nothing else named
        return Subject(chosen)
    also = [f"{m.kind}:{m.id}" for m in matches if (m.kind, m.id) != ("claim", chosen)]
    return Subject(chosen, tuple(also))
