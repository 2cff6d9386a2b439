"""`prov check`: the evidence checks' findings of an analysed case, and their tally."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import CheckReport

#: The store sections (provenance.store.SECTIONS) this view reads (see views.status).
READS = frozenset({"checks"})


def check_report(doc: Document) -> CheckReport:
    """Return every finding of `prov check` (computed when the document was built) and
    the number per severity, quotes located in their sources counting as 'ok'."""
    from provenance.checks import summary

    findings = doc["checks"]
    return {"findings": findings, "summary": summary(findings)}
