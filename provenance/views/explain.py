"""`prov explain`: one claim's whole verdict, every rule the engine tried, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance.views.asof import as_of_view
from provenance.views.find import find_id

if TYPE_CHECKING:
    from provenance.records import Document
    from provenance.views.shapes import ExplainResult


def explain(doc: Document, claim_id: str) -> ExplainResult:
    """Return one claim's full verdict: every rule tried in order, whether it fired and
    why, the origins, reasons and flags, and the thresholds in force. Raises
    LookupFailed, with a suggestion, for an unknown claim id.

    Example: `explain(doc, "japan-sold")["verdict"]["status"]` is `"unconfirmed"`.
    """
    find_id(doc, "claim", claim_id, see="'prov status' lists every claim")
    claims = {c["id"]: c for c in doc["case"].get("claims", [])}
    result: ExplainResult = {
        "claim": claim_id,
        "text": claims[claim_id]["text"],
        "verdict": doc["analysis"]["claims"][claim_id],
        "rules": doc["analysis"]["rules"],
        "overrides": doc["analysis"]["overrides"],
    }
    cut = as_of_view(doc)
    if cut is not None:
        result["as_of"] = cut
    return result
